import Fluent
import ProbityCore
import Vapor

/// `/api/v1/correspondence/letters` (Wigan 7.2; LC 12) and `/api/v1/correspondence/department-visits` (Wigan 4.6).
struct CorrespondenceAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("correspondence")
        group.get("letters", use: letters)
        group.post("letters", use: createLetter)
        group.get("department-visits", use: visits)
        group.post("department-visits", use: createVisit)
        group.get("copies", use: copies)
        group.post("copies", use: createCopy)
        group.post("copies", ":copyID", "consent", use: answerCopy)
    }

    struct CopyJSON: Encodable {
        var id: UUID; var from: UUID; var to: UUID; var subject: String; var purpose: String; var status: String
        var requestedBy: String; var requestedAt: Date; var answeredAt: Date?
        init(_ c: CorrespondenceCopy) {
            id = c.id!; from = c.fromMemberID; to = c.toMemberID; subject = c.subject; purpose = c.purpose; status = c.status
            requestedBy = c.requestedByName; requestedAt = c.requestedAt; answeredAt = c.answeredAt
        }
    }

    func copies(req: Request) async throws -> Response {
        struct Body: Encodable { var items: [CopyJSON] }
        let items = try await (try CorrespondenceCopyService.visible(req))?.sort(\.$requestedAt, .descending).limit(200).all() ?? []
        return try APIResponse.json(encodable: Body(items: items.map(CopyJSON.init)))
    }

    func createCopy(req: Request) async throws -> Response {
        let input = try CorrespondenceService.input(json: try APIRequest.jsonObject(req), allowed: CorrespondenceCopyService.fields, booleans: [])
        return try APIResponse.json(encodable: CopyJSON(try await CorrespondenceCopyService.request(input, req: req)), status: .created)
    }

    func answerCopy(req: Request) async throws -> Response {
        let object = try APIRequest.jsonObject(req)
        var errors = object.keys.filter { $0 != "consent" }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of this request") }
        var consent: Bool?
        if case .bool(let b)? = object["consent"] { consent = b } else { errors.append(FieldError(field: "consent", message: "consent must be true or false")) }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try APIResponse.json(encodable: CopyJSON(try await CorrespondenceCopyService.answer(req.parameters.get("copyID"), consent: consent, req: req)))
    }

    struct LetterJSON: Encodable {
        var id: UUID; var member: UUID; var addressee: String; var subject: String
        var createsObligations: Bool; var givesInstructions: Bool; var delegatedAuthority: String?
        var recordedBy: String; var recordedAt: Date; var rule: String
        init(_ l: MemberLetter) {
            id = l.id!; member = l.memberID; addressee = l.addressee; subject = l.subject
            createsObligations = l.createsObligations; givesInstructions = l.givesInstructions; delegatedAuthority = l.delegatedAuthority
            recordedBy = l.recordedByName; recordedAt = l.recordedAt; rule = l.ruleCitation
        }
    }

    struct VisitJSON: Encodable {
        var id: UUID; var member: UUID; var directorate: UUID; var visitOn: String; var purpose: String
        var statutoryInspection: Bool; var chiefOfficerTold: UUID?; var recordedAt: Date
        init(_ v: DepartmentVisit) {
            id = v.id!; member = v.memberID; directorate = v.directorateID; visitOn = v.visitOn; purpose = v.purpose
            statutoryInspection = v.statutoryInspection; chiefOfficerTold = v.chiefOfficerID; recordedAt = v.recordedAt
        }
    }

    /// Officers and administrators see all; a member their own; anyone else nothing.
    static func ownerFilter(_ req: Request) throws -> (all: Bool, member: UUID?) {
        let actor = try req.requireActor()
        if actor.canAdminister || actor.personKind == .officer { return (true, nil) }
        return (false, actor.personKind == .member ? actor.personID : nil)
    }

    func letters(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let scope = try Self.ownerFilter(req)
        var query = MemberLetter.scoped(to: actor.authorityID, on: req.db)
        if !scope.all { query = query.filter(\.$memberID == (scope.member ?? UUID())) }
        struct Body: Encodable { var items: [LetterJSON] }
        return try APIResponse.json(encodable: Body(items: try await query.sort(\.$recordedAt, .descending).limit(200).all().map(LetterJSON.init)))
    }

    func createLetter(req: Request) async throws -> Response {
        let input = try CorrespondenceService.input(json: try APIRequest.jsonObject(req), allowed: CorrespondenceService.letterFields,
                                                    booleans: ["createsObligations", "givesInstructions"])
        return try APIResponse.json(encodable: LetterJSON(try await CorrespondenceService.letter(input, req: req)), status: .created)
    }

    func visits(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let scope = try Self.ownerFilter(req)
        var query = DepartmentVisit.scoped(to: actor.authorityID, on: req.db)
        if !scope.all { query = query.filter(\.$memberID == (scope.member ?? UUID())) }
        struct Body: Encodable { var items: [VisitJSON] }
        return try APIResponse.json(encodable: Body(items: try await query.sort(\.$visitOn, .descending).limit(200).all().map(VisitJSON.init)))
    }

    func createVisit(req: Request) async throws -> Response {
        let input = try CorrespondenceService.input(json: try APIRequest.jsonObject(req), allowed: CorrespondenceService.visitFields,
                                                    booleans: ["statutoryInspection"])
        return try APIResponse.json(encodable: VisitJSON(try await CorrespondenceService.visit(input, req: req)), status: .created)
    }

    static var openAPI: APIDescription {
        let tag = "Correspondence"
        let letter = Schema.object([
            "id": Schema.uuid, "member": Schema.uuid, "addressee": Schema.string, "subject": Schema.string, "createsObligations": Schema.boolean,
            "givesInstructions": Schema.boolean, "delegatedAuthority": Schema.string, "recordedBy": Schema.string, "recordedAt": Schema.dateTime, "rule": Schema.string,
        ], required: ["id", "member", "addressee", "subject", "createsObligations", "givesInstructions", "recordedBy", "recordedAt", "rule"])
        let visit = Schema.object([
            "id": Schema.uuid, "member": Schema.uuid, "directorate": Schema.uuid, "visitOn": Schema.string, "purpose": Schema.string,
            "statutoryInspection": Schema.boolean, "chiefOfficerTold": Schema.uuid, "recordedAt": Schema.dateTime,
        ], required: ["id", "member", "directorate", "visitOn", "purpose", "statutoryInspection", "recordedAt"])
        return APIDescription(operations: [
            ("/api/v1/correspondence/letters", "get", Operation(summary: "List letters in members' names", tag: tag,
                                                                 responses: [200: ("Letters", Schema.object(["items": Schema.array(Schema.ref("MemberLetter"))]))])),
            ("/api/v1/correspondence/letters", "post", Operation(summary: "Record a letter to go in a member's name", tag: tag,
                                                                  body: Schema.object(["member": Schema.uuid, "addressee": Schema.string, "subject": Schema.string,
                                                                                       "createsObligations": Schema.boolean, "givesInstructions": Schema.boolean,
                                                                                       "delegatedAuthority": Schema.string], required: ["addressee", "subject"]),
                                                                  responses: [201: ("The letter; one creating obligations without delegated authority is refused (403)", Schema.ref("MemberLetter"))])),
            ("/api/v1/correspondence/department-visits", "get", Operation(summary: "List members' department visits", tag: tag,
                                                                           responses: [200: ("Visits", Schema.object(["items": Schema.array(Schema.ref("DepartmentVisit"))]))])),
            ("/api/v1/correspondence/department-visits", "post", Operation(summary: "Tell a Chief Officer of a visit to their department", tag: tag,
                                                                            body: Schema.object(["directorate": Schema.uuid, "visitOn": Schema.date, "purpose": Schema.string,
                                                                                                 "statutoryInspection": Schema.boolean], required: ["directorate", "visitOn", "purpose"]),
                                                                            responses: [201: ("The visit", Schema.ref("DepartmentVisit"))])),
            ("/api/v1/correspondence/copies", "get", Operation(summary: "List requests to copy a member's correspondence", tag: tag,
                                                                responses: [200: ("Requests", Schema.object(["items": Schema.array(Schema.ref("CorrespondenceCopy"))]))])),
            ("/api/v1/correspondence/copies", "post", Operation(summary: "Ask a member's consent to copy their correspondence to another member", tag: tag,
                                                                 body: Schema.object(["from": Schema.uuid, "to": Schema.uuid, "subject": Schema.string, "content": Schema.string, "purpose": Schema.string]),
                                                                 responses: [201: ("The request, awaiting the member's consent", Schema.ref("CorrespondenceCopy"))])),
            ("/api/v1/correspondence/copies/{copyID}/consent", "post", Operation(summary: "Agree or refuse to your correspondence being copied", tag: tag,
                                                                                  parameters: [.pathParameter("copyID", "Request id")],
                                                                                  body: Schema.object(["consent": Schema.boolean]),
                                                                                  responses: [200: ("The answered request", Schema.ref("CorrespondenceCopy"))])),
        ], schemas: ["MemberLetter": letter, "DepartmentVisit": visit, "CorrespondenceCopy": Schema.object([
            "id": Schema.uuid, "from": Schema.uuid, "to": Schema.uuid, "subject": Schema.string, "purpose": Schema.string,
            "status": Schema.enumeration(["awaiting-consent", "copied", "refused"]), "requestedBy": Schema.string,
            "requestedAt": Schema.dateTime, "answeredAt": Schema.dateTime,
        ], required: ["id", "from", "to", "subject", "purpose", "status", "requestedBy", "requestedAt"])])
    }
}
