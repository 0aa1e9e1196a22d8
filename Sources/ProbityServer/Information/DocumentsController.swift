import Fluent
import ProbityCore
import Vapor

/// The document pages: the list narrowed to what the reader may see or ask for, filing (officers),
/// one document with the access decision's reasons and rules, the download, the redacted version,
/// the need-to-know request form, and members' declared interests.
struct DocumentsController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("documents")
        group.get(use: index)
        group.get("new", use: newForm)
        group.on(.POST, body: .collect(maxSize: "12mb"), use: create)
        group.post("interests", use: declareInterest)
        group.get(":documentID", use: show)
        group.get(":documentID", "download", use: download)
        group.on(.POST, ":documentID", "redacted", body: .collect(maxSize: "12mb"), use: fileRedacted)
        group.post(":documentID", "requests", use: request)
    }

    // MARK: List

    struct Row: Encodable {
        var document: DocumentJSON
        var href: String
    }

    struct IndexPage: Encodable {
        var rows: [Row]
        var total: Int
        var pagination: Pagination
        var isOfficer: Bool
        var isMember: Bool
        var isAssistant: Bool
        var principals: [SelectOption]
        var actingFor: String?
        var interests: [String]
        var form: [String: String]
    }

    func index(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderIndex(req: req, ctx: ctx, form: [:], errors: [], status: .ok)
    }

    private func renderIndex(req: Request, ctx: InformationContext, form: [String: String], errors: [FieldError],
                             status: HTTPResponseStatus) async throws -> Response {
        let service = DocumentService(req: req, ctx: ctx)
        let page = req.pageNumber
        let (items, total) = try await service.list(page: page, perPage: Self.perPage)
        let committees = try await service.committeeNames()
        let acting = ctx.viewer.kind == .assistant ? ctx.readerMemberID?.uuidString.lowercased() : nil
        let suffix = acting.map { "?actingFor=\($0)" } ?? ""
        let interests = ctx.viewer.kind == .member ? Array(ctx.reader.member?.declaredInterests ?? []).sorted() : []
        let content = IndexPage(
            rows: items.map { Row(document: DocumentJSON($0.record, access: $0.access, ctx: ctx, committees: committees),
                                  href: "/documents/\($0.record.id!.uuidString.lowercased())\(suffix)") },
            total: total,
            pagination: Pagination(page: page, per: Self.perPage, total: total, path: "/documents", query: acting.map { "actingFor=\($0)" } ?? ""),
            isOfficer: ctx.viewer.kind == .officer, isMember: ctx.viewer.kind == .member, isAssistant: ctx.viewer.kind == .assistant,
            principals: ctx.principals.map { SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == ctx.readerMemberID) },
            actingFor: acting, interests: interests, form: form)
        return try await req.renderResponse("information/index", title: "Documents", content: content, errors: errors, status: status)
    }

    func declareInterest(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let form = try FormBody(req)
        do {
            try await DocumentService(req: req, ctx: ctx).declareInterest(form["subject"])
            return req.redirect(to: "/documents", flash: "Interest recorded. For these matters you see only what the public may see.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderIndex(req: req, ctx: ctx, form: ["subject": form["subject"] ?? ""], errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    // MARK: Filing

    struct NewPage: Encodable {
        var classes: [SelectOption]
        var hints: [String: String]
        var categories: [SelectOption]
        var groups: [SelectOption]
        var committees: [SelectOption]
        var services: [SelectOption]
        var wards: [SelectOption]
        var form: [String: String]
        var disclosable: Bool
        var accepted: String
    }

    func newForm(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        guard ctx.viewer.kind == .officer else {
            throw await req.refusal("document.create", resourceType: "document", reason: "Only officers file council documents.")
        }
        return try await renderNew(req: req, ctx: ctx, form: [:], wards: [], disclosable: false, errors: [], status: .ok)
    }

    private func renderNew(req: Request, ctx: InformationContext, form: [String: String], wards selectedWards: [String], disclosable: Bool,
                           errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let committees = try await Committee.scoped(to: ctx.authorityID, on: req.db).sort(\.$name).all()
        let wards = try await Ward.scoped(to: ctx.authorityID, on: req.db).sort(\.$name).all()
        func option(_ id: UUID, _ label: String, _ key: String) -> SelectOption {
            SelectOption(value: id.uuidString.lowercased(), label: label, selected: form[key] == id.uuidString.lowercased())
        }
        let page = NewPage(
            classes: DocumentClasses.kinds.map { SelectOption(value: $0.value, label: $0.label, selected: form["documentClass"] == $0.value) },
            hints: Dictionary(DocumentClasses.kinds.map { ($0.value, $0.hint) }, uniquingKeysWith: { a, _ in a }),
            categories: ExemptCategory.allCases.map {
                SelectOption(value: "\($0.rawValue)", label: "\($0.rawValue): \($0.statutoryDescription)", selected: form["exemptCategory"] == "\($0.rawValue)")
            },
            groups: ctx.org.groups.values.sorted { $0.name < $1.name }.map { option($0.id, $0.name, "ownerGroup") },
            committees: committees.map { option($0.id!, $0.name, "committee") },
            services: ctx.org.services.values.sorted { $0.name < $1.name }.map { option($0.id, $0.name, "service") },
            wards: wards.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: selectedWards.contains($0.id!.uuidString.lowercased())) },
            form: form, disclosable: disclosable, accepted: AttachmentStore.acceptedDescription)
        return try await req.renderResponse("information/new", title: "File a document", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/documents", label: "Documents")], status: status)
    }

    struct FilingForm: Content {
        var title: String?
        var documentClass: String?
        var exemptCategory: String?
        var ownerGroup: String?
        var committee: String?
        var service: String?
        var subjects: String?
        var wards: [String]?
        var disclosableToAnyone: String?
        var summary: String?
        var file: File?
    }

    func create(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let form: FilingForm
        do { form = try req.content.decode(FilingForm.self) } catch {
            throw AppError(.badRequest, detail: "The form could not be read. Go back and try again.")
        }
        let input = DocumentService.Input(
            title: form.title, documentClass: form.documentClass, exemptCategory: form.exemptCategory, ownerGroup: form.ownerGroup,
            committee: form.committee, service: form.service, subjects: form.subjects, wards: form.wards ?? [],
            disclosableToAnyone: form.disclosableToAnyone == "true", summary: form.summary,
            upload: form.file.map { AttachmentStore.Upload(filename: $0.filename, data: Data(buffer: $0.data)) })
        do {
            let record = try await DocumentService(req: req, ctx: ctx).create(input)
            return req.redirect(to: "/documents/\(record.id!.uuidString.lowercased())", flash: "Document filed.")
        } catch let error as AppError where error.kind == .validation {
            var echo: [String: String] = [:]
            for (k, v) in [("title", form.title), ("documentClass", form.documentClass), ("exemptCategory", form.exemptCategory),
                           ("ownerGroup", form.ownerGroup), ("committee", form.committee), ("service", form.service),
                           ("subjects", form.subjects), ("summary", form.summary)] { echo[k] = v ?? "" }
            return try await renderNew(req: req, ctx: ctx, form: echo, wards: form.wards ?? [], disclosable: form.disclosableToAnyone == "true",
                                       errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    // MARK: One document

    struct ShowPage: Encodable {
        var document: DocumentJSON
        var actingFor: String?
        var downloadHref: String
        var canFileRedacted: Bool
        var redactedNote: String?
        var reasonKinds: [SelectOption]
        var wards: [SelectOption]
        var form: [String: String]
        var guidance: [RuleJSON]
        var procedure: RuleJSON?
        var myRequests: [AccessRequestJSON]
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderShow(req: req, ctx: ctx, id: try req.idParameter("documentID", "The document"), form: [:], errors: [], status: .ok)
    }

    private func renderShow(req: Request, ctx: InformationContext, id: UUID, form: [String: String], errors: [FieldError],
                            status: HTTPResponseStatus) async throws -> Response {
        let service = DocumentService(req: req, ctx: ctx)
        let (record, access) = try await service.load(id, allowRefused: true)
        let committees = try await service.committeeNames()
        let acting = ctx.viewer.kind == .assistant ? ctx.readerMemberID?.uuidString.lowercased() : nil
        let wards = try await Ward.scoped(to: ctx.authorityID, on: req.db).sort(\.$name).all()
        var mine: [AccessRequestJSON] = []
        if let member = ctx.readerMemberID {
            let rows = try await NeedToKnowRecord.scoped(to: ctx.authorityID, on: req.db).filter(\.$documentID == id).filter(\.$memberID == member)
                .sort(\.$submittedAt, .descending).all()
            for row in rows {
                let state = try row.state
                if DocumentPolicy.canViewRequest(viewer: ctx.viewer, request: state, document: record.facts, profile: ctx.profile, org: ctx.org).allowed {
                    mine.append(AccessRequestJSON(state, title: record.title, ctx: ctx, profile: ctx.profile))
                }
            }
        }
        let procedure = ctx.profile.information.needToKnowDecision
        let guidance = ctx.profile.guidance.filter {
            $0.inForce && ["need-to-know-test", "confidential-information-use", "group-assistant-requests"].contains($0.parameters.key)
        }.map { RuleJSON($0.reference(in: ctx.profile.document)) }
        let page = ShowPage(
            document: DocumentJSON(record, access: access, ctx: ctx, committees: committees), actingFor: acting,
            downloadHref: "/documents/\(id.uuidString.lowercased())/download\(acting.map { "?actingFor=\($0)" } ?? "")",
            canFileRedacted: access.allowed && ctx.viewer.kind == .officer && ctx.profile.information.redactedRelease.inForce,
            redactedNote: ctx.viewer.kind == .officer && access.allowed ? record.redactedNote : nil,
            reasonKinds: NeedToKnowReasonKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName.prefix(1).uppercased() + $0.displayName.dropFirst(), selected: form["reasonKind"] == $0.rawValue) },
            wards: wards.map { SelectOption(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: form["ward"] == $0.id!.uuidString.lowercased()) },
            form: form, guidance: guidance, procedure: procedure.inForce ? RuleJSON(procedure.reference(in: ctx.profile.document)) : nil,
            myRequests: mine)
        return try await req.renderResponse("information/show", title: record.title, content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/documents", label: "Documents")],
                                            status: access.allowed ? status : (status == .ok ? .forbidden : status))
    }

    func download(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await DocumentService(req: req, ctx: ctx).download(try req.idParameter("documentID", "The document"))
    }

    struct RedactedForm: Content {
        var redactionNote: String?
        var file: File?
    }

    func fileRedacted(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("documentID", "The document")
        let form: RedactedForm
        do { form = try req.content.decode(RedactedForm.self) } catch {
            throw AppError(.badRequest, detail: "The form could not be read. Go back and try again.")
        }
        let upload = AttachmentStore.Upload(filename: form.file?.filename ?? "", data: form.file.map { Data(buffer: $0.data) } ?? Data())
        do {
            _ = try await DocumentService(req: req, ctx: ctx).fileRedacted(id, upload: upload, note: form.redactionNote)
            return req.redirect(to: "/documents/\(id.uuidString.lowercased())", flash: "Redacted version filed.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, ctx: ctx, id: id, form: ["redactionNote": form.redactionNote ?? ""], errors: error.fieldErrors,
                                        status: .unprocessableEntity)
        }
    }

    // MARK: Need-to-know request

    func request(req: Request) async throws -> Response {
        let form = try FormBody(req)
        let acting = form["actingFor"].flatMap(UUID.init(uuidString:))
        let ctx = try await InformationContext.load(req, actingFor: acting)
        let id = try req.idParameter("documentID", "The document")
        var echo: [String: String] = [:]
        for (k, v) in form.values { echo[k] = v.first }
        do {
            let row = try await AccessRequestService(req: req, ctx: ctx).submit(
                .init(documentID: id, reasonKind: form["reasonKind"], explanation: form["reason"], wardID: form["ward"]))
            return req.redirect(to: "/access-requests/\(row.id!.uuidString.lowercased())",
                                flash: "Request sent. You will be told the decision; other councillors and groups are not told of it.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, ctx: ctx, id: id, form: echo, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }
}
