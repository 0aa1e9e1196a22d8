import Fluent
import ProbityCore
import Vapor

/// `/media`: officers ask Communications to clear contact with the media; Communications decide.
struct MediaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("media")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get(":mediaContactID", use: show)
        group.post(":mediaContactID", "decision", use: decide)
    }

    struct Row: Encodable { var id: UUID; var subject: String; var outlet: String; var status: String; var requested: String }
    struct IndexPage: Encodable { var rows: [Row]; var mayRequest: Bool; var statement: String; var citation: String; var inForce: Bool }

    func index(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let rows = try await (try MediaContactService.visible(req))?.sort(\.$requestedAt, .descending).limit(100).all().map {
            Row(id: $0.id!, subject: $0.subject, outlet: $0.outlet, status: Self.status($0.status), requested: "\(DisplayFormat.dateTime($0.requestedAt)) by \($0.requestedByName)")
        } ?? []
        let rule = current.profile.notifications.mediaClearance
        return try await req.render("media/index", title: "Media contact", content: IndexPage(
            rows: rows, mayRequest: MediaContactService.isOfficer(actor) || actor.canAdminister, statement: rule.statement,
            citation: rule.citationText(in: current.profile.document), inForce: rule.inForce))
    }

    static func status(_ raw: String) -> String {
        switch MediaClearance.Status(rawValue: raw) {
        case .requested?: "Waiting for Communications"
        case .cleared?: "Cleared"
        case .refused?: "Not cleared"
        case .notNeeded?: "No clearance needed"
        case nil: raw
        }
    }

    struct FormPage: Encodable {
        var directions: [SelectOption]
        var wards: [SelectOption]
        var values: [String: String]
        /// Checkbox states. Real booleans: Leaf's `#if` treats any string, even "", as true.
        var flags: [String: Bool]
    }

    private func form(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        guard MediaContactService.isOfficer(actor) || actor.canAdminister else {
            throw await req.refusal("media_contact.create", resourceType: "media_contact",
                                    reason: "Members may talk to the media freely (Tower Hamlets protocol 15.5); clearance is for officers (15.4).")
        }
        let wards = try await Ward.scoped(to: actor.authorityID, on: req.db).sort(\.$name).all()
        let chosen = Set(input.list("wards"))
        return try await req.renderResponse("media/new", title: "Ask for media clearance", content: FormPage(
            directions: [SelectOption(value: "approach", label: "The press approached me", selected: input.text("direction") == "approach"),
                         SelectOption(value: "outgoing", label: "I want to contact the media", selected: input.text("direction") == "outgoing")],
            wards: wards.map { SelectOption(value: $0.id!.uuidString, label: $0.name, selected: chosen.contains($0.id!.uuidString)) },
            values: ["outlet": input.text("outlet"), "subject": input.text("subject"), "summary": input.text("summary")],
            flags: ["advertising": WardMatterService.flag(input, "advertising")]),
            errors: errors, breadcrumbs: [.init(href: "/media", label: "Media contact")], status: status)
    }

    func newForm(req: Request) async throws -> Response { try await form(req, input: ComplaintInput(values: [:]), errors: [], status: .ok) }

    func create(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            let contact = try await MediaContactService.request(input, req: req)
            return req.redirect(to: "/media/\(contact.id!.uuidString)", flash: contact.status == "requested" ? "Communications have been asked to clear it" : "Recorded")
        } catch let error as AppError where error.kind == .validation {
            return try await form(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct ShowPage: Encodable {
        var id: UUID
        var subject: String
        var outlet: String
        var direction: String
        var summary: String
        var status: String
        var requested: String
        var decided: String?
        var note: String?
        var rule: String
        var wardMatter: UUID?
        var mayDecide: Bool
    }

    private func showPage(_ req: Request, _ c: MediaContact, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        return try await req.renderResponse("media/show", title: c.subject, content: ShowPage(
            id: c.id!, subject: c.subject, outlet: c.outlet, direction: c.direction == "approach" ? "The press approached the officer" : "The officer wants to contact the media",
            summary: c.summary, status: Self.status(c.status), requested: "\(DisplayFormat.dateTime(c.requestedAt)) by \(c.requestedByName)",
            decided: c.decidedAt.map { "\(DisplayFormat.dateTime($0)) by \(c.decidedByName ?? "")" }, note: c.decisionNote, rule: c.ruleCitation,
            wardMatter: c.wardMatterID,
            mayDecide: c.status == "requested" && MediaContactService.mayDecide(actor, current: current, org: org)),
            errors: errors, breadcrumbs: [.init(href: "/media", label: "Media contact")], status: status)
    }

    func show(req: Request) async throws -> Response {
        try await showPage(req, try await MediaContactService.find(req.parameters.get("mediaContactID"), req: req), errors: [], status: .ok)
    }

    func decide(req: Request) async throws -> Response {
        let form = try FormBody(req)
        let cleared: Bool? = form["decision"] == "cleared" ? true : form["decision"] == "refused" ? false : nil
        do {
            let contact = try await MediaContactService.decide(req.parameters.get("mediaContactID"), cleared: cleared, note: form["note"] ?? "", req: req)
            return req.redirect(to: "/media/\(contact.id!.uuidString)", flash: "Decision recorded")
        } catch let error as AppError where error.kind == .validation {
            let contact = try await MediaContactService.find(req.parameters.get("mediaContactID"), req: req, audit: false)
            return try await showPage(req, contact, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }
}
