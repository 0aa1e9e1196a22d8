import Fluent
import ProbityCore
import Vapor

/// Party group briefing pages: a group's requests and the offers made to it, the request form,
/// and one briefing with the steps the viewer may take (gatekeeper assigns and offers; the Chief
/// Executive agrees to non-councillors; the officer records facts and options; the group withdraws).
struct BriefingsController: RouteCollection {
    static let actions = ["assign", "decline", "attendance", "offer", "offer-answer", "held", "record", "withdraw"]

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("briefings")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get(":briefingID", use: show)
        for action in Self.actions {
            group.post(":briefingID", .constant(action)) { try await act(req: $0, name: action) }
        }
    }

    struct Row: Encodable {
        var briefing: BriefingJSON
        var href: String
    }

    struct IndexPage: Encodable {
        var rows: [Row]
        var offers: [BriefingOfferJSON]
        var canRequest: Bool
        var isOfficer: Bool
    }

    func index(req: Request) async throws -> View {
        let ctx = try await InformationContext.load(req)
        let service = BriefingService(req: req, ctx: ctx)
        let (briefings, offers) = try await service.list()
        let page = IndexPage(
            rows: briefings.map { Row(briefing: BriefingJSON($0, ctx: ctx, showRecord: false), href: "/briefings/\($0.id.uuidString.lowercased())") },
            offers: offers, canRequest: ctx.viewer.kind == .member || ctx.viewer.kind == .assistant, isOfficer: ctx.viewer.kind == .officer)
        return try await req.render("briefings/index", title: "Group briefings", content: page)
    }

    struct NewPage: Encodable {
        var services: [SelectOption]
        var principals: [SelectOption]
        var form: [String: String]
        var gatekeeper: RuleJSON
        var attendance: RuleJSON?
        var guidance: [RuleJSON]
    }

    func newForm(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderNew(req: req, ctx: ctx, form: [:], errors: [], status: .ok)
    }

    private func renderNew(req: Request, ctx: InformationContext, form: [String: String], errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let rules = ctx.profile.briefings
        let page = NewPage(
            services: ctx.org.services.values.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["service"] == $0.id.uuidString.lowercased())
            },
            principals: ctx.principals.map { SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["actingFor"] == $0.id.uuidString.lowercased()) },
            form: form, gatekeeper: RuleJSON(rules.gatekeeper.reference(in: ctx.profile.document)),
            attendance: rules.nonCouncillorAttendance.inForce ? RuleJSON(rules.nonCouncillorAttendance.reference(in: ctx.profile.document)) : nil,
            guidance: [rules.factsAndOptionsOnly, rules.officerLeavesBeforeDecision].filter(\.inForce).map { RuleJSON($0.reference(in: ctx.profile.document)) })
        return try await req.renderResponse("briefings/new", title: "Ask for an officer briefing", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/briefings", label: "Group briefings")], status: status)
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func create(req: Request) async throws -> Response {
        let form = try FormBody(req)
        let ctx = try await InformationContext.load(req, actingFor: form["actingFor"].flatMap(UUID.init(uuidString:)))
        do {
            let row = try await BriefingService(req: req, ctx: ctx).request(.init(topic: form["topic"], service: form["service"],
                                                                                 nonCouncillors: Self.lines(form["nonCouncillors"])))
            return req.redirect(to: "/briefings/\(row.id!.uuidString.lowercased())", flash: "Request sent to the gatekeeper, who will assign the officer.")
        } catch let error as AppError where error.kind == .validation {
            var echo: [String: String] = [:]
            for (k, v) in form.values { echo[k] = v.first }
            return try await renderNew(req: req, ctx: ctx, form: echo, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct ShowPage: Encodable {
        var briefing: BriefingJSON
        var can: [String: Bool]
        var officers: [SelectOption]
        var groups: [SelectOption]
        var automaticOffer: Bool
        var form: [String: String]
        var rules: [RuleJSON]
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderShow(req: req, ctx: ctx, id: try req.idParameter("briefingID", "The briefing"), form: [:], errors: [], status: .ok)
    }

    private func renderShow(req: Request, ctx: InformationContext, id: UUID, form: [String: String], errors: [FieldError],
                            status: HTTPResponseStatus) async throws -> Response {
        let service = BriefingService(req: req, ctx: ctx)
        let (_, b) = try await service.load(id)
        let me = ctx.viewer.kind == .officer ? ctx.viewer.personID : nil
        let rules = ctx.profile.briefings
        let gatekeeper = me.map(b.gatekeeperIDs.contains) ?? false
        let assigned = me != nil && me == b.assignedOfficerID
        let ofGroup = b.groupID == (ctx.viewer.kind == .member ? ctx.viewer.personID.flatMap { ctx.org.members[$0]?.groupID } : ctx.viewer.groupID)
        let offerOpen = rules.offerToOtherGroups.inForce && rules.offerToOtherGroups.parameters.mode != .none
        let can: [String: Bool] = [
            "assign": gatekeeper && b.status == .requested,
            "offer": gatekeeper && offerOpen && b.status != .withdrawn && ctx.org.groups.keys.contains { $0 != b.groupID && !b.offers.map(\.toGroupID).contains($0) },
            "attendance": me.map(b.agreementGiverIDs.contains) == true && b.attendanceAgreement == nil && (b.status == .requested || b.status == .assigned),
            "decline": assigned && rules.officerMayDecline.inForce && b.status == .assigned,
            "held": assigned && b.status == .assigned,
            "record": assigned && (b.status == .held || b.status == .recorded),
            "withdraw": ofGroup && (b.status == .requested || b.status == .assigned),
        ]
        let document = ctx.profile.document
        var pageRules: [RuleJSON] = [rules.gatekeeper.reference(in: document)].map(RuleJSON.init)
        if rules.nonCouncillorAttendance.inForce { pageRules.append(RuleJSON(rules.nonCouncillorAttendance.reference(in: document))) }
        if rules.factsAndOptionsOnly.inForce { pageRules.append(RuleJSON(rules.factsAndOptionsOnly.reference(in: document))) }
        if rules.officerLeavesBeforeDecision.inForce { pageRules.append(RuleJSON(rules.officerLeavesBeforeDecision.reference(in: document))) }
        if offerOpen { pageRules.append(RuleJSON(rules.offerToOtherGroups.reference(in: document))) }
        let page = ShowPage(
            briefing: BriefingJSON(b, ctx: ctx, showRecord: service.canViewRecord(b)), can: can,
            officers: ctx.org.officers.values.filter { !b.declines.map(\.officerID).contains($0.id) }.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["officer"] == $0.id.uuidString.lowercased())
            },
            groups: ctx.org.groups.values.filter { $0.id != b.groupID && !b.offers.map(\.toGroupID).contains($0.id) }.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["group"] == $0.id.uuidString.lowercased())
            },
            automaticOffer: rules.offerToOtherGroups.inForce && rules.offerToOtherGroups.parameters.mode == .automatic && !b.answersOffer,
            form: form,
            rules: pageRules)
        return try await req.renderResponse("briefings/show", title: "Group briefing", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/briefings", label: "Group briefings")], status: status)
    }

    /// The options of a record form: up to three, each a title with merits and demerits one per line.
    static func formOptions(_ form: FormBody) -> [BriefingOption] {
        (1...3).compactMap { n in
            let title = (form["option\(n)Title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let merits = lines(form["option\(n)Merits"]), demerits = lines(form["option\(n)Demerits"])
            return title.isEmpty && merits.isEmpty && demerits.isEmpty ? nil : BriefingOption(title: title, merits: merits, demerits: demerits)
        }
    }

    /// Core field names (`facts[2]`, `options[0].merits[1]`) as the form's controls.
    static func formField(_ field: String) -> String {
        if field.hasPrefix("facts") { return "facts" }
        if field.hasPrefix("options["), let close = field.firstIndex(of: "]"), let n = Int(field[field.index(field.startIndex, offsetBy: 8)..<close]) {
            let rest = field[field.index(after: close)...]
            let part = rest.hasPrefix(".merits") ? "Merits" : rest.hasPrefix(".demerits") ? "Demerits" : "Title"
            return "option\(n + 1)\(part)"
        }
        return field
    }

    /// The Assign and Offer forms both send `neutralTopic`; Decline and Withdraw both send `reason`.
    static let controls = FormControls([
        "offer": ["neutralTopic": "offerNeutralTopic"],
        "withdraw": ["reason": "withdrawReason"],
    ])

    func act(req: Request, name: String) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("briefingID", "The briefing")
        let form = try FormBody(req)
        let echo = Self.controls.echo(form, action: name)
        let service = BriefingService(req: req, ctx: ctx)
        do {
            let action = try service.action(name, text: { form[$0] }, lists: { name in
                name == "facts" ? Self.lines(form["facts"]) : (form.values[name] ?? [])
            }, options: Self.formOptions(form))
            _ = try await service.act(id, action, name: name)
            if name == "offer-answer" { return req.redirect(to: "/briefings", flash: "Your group's answer is recorded.") }
            return req.redirect(to: "/briefings/\(id.uuidString.lowercased())", flash: "Done.")
        } catch let error as AppError where error.kind == .validation {
            if name == "offer-answer" { throw error }
            let errors = Self.controls.errors(error.fieldErrors.map { FieldError(field: Self.formField($0.field), message: $0.message) }, action: name)
            return try await renderShow(req: req, ctx: ctx, id: id, form: echo, errors: errors, status: .unprocessableEntity)
        }
    }
}
