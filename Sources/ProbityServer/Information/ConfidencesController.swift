import Fluent
import ProbityCore
import Vapor

/// Party-political confidence pages (LE 12–17; TH 6.4(vi), 12.19–12.20; LC 6): officers record what
/// they were told in confidence, share it with a colleague only where necessary, and refer what
/// appears unlawful; the councillor who gave it, or their group leader, may agree to its being shared.
struct ConfidencesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("confidences")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get(":confidenceID", use: show)
        for action in ["share", "refer", "waive"] {
            group.post(":confidenceID", .constant(action)) { try await act(req: $0, name: action) }
        }
    }

    struct IndexPage: Encodable {
        var items: [ConfidenceService.JSON]
        var isOfficer: Bool
        var rule: RuleJSON
    }

    func index(req: Request) async throws -> View {
        let ctx = try await InformationContext.load(req)
        let items = try await ConfidenceService(req: req, ctx: ctx).list()
        return try await req.render("information/confidences", title: "Party-political confidences",
                                    content: IndexPage(items: items.map { .init($0, ctx: ctx) }, isOfficer: ctx.viewer.kind == .officer,
                                                       rule: RuleJSON(ctx.profile.information.partyConfidence.reference(in: ctx.profile.document))))
    }

    struct NewPage: Encodable {
        var members: [SelectOption]
        var settings: [SelectOption]
        var services: [SelectOption]
        var form: [String: String]
        var rule: RuleJSON
    }

    static let settingLabels: [ConfidenceSetting: String] = [
        .groupMeeting: "At a group meeting", .groupBriefing: "At a group briefing",
        .privateConversation: "In a private conversation", .writing: "In writing",
    ]

    func newForm(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        guard ctx.viewer.kind == .officer else {
            throw await req.refusal("confidence.record", resourceType: "party-confidence", reason: "Only the officer who was told something in confidence records it.")
        }
        return try await renderNew(req: req, ctx: ctx, form: [:], errors: [], status: .ok)
    }

    private func renderNew(req: Request, ctx: InformationContext, form: [String: String], errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let page = NewPage(
            members: ctx.org.members.values.filter { $0.groupID != nil }.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: "\($0.name) (\(ctx.groupName($0.groupID!)))", selected: form["member"] == $0.id.uuidString.lowercased())
            },
            settings: ConfidenceSetting.allCases.map { SelectOption(value: $0.rawValue, label: Self.settingLabels[$0] ?? $0.rawValue, selected: form["setting"] == $0.rawValue) },
            services: ctx.org.services.values.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["service"] == $0.id.uuidString.lowercased())
            },
            form: form, rule: RuleJSON(ctx.profile.information.partyConfidence.reference(in: ctx.profile.document)))
        return try await req.renderResponse("information/confidence-new", title: "Record a party-political confidence", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/confidences", label: "Party-political confidences")], status: status)
    }

    func create(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let form = try FormBody(req)
        do {
            let row = try await ConfidenceService(req: req, ctx: ctx).record(member: form["member"], setting: form["setting"], summary: form["summary"],
                                                                            service: form["service"])
            return req.redirect(to: "/confidences/\(row.id!.uuidString.lowercased())", flash: "Recorded in confidence.")
        } catch let error as AppError where error.kind == .validation {
            var echo: [String: String] = [:]
            for (k, v) in form.values { echo[k] = v.first }
            return try await renderNew(req: req, ctx: ctx, form: echo, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct ShowPage: Encodable {
        var record: ConfidenceService.JSON
        var isPrivyOfficer: Bool
        var canWaive: Bool
        var officers: [SelectOption]
        var necessities: [SelectOption]
        var concerns: [SelectOption]
        var form: [String: String]
    }

    func show(req: Request) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        return try await renderShow(req: req, ctx: ctx, id: try req.idParameter("confidenceID", "The record"), form: [:], errors: [], status: .ok)
    }

    private func renderShow(req: Request, ctx: InformationContext, id: UUID, form: [String: String], errors: [FieldError],
                            status: HTTPResponseStatus) async throws -> Response {
        let (_, state) = try await ConfidenceService(req: req, ctx: ctx).load(id)
        let privy = ctx.viewer.kind == .officer && ctx.viewer.personID.map(state.privyOfficerIDs.contains) == true
        let me = ctx.viewer.kind == .member ? ctx.viewer.personID : nil
        let page = ShowPage(
            record: .init(state, ctx: ctx), isPrivyOfficer: privy,
            canWaive: !state.isWaived && me != nil && (me == state.givenByMemberID || ctx.org.groups[state.groupID]?.leaderID == me),
            officers: ctx.org.officers.values.filter { !state.privyOfficerIDs.contains($0.id) }.sorted { $0.name < $1.name }.map {
                SelectOption(value: $0.id.uuidString.lowercased(), label: $0.name, selected: form["officer"] == $0.id.uuidString.lowercased())
            },
            necessities: SharingNecessity.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName.prefix(1).uppercased() + $0.displayName.dropFirst(), selected: form["necessity"] == $0.rawValue) },
            concerns: ConfidenceConcern.allCases.map { SelectOption(value: $0.rawValue, label: "It \($0.displayName)", selected: form["concern"] == $0.rawValue) },
            form: form)
        return try await req.renderResponse("information/confidence", title: "Party-political confidence", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/confidences", label: "Party-political confidences")], status: status)
    }

    /// The Share and Refer forms both send `explanation`.
    static let controls = FormControls(["refer": ["explanation": "referExplanation"]])

    func act(req: Request, name: String) async throws -> Response {
        let ctx = try await InformationContext.load(req)
        let id = try req.idParameter("confidenceID", "The record")
        let form = try FormBody(req)
        do {
            _ = try await ConfidenceService(req: req, ctx: ctx).act(id, name, text: { form[$0] })
            let said = ["share": "Shared. The confidence was confirmed to the officer.", "refer": "Referred, and recorded.",
                        "waive": "Recorded: the group agrees to this being shared."][name] ?? "Done."
            return req.redirect(to: "/confidences/\(id.uuidString.lowercased())", flash: said)
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, ctx: ctx, id: id, form: Self.controls.echo(form, action: name),
                                        errors: Self.controls.errors(error.fieldErrors, action: name), status: .unprocessableEntity)
        }
    }
}
