import Fluent
import ProbityCore
import Vapor

/// `/api/v1/enquiries`: the same operations as the pages, as JSON.
struct EnquiriesAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("enquiries")
        group.get(use: list)
        group.post(use: create)
        group.get("report", use: report)
        group.get(":enquiryID", use: show)
        group.on(.POST, ":enquiryID", "attachments", body: .collect(maxSize: "11mb"), use: addAttachment)
        group.get(":enquiryID", "attachments", ":attachmentID", use: EnquiriesController().attachment)
        for (path, kind) in Self.actions {
            group.post(":enquiryID", .constant(path)) { try await act(req: $0, kind: kind) }
        }
    }

    /// Sub-resource paths and the form actions they perform.
    static let actions: [(String, EnquiryFormAction)] = [
        ("acknowledgement", .acknowledge), ("response", .respond), ("assignment", .assign), ("notes", .note),
        ("delay-notice", .delay), ("closure", .close), ("reopening", .reopen),
    ]

    func list(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let paging = try APIPaging(req, maxPerPage: 200)
        let service = EnquiryService(req: req, ctx: ctx)
        let (items, total) = try await service.list(try EnquiryQuery.filters(req), page: paging.page, perPage: paging.perPage)
        struct Body: Encodable { var items: [EnquiryJSON]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: items.map { EnquiryJSON(summary: $0, ctx: ctx, overdue: service.isOverdue($0)) },
                                                    page: paging.metadata(total: total)))
    }

    func create(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let body = try APIRequest.jsonObject(req)
        let allowed: Set<String> = ["member", "channel", "subject", "details", "purpose", "service", "ward", "nonRoutine", "constituent"]
        var errors = body.keys.filter { !allowed.contains($0) }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of an enquiry") }
        func string(_ key: String, in object: [String: JSONValue] = body) -> String? {
            switch object[key] {
            case .string(let s)?: return s
            case nil, .null?: return nil
            default:
                errors.append(FieldError(field: key, message: "\(key) must be a string"))
                return nil
            }
        }
        func bool(_ key: String, in object: [String: JSONValue] = body) -> Bool {
            switch object[key] {
            case .bool(let b)?: return b
            case nil, .null?: return false
            default:
                errors.append(FieldError(field: key, message: "\(key) must be true or false"))
                return false
            }
        }
        var constituent: [String: JSONValue] = [:]
        switch body["constituent"] {
        case .object(let o)?: constituent = o
        case nil, .null?: break
        default: errors.append(FieldError(field: "constituent", message: "constituent must be an object with name, contact and consentToShare"))
        }
        let input = EnquiryIntakeInput(
            memberID: string("member"), channel: string("channel"), subject: string("subject") ?? "", details: string("details") ?? "",
            purpose: string("purpose"), serviceID: string("service"), wardID: string("ward"), nonRoutine: bool("nonRoutine"),
            constituentName: string("name", in: constituent), constituentContact: string("contact", in: constituent),
            constituentConsent: bool("consentToShare", in: constituent), uploads: [])
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let record = try await EnquiryService(req: req, ctx: ctx).create(input)
        let response = try APIResponse.json(encodable: try await detail(req: req, ctx: ctx, id: record.id!), status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/enquiries/\(record.id!.uuidString.lowercased())")
        return response
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        return try APIResponse.json(encodable: try await detail(req: req, ctx: ctx, id: try EnquiryQuery.id(req)))
    }

    private func detail(req: Request, ctx: EnquiryContext, id: UUID) async throws -> EnquiryJSON {
        let service = EnquiryService(req: req, ctx: ctx)
        let (record, state) = try await service.load(id)
        let notes = EnquiryPolicy.canSeeNotes(viewer: ctx.viewer, facts: state.accessFacts, profile: ctx.profile, org: ctx.org).allowed
        return EnquiryJSON(detail: record, state: state, draft: try record.draft, replies: try await service.replies(record),
                           attachments: try await service.attachments(record), showNotes: notes, ctx: ctx, overdue: service.isOverdue(record))
    }

    func act(req: Request, kind: EnquiryFormAction) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let id = try EnquiryQuery.id(req)
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = []
        var texts: [String: String] = [:]
        for (key, value) in body {
            switch value {
            case .string(let s): texts[key] = s
            case .bool(let b): texts[key] = b ? "true" : "false"
            case .null: break
            default: errors.append(FieldError(field: key, message: "\(key) must be a string"))
            }
        }
        let known: Set<String> = ["explanation", "route", "confidential", "reply", "officer", "note", "reason"]
        errors += body.keys.filter { !known.contains($0) }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of this action") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let action = try EnquiryFormAction.read(kind, text: { texts[$0] }, ctx: ctx)
        _ = try await EnquiryService(req: req, ctx: ctx).act(id, action, replyText: texts["reply"])
        return try APIResponse.json(encodable: try await detail(req: req, ctx: ctx, id: id))
    }

    func addAttachment(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        let id = try EnquiryQuery.id(req)
        guard let filename = req.query[String.self, at: "filename"], !filename.isEmpty else {
            throw AppError.validation([FieldError(field: "filename", message: "Give the file's name as ?filename=")])
        }
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let file = try await EnquiryService(req: req, ctx: ctx).attach(to: id, upload: .init(filename: filename, data: data))
        struct Body: Encodable { var id: UUID; var filename: String; var contentType: String; var byteCount: Int }
        return try APIResponse.json(encodable: Body(id: file.id!, filename: file.filename, contentType: file.contentType, byteCount: file.byteCount),
                                    status: .created)
    }

    func report(req: Request) async throws -> Response {
        let ctx = try await EnquiryContext.load(req)
        return try APIResponse.json(encodable: try await EnquiryReport.make(req: req, ctx: ctx))
    }
}
