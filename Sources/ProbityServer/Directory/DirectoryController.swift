import Fluent
import Vapor

/// The directory pages: index, list, detail, create, edit, delete and CSV import, for every kind.
struct DirectoryController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let directory = routes.grouped("directory")
        directory.get(use: index)
        for kind in DirectoryKind.allCases {
            let group = directory.grouped(.constant(kind.rawValue))
            group.get { try await list(req: $0, kind: kind) }
            group.get("new") { try await newForm(req: $0, kind: kind) }
            group.post { try await create(req: $0, kind: kind) }
            group.get("import") { try await importForm(req: $0, kind: kind) }
            group.on(.POST, "import", body: .collect(maxSize: "5mb")) { try await importCSV(req: $0, kind: kind) }
            group.get(":id") { try await show(req: $0, kind: kind) }
            group.get(":id", "edit") { try await editForm(req: $0, kind: kind) }
            group.post(":id") { try await update(req: $0, kind: kind) }
            group.post(":id", "delete") { try await delete(req: $0, kind: kind) }
        }
    }

    struct IndexPage: Encodable {
        struct Item: Encodable { var href: String; var label: String; var summary: String; var count: Int }
        var items: [Item]
        var canEdit: Bool
    }

    func index(req: Request) async throws -> View {
        let actor = try req.requireActor()
        var items: [IndexPage.Item] = []
        for kind in DirectoryKind.allCases {
            let total = try await DirectoryRegistry.standard.resource(kind).list(req.db, actor.authorityID, 1, 1).total
            items.append(.init(href: "/directory/\(kind.rawValue)", label: kind.plural, summary: kind.summary, count: total))
        }
        return try await req.render("directory/index", title: "Directory", content: IndexPage(items: items, canEdit: actor.canAdminister))
    }

    struct ListPage: Encodable {
        var kind: String
        var plural: String
        var singular: String
        var columns: [String]
        var rows: [DirectoryView.Row]
        var total: Int
        var pagination: Pagination
        var canEdit: Bool
    }

    func list(req: Request, kind: DirectoryKind) async throws -> View {
        let actor = try req.requireActor()
        let page = req.pageNumber
        let (items, total, names) = try await DirectoryService(req: req).list(kind, page: page, per: Self.perPage)
        let specs = DirectoryRegistry.standard.resource(kind).specs
        let content = ListPage(
            kind: kind.rawValue, plural: kind.plural, singular: kind.singular,
            columns: specs.filter(\.listed).map(\.label),
            rows: DirectoryView.rows(items, specs: specs, names: names), total: total,
            pagination: Pagination(page: page, per: Self.perPage, total: total, path: "/directory/\(kind.rawValue)"),
            canEdit: actor.canAdminister)
        return try await req.render("directory/list", title: kind.plural, content: content,
                                    breadcrumbs: [.init(href: "/directory", label: "Directory")])
    }

    struct ShowPage: Encodable {
        var kind: String
        var singular: String
        var id: String
        var name: String
        var details: [DirectoryView.Detail]
        var canEdit: Bool
    }

    func show(req: Request, kind: DirectoryKind) async throws -> View {
        let actor = try req.requireActor()
        let id = try Self.id(req, kind)
        let (record, names) = try await DirectoryService(req: req).find(kind, id: id)
        let specs = DirectoryRegistry.standard.resource(kind).specs
        let details = specs.map { DirectoryView.Detail(label: $0.label, cells: DirectoryView.cells(record.values[$0.key], spec: $0, names: names)) }
        return try await req.render("directory/show", title: record.displayName,
                                    content: ShowPage(kind: kind.rawValue, singular: kind.singular, id: id.uuidString, name: record.displayName,
                                                      details: details, canEdit: actor.canAdminister),
                                    breadcrumbs: Self.crumbs(kind))
    }

    struct FormPage: Encodable {
        var kind: String
        var singular: String
        var action: String
        var heading: String
        var fields: [DirectoryView.FormField]
        var isEdit: Bool
        var cancelHref: String
    }

    func newForm(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).create")
        return try await renderForm(req: req, kind: kind, id: nil, values: [:], raw: nil, errors: [], status: .ok)
    }

    func editForm(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).update")
        let id = try Self.id(req, kind)
        let (record, _) = try await DirectoryService(req: req).find(kind, id: id)
        return try await renderForm(req: req, kind: kind, id: id, values: record.values, raw: nil, errors: [], status: .ok, name: record.displayName)
    }

    func create(req: Request, kind: DirectoryKind) async throws -> Response {
        try await submit(req: req, kind: kind, id: nil)
    }

    func update(req: Request, kind: DirectoryKind) async throws -> Response {
        try await submit(req: req, kind: kind, id: Self.id(req, kind))
    }

    private func submit(req: Request, kind: DirectoryKind, id: UUID?) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).\(id == nil ? "create" : "update")")
        let specs = DirectoryRegistry.standard.resource(kind).specs
        let raw = try FormBody(req).fields(specs)
        let parsed = DirectoryInput.parse(text: raw, specs: specs, partial: false)
        var errors = parsed.errors
        if errors.isEmpty {
            do {
                let record = try await DirectoryService(req: req).save(kind, id: id, values: parsed.values)
                return req.redirect(to: "/directory/\(kind.rawValue)/\(record.id.uuidString)",
                                    flash: "\(kind.singular) ‘\(record.displayName)’ \(id == nil ? "added" : "saved")")
            } catch let error as AppError where error.kind == .validation {
                errors = error.fieldErrors
            }
        }
        return try await renderForm(req: req, kind: kind, id: id, values: [:], raw: raw, errors: errors, status: .unprocessableEntity)
    }

    private func renderForm(req: Request, kind: DirectoryKind, id: UUID?, values: [String: FieldValue], raw: [String: [String]]?,
                            errors: [FieldError], status: HTTPResponseStatus, name: String? = nil) async throws -> Response {
        let specs = DirectoryRegistry.standard.resource(kind).specs
        let options = try await DirectoryService(req: req).options(for: kind)
        let heading = id == nil ? "Add \(kind.article)" : "Edit \(name ?? kind.singular.lowercased())"
        let page = FormPage(
            kind: kind.rawValue, singular: kind.singular,
            action: id.map { "/directory/\(kind.rawValue)/\($0.uuidString)" } ?? "/directory/\(kind.rawValue)",
            heading: heading,
            fields: DirectoryView.form(specs: specs, values: values, raw: raw, errors: errors, options: options),
            isEdit: id != nil,
            cancelHref: id.map { "/directory/\(kind.rawValue)/\($0.uuidString)" } ?? "/directory/\(kind.rawValue)")
        return try await req.renderResponse("directory/form", title: heading, content: page,
                                            errors: errors, breadcrumbs: Self.crumbs(kind), status: status)
    }

    func delete(req: Request, kind: DirectoryKind) async throws -> Response {
        let id = try Self.id(req, kind)
        let record = try await DirectoryService(req: req).delete(kind, id: id)
        return req.redirect(to: "/directory/\(kind.rawValue)", flash: "\(kind.singular) ‘\(record.displayName)’ deleted")
    }

    struct ImportPage: Encodable {
        var kind: String
        var plural: String
        var columns: [Column]
        var csv: String
        struct Column: Encodable { var key: String; var label: String; var required: Bool; var format: String }
    }

    func importForm(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).import")
        return try await renderImport(req: req, kind: kind, csv: "", errors: [], status: .ok)
    }

    func importCSV(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).import")
        let csv = try FormBody(req)["csv"] ?? ""
        guard !csv.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return try await renderImport(req: req, kind: kind, csv: csv, errors: [FieldError(field: "csv", message: "Paste the CSV, starting with its header row")], status: .unprocessableEntity)
        }
        do {
            let count = try await DirectoryService(req: req).importCSV(kind, text: csv)
            return req.redirect(to: "/directory/\(kind.rawValue)", flash: "Imported \(count) \(count == 1 ? kind.singular.lowercased() : kind.plural.lowercased())")
        } catch let error as AppError where error.kind == .validation {
            return try await renderImport(req: req, kind: kind, csv: csv,
                                          errors: error.fieldErrors.map { FieldError(field: "csv", message: $0.message) }, status: .unprocessableEntity)
        }
    }

    private func renderImport(req: Request, kind: DirectoryKind, csv: String, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let columns = DirectoryRegistry.standard.resource(kind).specs.map { spec in
            ImportPage.Column(key: spec.key, label: spec.label, required: spec.required, format: Self.csvFormat(spec))
        }
        return try await req.renderResponse("directory/import", title: "Import \(kind.plural.lowercased())",
                                            content: ImportPage(kind: kind.rawValue, plural: kind.plural, columns: columns, csv: csv),
                                            errors: errors, breadcrumbs: Self.crumbs(kind), status: status)
    }

    static func csvFormat(_ spec: FieldSpec) -> String {
        switch spec.kind {
        case .text(let max), .longText(let max): "Text, up to \(max) characters"
        case .email: "An email address"
        case .pattern(_, let example, _): "Like \(example)"
        case .flag: "yes or no"
        case .choice(let c): "One of: " + c.map(\.value).joined(separator: ", ")
        case .choices(let c): "Any of, separated by semicolons: " + c.map(\.value).joined(separator: ", ")
        case .reference(let k): "The name or id of one of the \(k.plural.lowercased())"
        case .references(let k): "Names or ids of \(k.plural.lowercased()), separated by semicolons"
        }
    }

    static func id(_ req: Request, _ kind: DirectoryKind) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw AppError.notFound(kind.singular)
        }
        return id
    }

    static func crumbs(_ kind: DirectoryKind) -> [LayoutContext.Crumb] {
        [.init(href: "/directory", label: "Directory"), .init(href: "/directory/\(kind.rawValue)", label: kind.plural)]
    }
}

/// Page links for a list.
