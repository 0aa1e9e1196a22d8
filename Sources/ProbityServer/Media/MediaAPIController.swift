import Fluent
import ProbityCore
import Vapor

/// `/api/v1/media-contacts…`: officers ask Communications to clear contact with the media (TH 15.4).
struct MediaAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("media-contacts")
        group.get(use: list)
        group.post(use: create)
        group.get(":mediaContactID", use: show)
        group.post(":mediaContactID", "decision", use: decide)
    }

    struct JSON: Encodable {
        var id: UUID
        var direction: String
        var outlet: String
        var subject: String
        var summary: String
        var advertising: Bool
        var status: String
        var wardMatter: UUID?
        var requestedBy: String
        var requestedAt: Date
        var decidedBy: String?
        var decidedAt: Date?
        var note: String?
        var rule: String

        init(_ c: MediaContact) {
            id = c.id!
            direction = c.direction
            outlet = c.outlet
            subject = c.subject
            summary = c.summary
            advertising = c.advertising
            status = c.status
            wardMatter = c.wardMatterID
            requestedBy = c.requestedByName
            requestedAt = c.requestedAt
            decidedBy = c.decidedByName
            decidedAt = c.decidedAt
            note = c.decisionNote
            rule = c.ruleCitation
        }
    }

    func list(req: Request) async throws -> Response {
        try await APIPaging(req, maxPerPage: 200).respond(try MediaContactService.visible(req), newest: \.$requestedAt, JSON.init)
    }

    func create(req: Request) async throws -> Response {
        let input = try MediaContactService.input(json: try APIRequest.jsonObject(req))
        return try APIResponse.json(encodable: JSON(try await MediaContactService.request(input, req: req)), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try APIResponse.json(encodable: JSON(try await MediaContactService.find(req.parameters.get("mediaContactID"), req: req)))
    }

    func decide(req: Request) async throws -> Response {
        let object = try APIRequest.jsonObject(req)
        var errors = object.keys.filter { !["decision", "note"].contains($0) }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of this request") }
        var cleared: Bool?
        switch object["decision"] {
        case .string("cleared")?: cleared = true
        case .string("refused")?: cleared = false
        default: errors.append(FieldError(field: "decision", message: "decision must be cleared or refused"))
        }
        var note = ""
        switch object["note"] {
        case .string(let s)?: note = s
        case nil, .null?: break
        default: errors.append(FieldError(field: "note", message: "note must be a string"))
        }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try APIResponse.json(encodable: JSON(try await MediaContactService.decide(req.parameters.get("mediaContactID"), cleared: cleared, note: note, req: req)))
    }

    static var openAPI: APIDescription {
        let tag = "Media"
        let statuses = Schema.enumeration(MediaClearance.Status.allCases.map(\.rawValue))
        let directions = Schema.enumeration(MediaClearance.Direction.allCases.map(\.rawValue))
        return APIDescription(operations: [
            ("/api/v1/media-contacts", "get", Operation(summary: "List media contacts", tag: tag, parameters: OpenAPIDocument.paging,
                                                        responses: [200: ("Officers' contacts with the media and their clearance", Schema.list(of: "MediaContact"))])),
            ("/api/v1/media-contacts", "post", Operation(summary: "Ask Communications to clear contact with the media", tag: tag,
                                                         body: Schema.object(["direction": directions, "outlet": Schema.string, "subject": Schema.string,
                                                                              "summary": Schema.string, "advertising": Schema.boolean, "wards": Schema.array(Schema.uuid)],
                                                                             required: ["direction", "outlet", "subject", "summary"]),
                                                         responses: [201: ("The request; a press approach about wards is also a ward matter", Schema.ref("MediaContact"))])),
            ("/api/v1/media-contacts/{mediaContactID}", "get", Operation(summary: "Show a media contact", tag: tag,
                                                                         parameters: [.pathParameter("mediaContactID", "Media contact id")],
                                                                         responses: [200: ("The contact", Schema.ref("MediaContact"))])),
            ("/api/v1/media-contacts/{mediaContactID}/decision", "post", Operation(summary: "Clear or refuse a media contact", tag: tag,
                                                                                   parameters: [.pathParameter("mediaContactID", "Media contact id")],
                                                                                   body: Schema.object(["decision": Schema.enumeration(["cleared", "refused"]), "note": Schema.string], required: ["decision"]),
                                                                                   responses: [200: ("The decided contact", Schema.ref("MediaContact"))])),
        ], schemas: [
            "MediaContact": Schema.object([
                "id": Schema.uuid, "direction": directions, "outlet": Schema.string, "subject": Schema.string, "summary": Schema.string,
                "advertising": Schema.boolean, "status": statuses, "wardMatter": Schema.uuid, "requestedBy": Schema.string,
                "requestedAt": Schema.dateTime, "decidedBy": Schema.string, "decidedAt": Schema.dateTime, "note": Schema.string, "rule": Schema.string,
            ], required: ["id", "direction", "outlet", "subject", "summary", "advertising", "status", "requestedBy", "requestedAt", "rule"]),
        ])
    }
}
