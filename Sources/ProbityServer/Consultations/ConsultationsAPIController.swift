import Fluent
import ProbityCore
import Vapor

/// `/api/v1/consultations…`: delegated decisions consulted with members.
struct ConsultationsAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("consultations")
        group.get(use: list)
        group.post(use: create)
        group.get("routes", use: routeList)
        group.get(":consultationID", use: show)
        group.post(":consultationID", "advice", use: advice)
    }

    struct JSON: Encodable {
        var id: UUID
        var title: String
        var proposal: String
        var member: UUID
        var memberName: String
        var capacity: String
        var memberView: String
        var decision: String
        var decisionIsTheOfficers: Bool
        var divergent: Bool
        var route: String?
        var advice: String?
        var recordedBy: String
        var recordedAt: Date
        var rule: String

        init(_ r: ConsultationRecord) {
            id = r.id!
            title = r.title
            proposal = r.proposal
            member = r.memberID
            memberName = r.memberName
            capacity = r.memberCapacity
            memberView = r.memberView
            decision = r.decision
            decisionIsTheOfficers = true
            divergent = r.divergent
            route = r.route
            advice = r.officerAdvice
            recordedBy = r.recordedByName
            recordedAt = r.recordedAt
            rule = r.ruleCitation
        }
    }

    func list(req: Request) async throws -> Response {
        try await APIPaging(req, maxPerPage: 200).respond(try ConsultationService.visible(req), newest: \.$recordedAt, JSON.init)
    }

    func create(req: Request) async throws -> Response {
        let profile = try await req.authorityProtocol().profile
        let input = try ConsultationService.input(json: try APIRequest.jsonObject(req),
                                                  citation: profile.notifications.delegatedDecisionConsultation.citationText(in: profile.document))
        return try APIResponse.json(encodable: JSON(try await ConsultationService.record(input, req: req)), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try APIResponse.json(encodable: JSON(try await ConsultationService.find(req.parameters.get("consultationID"), req: req)))
    }

    func advice(req: Request) async throws -> Response {
        let object = try APIRequest.jsonObject(req)
        var errors = object.keys.filter { $0 != "advice" }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of this request") }
        var text = ""
        switch object["advice"] {
        case .string(let s)?: text = s
        case nil: errors.append(FieldError(field: "advice", message: "advice is required"))
        default: errors.append(FieldError(field: "advice", message: "advice must be a string"))
        }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try APIResponse.json(encodable: JSON(try await ConsultationService.addAdvice(req.parameters.get("consultationID"), advice: text, req: req)))
    }

    /// The routes this authority's protocol offers where views differ materially.
    func routeList(req: Request) async throws -> Response {
        let current = try await req.authorityProtocol()
        struct Item: Encodable { var route: String; var label: String }
        struct Body: Encodable { var items: [Item]; var rule: String; var statement: String }
        let rule = current.profile.notifications.delegatedDecisionConsultation
        return try APIResponse.json(encodable: Body(items: Consultations.routes(current.profile).map { Item(route: $0.rawValue, label: $0.label) },
                                                    rule: rule.citationText(in: current.profile.document), statement: rule.statement))
    }
}

extension ConsultationsAPIController {
    static var openAPI: APIDescription {
        let routes = Schema.enumeration(Consultations.Route.allCases.map(\.rawValue))
        let capacities = Schema.enumeration(ConsultationService.capacities.keys.sorted())
        let tag = "Consultations"
        let new = Schema.object([
            "title": Schema.string, "proposal": Schema.string, "member": Schema.uuid, "capacity": capacities, "memberView": Schema.string,
            "decision": Schema.string, "divergent": Schema.boolean, "route": Schema.nullable("string", extra: ["enum": .array(Consultations.Route.allCases.map { .string($0.rawValue) } + [.null])]),
            "advice": Schema.nullable("string"),
        ], required: ["title", "proposal", "member", "capacity", "memberView", "decision"])
        return APIDescription(operations: [
            ("/api/v1/consultations", "get", Operation(summary: "List consultations on delegated decisions", tag: tag, parameters: OpenAPIDocument.paging,
                                                       responses: [200: ("Officers see all; a member sees those they were consulted on", Schema.list(of: "Consultation"))])),
            ("/api/v1/consultations", "post", Operation(summary: "Record a consultation and the officer's decision", tag: tag, body: new,
                                                        responses: [201: ("The consultation", Schema.ref("Consultation"))])),
            ("/api/v1/consultations/routes", "get", Operation(summary: "The routes offered where views differ materially", tag: tag,
                                                              responses: [200: ("The protocol's routes", Schema.object([
                                                                  "items": Schema.array(Schema.object(["route": routes, "label": Schema.string])),
                                                                  "rule": Schema.string, "statement": Schema.string]))])),
            ("/api/v1/consultations/{consultationID}", "get", Operation(summary: "Show a consultation", tag: tag,
                                                                        parameters: [.pathParameter("consultationID", "Consultation id")],
                                                                        responses: [200: ("The consultation", Schema.ref("Consultation"))])),
            ("/api/v1/consultations/{consultationID}/advice", "post", Operation(summary: "Record an officer's advice on the decision", tag: tag,
                                                                                parameters: [.pathParameter("consultationID", "Consultation id")],
                                                                                body: Schema.object(["advice": Schema.string]),
                                                                                responses: [200: ("The consultation", Schema.ref("Consultation"))])),
        ], schemas: [
            "Consultation": Schema.object([
                "id": Schema.uuid, "title": Schema.string, "proposal": Schema.string, "member": Schema.uuid, "memberName": Schema.string,
                "capacity": capacities, "memberView": Schema.string, "decision": Schema.string, "decisionIsTheOfficers": Schema.boolean,
                "divergent": Schema.boolean, "route": routes, "advice": Schema.string, "recordedBy": Schema.string,
                "recordedAt": Schema.dateTime, "rule": Schema.string,
            ], required: ["id", "title", "proposal", "member", "memberName", "capacity", "memberView", "decision", "decisionIsTheOfficers",
                          "divergent", "recordedBy", "recordedAt", "rule"]),
        ])
    }
}
