import Vapor

/// `/api/v1/directory/{kind}`: list (paged), create, read, update (PATCH, partial), delete, and
/// CSV import (`text/csv` body), for every directory kind.
struct DirectoryAPIController: RouteCollection {
    static let maxPerPage = 200

    func boot(routes: any RoutesBuilder) throws {
        for kind in DirectoryKind.allCases {
            let group = routes.grouped("directory", .constant(kind.rawValue))
            group.get { try await list(req: $0, kind: kind) }
            group.post { try await create(req: $0, kind: kind) }
            group.on(.POST, "import", body: .collect(maxSize: "5mb")) { try await importCSV(req: $0, kind: kind) }
            group.get(":id") { try await show(req: $0, kind: kind) }
            group.patch(":id") { try await update(req: $0, kind: kind) }
            group.delete(":id") { try await delete(req: $0, kind: kind) }
        }
    }

    func list(req: Request, kind: DirectoryKind) async throws -> Response {
        let page = try APIPaging(req, maxPerPage: Self.maxPerPage)
        let (items, total, _) = try await DirectoryService(req: req).list(kind, page: page.page, per: page.perPage)
        let specs = DirectoryRegistry.standard.resource(kind).specs
        return try APIResponse.json(.object([
            "items": .array(items.map { DirectoryView.json($0, specs: specs) }),
            "page": page.metadata(total: total),
        ]))
    }

    func show(req: Request, kind: DirectoryKind) async throws -> Response {
        let (record, _) = try await DirectoryService(req: req).find(kind, id: DirectoryController.id(req, kind))
        return try APIResponse.json(DirectoryView.json(record, specs: DirectoryRegistry.standard.resource(kind).specs))
    }

    func create(req: Request, kind: DirectoryKind) async throws -> Response {
        try await write(req: req, kind: kind, id: nil)
    }

    func update(req: Request, kind: DirectoryKind) async throws -> Response {
        try await write(req: req, kind: kind, id: DirectoryController.id(req, kind))
    }

    private func write(req: Request, kind: DirectoryKind, id: UUID?) async throws -> Response {
        let actor = try await req.requireAdministrator("directory.\(kind.rawValue).\(id == nil ? "create" : "update")")
        let resource = DirectoryRegistry.standard.resource(kind)
        // An unknown record, or another authority's, is 404 whatever the body says.
        if let id, try await resource.find(req.db, actor.authorityID, id) == nil { throw AppError.notFound(kind.singular) }
        let specs = resource.specs
        let body = try APIRequest.jsonObject(req)
        let parsed = DirectoryInput.parse(json: body, specs: specs, partial: id != nil)
        guard parsed.errors.isEmpty else { throw AppError.validation(parsed.errors) }
        let record = try await DirectoryService(req: req).save(kind, id: id, values: parsed.values)
        let response = try APIResponse.json(DirectoryView.json(record, specs: specs), status: id == nil ? .created : .ok)
        if id == nil { response.headers.replaceOrAdd(name: .location, value: "/api/v1/directory/\(kind.rawValue)/\(record.id.uuidString.lowercased())") }
        return response
    }

    func delete(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await DirectoryService(req: req).delete(kind, id: DirectoryController.id(req, kind))
        return Response(status: .noContent)
    }

    func importCSV(req: Request, kind: DirectoryKind) async throws -> Response {
        _ = try await req.requireAdministrator("directory.\(kind.rawValue).import")
        guard let type = req.headers.contentType, type.type == "text", type.subType == "csv" else {
            throw AppError(.unsupportedMediaType, detail: "Send the CSV file as the request body with Content-Type: text/csv.")
        }
        let text = req.body.string ?? ""
        let count = try await DirectoryService(req: req).importCSV(kind, text: text)
        return try APIResponse.json(["imported": .number(Double(count))], status: .created)
    }
}
