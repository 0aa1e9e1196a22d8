import Fluent
import ProbityCore
import Vapor

/// `/consultations`: delegated decisions consulted with members, their routes and advice.
struct ConsultationsController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("consultations")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get(":consultationID", use: show)
        group.post(":consultationID", "advice", use: advice)
    }

    struct Row: Encodable { var id: UUID; var title: String; var member: String; var divergent: Bool; var recorded: String }
    struct IndexPage: Encodable { var rows: [Row]; var total: Int; var mayRecord: Bool; var statement: String; var citation: String; var pagination: Pagination }

    func index(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let number = req.pageNumber
        var rows: [Row] = []
        var total = 0
        if let query = try ConsultationService.visible(req) {
            total = try await query.copy().count()
            rows = try await query.sort(\.$recordedAt, .descending).sort(\.$id)
                .range(lower: (number - 1) * Self.perPage, upper: number * Self.perPage).all()
                .map { Row(id: $0.id!, title: $0.title, member: $0.memberName, divergent: $0.divergent, recorded: DisplayFormat.dateTime($0.recordedAt)) }
        }
        let rule = current.profile.notifications.delegatedDecisionConsultation
        return try await req.render("consultations/index", title: "Consultations on delegated decisions", content: IndexPage(
            rows: rows, total: total, mayRecord: ConsultationService.mayRecord(actor), statement: rule.statement,
            citation: rule.citationText(in: current.profile.document),
            pagination: Pagination(page: number, per: Self.perPage, total: total, path: "/consultations")))
    }

    struct FormPage: Encodable {
        var members: [SelectOption]
        var capacities: [SelectOption]
        var routes: [SelectOption]
        var values: [String: String]
        /// Checkbox states. Real booleans: Leaf's `#if` treats any string, even "", as true.
        var flags: [String: Bool]
        var statement: String
        var citation: String
    }

    private func form(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        guard ConsultationService.mayRecord(actor) else {
            throw await req.refusal("consultation.create", resourceType: "consultation", reason: "Only officers record the consultations they hold before a delegated decision (Leicestershire protocol 21).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        let rule = current.profile.notifications.delegatedDecisionConsultation
        let page = FormPage(
            members: org.members.values.sorted { $0.name < $1.name }.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: input.text("member") == $0.id.uuidString) },
            capacities: ConsultationService.capacities.sorted { $0.key < $1.key }.map { SelectOption(value: $0.key, label: $0.value, selected: input.text("capacity") == $0.key) },
            routes: Consultations.routes(current.profile).map { SelectOption(value: $0.rawValue, label: $0.label, selected: input.text("route") == $0.rawValue) },
            values: ["title": input.text("title"), "proposal": input.text("proposal"), "memberView": input.text("memberView"),
                     "decision": input.text("decision"), "advice": input.text("advice")],
            flags: ["divergent": WardMatterService.flag(input, "divergent")],
            statement: rule.statement, citation: rule.citationText(in: current.profile.document))
        return try await req.renderResponse("consultations/new", title: "Record a consultation", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/consultations", label: "Consultations")], status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try await form(req, input: ComplaintInput(values: [:]), errors: [], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            let record = try await ConsultationService.record(input, req: req)
            return req.redirect(to: "/consultations/\(record.id!.uuidString)", flash: "Consultation recorded")
        } catch let error as AppError where error.kind == .validation {
            return try await form(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct ShowPage: Encodable {
        var id: UUID
        var title: String
        var proposal: String
        var member: String
        var capacity: String
        var memberView: String
        var decision: String
        var divergent: Bool
        var route: String?
        var advice: String?
        var recorded: String
        var rule: String
        var mayAdvise: Bool
    }

    private func showPage(_ req: Request, _ r: ConsultationRecord, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        return try await req.renderResponse("consultations/show", title: r.title, content: ShowPage(
            id: r.id!, title: r.title, proposal: r.proposal, member: r.memberName, capacity: ConsultationService.capacities[r.memberCapacity] ?? r.memberCapacity,
            memberView: r.memberView, decision: r.decision, divergent: r.divergent,
            route: r.route.flatMap(Consultations.Route.init(rawValue:))?.label, advice: r.officerAdvice,
            recorded: "\(DisplayFormat.dateTime(r.recordedAt)) by \(r.recordedByName)", rule: r.ruleCitation,
            mayAdvise: ConsultationService.mayRecord(actor)), errors: errors,
            breadcrumbs: [.init(href: "/consultations", label: "Consultations")], status: status)
    }

    func show(req: Request) async throws -> Response {
        try await showPage(req, try await ConsultationService.find(req.parameters.get("consultationID"), req: req), errors: [], status: .ok)
    }

    func advice(req: Request) async throws -> Response {
        let form = try FormBody(req)
        do {
            let record = try await ConsultationService.addAdvice(req.parameters.get("consultationID"), advice: form["advice"] ?? "", req: req)
            return req.redirect(to: "/consultations/\(record.id!.uuidString)", flash: "Your advice is recorded")
        } catch let error as AppError where error.kind == .validation {
            let record = try await ConsultationService.find(req.parameters.get("consultationID"), req: req, audit: false)
            return try await showPage(req, record, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }
}
