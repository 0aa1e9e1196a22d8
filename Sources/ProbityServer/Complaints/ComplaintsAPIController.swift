import Fluent
import ProbityCore
import Vapor

/// `/api/v1/complaints…`: the same cases, steps and summary as the pages, as JSON. Every
/// answer shows a case only as the access policy lets the caller see it.
struct ComplaintsAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("complaints")
        group.get(use: list)
        group.post(use: create)
        group.get("report", use: report)
        group.get(":complaintID", use: show)
        group.post(":complaintID", "acknowledgement") { try await step($0, .acknowledge) }
        group.post(":complaintID", "investigation") { try await step($0, .startInvestigation) }
        group.post(":complaintID", "investigators") { try await step($0, .addInvestigator) }
        group.post(":complaintID", "items") { try await step($0, .addItem) }
        group.post(":complaintID", "witness-shares") { try await step($0, .shareWithWitness) }
        group.post(":complaintID", "disclosures", use: disclose)
        group.post(":complaintID", "informal-resolution") { try await step($0, .recordInformalResolution) }
        group.post(":complaintID", "outcome") { try await step($0, .recordOutcome) }
        group.post(":complaintID", "referral") { try await step($0, .refer) }
        group.post(":complaintID", "closure") { try await step($0, .close) }
        group.post(":complaintID", "handler") { try await step($0, .assignHandler) }
    }

    func list(req: Request) async throws -> Response {
        let paging = try APIPaging(req, maxPerPage: 200)
        let raw = req.query[String.self, at: "part"] ?? ComplaintListing.Part.all.rawValue
        guard let part = ComplaintListing.Part(rawValue: raw) else {
            throw AppError(.badRequest, detail: "The filter is not valid.", fieldErrors: [
                FieldError(field: "part", message: "part must be one of \(ComplaintListing.Part.allCases.map(\.rawValue).joined(separator: ", "))"),
            ])
        }
        let context = try await ComplaintContext.load(req)
        let result = try await ComplaintListing.list(part: part, page: paging.page, perPage: paging.perPage, req: req, context: context)
        let listed = context.actor.auditEvent("complaint.list", resourceType: "complaint",
                                              detail: ["part": part.rawValue, "shown": String(result.rows.count), "total": String(result.total)])
        let now = context.now
        try await req.write { db in try await AuditLog.append(listed, on: db, at: now) }
        struct Body: Encodable { var items: [ComplaintListing.Row]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: result.rows, page: paging.metadata(total: result.total)))
    }

    func create(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        _ = try await ComplaintSubmission.requireComplainant(req, context)
        let input = try ComplaintInput(json: try APIRequest.jsonObject(req), allowed: ComplaintSubmission.fields)
        let result = try await ComplaintSubmission.submit(input, req: req, context: context)
        // The complainant's own view of what they have just made: where it goes and by when.
        let access = context.access(result.complaint)
        var body = try await ComplaintReading.presentation(result.record, result.complaint, access: access, context: context, on: req.db)
        body.guidance = result.opened.guidance.map { ComplaintPresentation.RuleInfo(ruleId: $0.ruleId, citation: $0.citation, statement: $0.statement) }
        return try APIResponse.json(encodable: body, status: .created)
    }

    func show(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        return try APIResponse.json(encodable: try await ComplaintReading.open(req.parameters.get("complaintID"), req: req, context: context))
    }

    func step(_ req: Request, _ kind: ComplaintActionKind) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        let (record, complaint) = try await ComplaintActions.authorise(kind, id: req.parameters.get("complaintID"), req: req, context: context)
        let input = try ComplaintInput(json: try Self.body(req), allowed: kind.jsonKeys)
        return try await perform(kind, input, record: record, complaint: complaint, req: req, context: context)
    }

    /// `kind: allegation` discloses the allegation to the person complained about;
    /// `kind: complainant-identity` tells `to` who made the complaint.
    func disclose(req: Request) async throws -> Response {
        let object = try Self.body(req)
        let kind: ComplaintActionKind
        switch object["kind"] {
        case .string("allegation")?: kind = .discloseAllegation
        case .string("complainant-identity")?: kind = .discloseIdentity
        default:
            throw AppError.validation([FieldError(field: "kind", message: "kind must be allegation or complainant-identity")],
                                      detail: "Nothing was changed.")
        }
        let context = try await ComplaintContext.load(req)
        let (record, complaint) = try await ComplaintActions.authorise(kind, id: req.parameters.get("complaintID"), req: req, context: context)
        var rest = object
        rest["kind"] = nil
        let input = try ComplaintInput(json: rest, allowed: kind.jsonKeys)
        return try await perform(kind, input, record: record, complaint: complaint, req: req, context: context)
    }

    private func perform(_ kind: ComplaintActionKind, _ input: ComplaintInput, record: ComplaintRecord, complaint: ComplaintCase,
                         req: Request, context: ComplaintContext) async throws -> Response {
        let step = try await ComplaintActions.read(kind, input, record: record, complaint: complaint, context: context, on: req.db)
        let (saved, updated) = try await ComplaintActions.perform(kind, step, record: record, req: req, context: context)
        let access = context.access(updated)
        return try APIResponse.json(encodable: try await ComplaintReading.presentation(saved, updated, access: access, context: context, on: req.db))
    }

    /// The JSON object sent, or an empty one for a step that takes nothing.
    static func body(_ req: Request) throws -> [String: JSONValue] {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { return [:] }
        return try APIRequest.jsonObject(req)
    }

    func report(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        try await ComplaintReport.authorise(req, context, period: nil)
        let period: ComplaintReportPeriod
        do {
            period = try ComplaintReport.period(from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"], today: context.today)
        } catch let error as AppError {
            throw AppError(.badRequest, detail: error.detail, fieldErrors: error.fieldErrors)
        }
        try await ComplaintReport.authorise(req, context, period: period)
        return try APIResponse.json(encodable: try await ComplaintReport.make(period: period, req: req, context: context))
    }
}
