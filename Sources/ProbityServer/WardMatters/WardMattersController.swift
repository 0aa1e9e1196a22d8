import Fluent
import ProbityCore
import Vapor

/// The ward matters pages: `/ward-matters`, recording one, who was told; members' public
/// meetings; the pre-election periods.
struct WardMattersController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("ward-matters")
        group.get(use: index)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get("member-meetings", "new", use: meetingForm)
        group.post("member-meetings", use: createMeeting)
        group.get("pre-election", use: periods)
        group.post("pre-election", use: addPeriod)
        group.post("pre-election", ":periodID", "delete", use: deletePeriod)
        group.get(":wardMatterID", use: show)
    }

    struct Row: Encodable {
        var id: UUID
        var title: String
        var kind: String
        var recorded: String
        var recordedBy: String
    }

    struct IndexPage: Encodable {
        var rows: [Row]
        var total: Int
        var mayRecord: Bool
        var isMember: Bool
        var inForce: Bool
        var statement: String
        var citation: String
        var pagination: Pagination
    }

    func index(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let number = req.pageNumber
        var rows: [Row] = []
        var total = 0
        if let query = try WardMatterService.visible(req) {
            total = try await query.copy().count()
            rows = try await query.sort(\.$recordedAt, .descending).sort(\.$id)
                .range(lower: (number - 1) * Self.perPage, upper: number * Self.perPage).all().map {
                    Row(id: $0.id!, title: $0.title, kind: WardMatterKind(rawValue: $0.kind).map(WardMatters.label) ?? $0.kind,
                        recorded: DisplayFormat.dateTime($0.recordedAt), recordedBy: $0.recordedByName)
                }
        }
        let rule = current.profile.notifications.wardMatters
        return try await req.render("ward-matters/index", title: "Ward matters", content: IndexPage(
            rows: rows, total: total, mayRecord: WardMatterService.mayRecord(actor), isMember: actor.personKind == .member,
            inForce: rule.inForce, statement: rule.statement, citation: rule.citationText(in: current.profile.document),
            pagination: Pagination(page: number, per: Self.perPage, total: total, path: "/ward-matters")))
    }

    struct FormPage: Encodable {
        var kinds: [SelectOption]
        var wards: [SelectOption]
        var adjoining: [SelectOption]
        var leadMembers: [SelectOption]
        var includeAdjoining: Bool
        var values: [String: String]
        /// Checkbox states. Real booleans: Leaf's `#if` treats any string, even "", as true.
        var flags: [String: Bool]
        var citation: String
    }

    private func form(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        guard WardMatterService.mayRecord(actor) else {
            throw await req.refusal("ward_matter.create", resourceType: "ward_matter", reason: "Only officers record ward matters (Leicestershire protocol 26; Tower Hamlets protocol 11.1).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        let wards = try await Ward.scoped(to: actor.authorityID, on: req.db).sort(\.$name).all()
        let chosen = Set(input.list("wards"))
        let chosenAdjoining = Set(input.list("adjoiningWards"))
        let leads = org.members.values.filter { ["cabinet-member", "lead-member"].contains($0.executiveRole) }.sorted { $0.name < $1.name }
        let page = FormPage(
            kinds: WardMatters.kinds(current.profile).map { SelectOption(value: $0.rawValue, label: WardMatters.label($0), selected: input.text("kind") == $0.rawValue) },
            wards: wards.map { SelectOption(value: $0.id!.uuidString, label: $0.name, selected: chosen.contains($0.id!.uuidString)) },
            adjoining: wards.map { SelectOption(value: $0.id!.uuidString, label: $0.name, selected: chosenAdjoining.contains($0.id!.uuidString)) },
            leadMembers: leads.map { SelectOption(value: $0.id.uuidString, label: $0.name + ($0.portfolio.map { " (\($0))" } ?? ""), selected: input.text("leadMember") == $0.id.uuidString) },
            includeAdjoining: current.profile.notifications.wardMatters.parameters.includeAdjoiningWards,
            values: ["title": input.text("title"), "details": input.text("details"), "startsOn": input.text("startsOn")],
            flags: ["leader": WardMatterService.flag(input, "leader"), "deputyLeader": WardMatterService.flag(input, "deputyLeader")],
            citation: current.profile.notifications.wardMatters.citationText(in: current.profile.document))
        return try await req.renderResponse("ward-matters/new", title: "Record a ward matter", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/ward-matters", label: "Ward matters")], status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try await form(req, input: ComplaintInput(values: [:]), errors: [], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            let matter = try await WardMatterService.record(input, req: req)
            return req.redirect(to: "/ward-matters/\(matter.id!.uuidString)", flash: "Ward matter recorded and the members told")
        } catch let error as AppError where error.kind == .validation {
            return try await form(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct ShowPage: Encodable {
        struct Told: Encodable { var name: String; var reason: String; var delivered: String }
        var title: String
        var kind: String
        var details: String
        var wards: String
        var adjoining: String
        var startsOn: String?
        var recordedBy: String
        var recorded: String
        var rule: String
        var told: [Told]
    }

    func show(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let (m, recipients) = try await WardMatterService.find(req.parameters.get("wardMatterID"), req: req)
        let wards = Dictionary(uniqueKeysWithValues: try await Ward.scoped(to: actor.authorityID, on: req.db).all().map { ($0.id!, $0.name) })
        func names(_ text: String) -> String { WardMatter.ids(text).compactMap { wards[$0] }.sorted().joined(separator: ", ") }
        return try await req.render("ward-matters/show", title: m.title, content: ShowPage(
            title: m.title, kind: WardMatterKind(rawValue: m.kind).map(WardMatters.label) ?? m.kind, details: m.details,
            wards: names(m.wardIDs), adjoining: names(m.adjoiningWardIDs), startsOn: m.startsOn, recordedBy: m.recordedByName,
            recorded: DisplayFormat.dateTime(m.recordedAt), rule: m.ruleCitation,
            told: recipients.map { .init(name: $0.memberName, reason: $0.reason, delivered: DisplayFormat.dateTime($0.deliveredAt)) }),
            breadcrumbs: [.init(href: "/ward-matters", label: "Ward matters")])
    }

    struct MeetingPage: Encodable {
        var outOfHours: String?
        var officers: [SelectOption]
        var values: [String: String]
        /// Checkbox states. Real booleans: Leaf's `#if` treats any string, even "", as true.
        var flags: [String: Bool]
        var rule: String
    }

    private func meetingPage(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        guard actor.personKind == .member else {
            throw await req.refusal("member_meeting.create", resourceType: "member_meeting",
                                    reason: "Only members record the public meetings they arrange\(MemberMeetingService.cited("member-organised-public-meetings", current.profile)).")
        }
        let officers = try await Officer.scoped(to: actor.authorityID, on: req.db).sort(\.$name).all()
        let rule = current.profile.notifications.preElectionMeetings
        let (_, outOfHours) = try await OutOfHoursController.warning(req)
        return try await req.renderResponse("ward-matters/meeting", title: "Tell an officer about a public meeting", content: MeetingPage(
            outOfHours: outOfHours, officers: officers.map { SelectOption(value: $0.id!.uuidString, label: "\($0.name), \($0.jobTitle)", selected: input.text("officer") == $0.id!.uuidString) },
            values: ["title": input.text("title"), "venue": input.text("venue"), "meetsOn": input.text("meetsOn")],
            flags: ["councilPremises": WardMatterService.flag(input, "councilPremises"),
                    "partyPolitical": WardMatterService.flag(input, "partyPolitical")],
            rule: rule.inForce ? "\(rule.statement) (\(rule.citationText(in: current.profile.document)))" : ""),
            errors: errors, breadcrumbs: [.init(href: "/ward-matters", label: "Ward matters")], status: status)
    }

    func meetingForm(req: Request) async throws -> Response {
        try await meetingPage(req, input: ComplaintInput(values: [:]), errors: [], status: .ok)
    }

    func createMeeting(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            _ = try await MemberMeetingService.record(input, req: req)
            return req.redirect(to: "/ward-matters", flash: "The officer has been told about your meeting")
        } catch let error as AppError where error.kind == .validation {
            return try await meetingPage(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    struct PeriodsPage: Encodable {
        struct Item: Encodable { var id: UUID; var startsOn: String; var endsOn: String; var note: String }
        var items: [Item]
        var mayEdit: Bool
        var values: [String: String]
        var rule: String
        var inForce: Bool
    }

    private func periodsPage(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let rule = current.profile.notifications.preElectionMeetings
        let items = try await MemberMeetingService.periods(req).map { PeriodsPage.Item(id: $0.id!, startsOn: $0.startsOn, endsOn: $0.endsOn, note: $0.note) }
        return try await req.renderResponse("ward-matters/pre-election", title: "Pre-election periods", content: PeriodsPage(
            items: items, mayEdit: actor.canAdminister,
            values: ["startsOn": input.text("startsOn"), "endsOn": input.text("endsOn"), "note": input.text("note")],
            rule: "\(rule.statement) (\(rule.citationText(in: current.profile.document)))", inForce: rule.inForce),
            errors: errors, breadcrumbs: [.init(href: "/ward-matters", label: "Ward matters")], status: status)
    }

    func periods(req: Request) async throws -> Response {
        try await periodsPage(req, input: ComplaintInput(values: [:]), errors: [], status: .ok)
    }

    func addPeriod(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            _ = try await MemberMeetingService.addPeriod(input, req: req)
            return req.redirect(to: "/ward-matters/pre-election", flash: "Pre-election period added")
        } catch let error as AppError where error.kind == .validation {
            return try await periodsPage(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    func deletePeriod(req: Request) async throws -> Response {
        try await MemberMeetingService.removePeriod(req.parameters.get("periodID"), req: req)
        return req.redirect(to: "/ward-matters/pre-election", flash: "Pre-election period removed")
    }
}
