import Fluent
import ProbityCore
import Vapor

/// `/api/v1/ward-matters…`: ward matters and who was told, members' public meetings, and the
/// pre-election periods.
struct WardMattersAPIController {
    func boot(routes: any RoutesBuilder) {
        let group = routes.grouped("ward-matters")
        group.get(use: list)
        group.post(use: create)
        group.post("member-meetings", use: createMeeting)
        group.get("pre-election-periods", use: listPeriods)
        group.post("pre-election-periods", use: createPeriod)
        group.delete("pre-election-periods", ":periodID", use: deletePeriod)
        group.get(":wardMatterID", use: show)
    }

    struct RecipientJSON: Encodable {
        var memberId: UUID
        var name: String
        var reason: String
        var recordedAt: Date
        var deliveredAt: Date
    }

    struct MatterJSON: Encodable {
        var id: UUID
        var kind: String
        var title: String
        var details: String
        var wards: [UUID]
        var adjoiningWards: [UUID]
        var leader: Bool
        var deputyLeader: Bool
        var leadMember: UUID?
        var startsOn: String?
        var recordedBy: String
        var recordedAt: Date
        var rule: String
        var told: [RecipientJSON]?

        init(_ m: WardMatter, recipients: [WardMatterRecipient]?) {
            id = m.id!
            kind = m.kind
            title = m.title
            details = m.details
            wards = WardMatter.ids(m.wardIDs)
            adjoiningWards = WardMatter.ids(m.adjoiningWardIDs)
            leader = m.leader
            deputyLeader = m.deputyLeader
            leadMember = m.leadMemberID
            startsOn = m.startsOn
            recordedBy = m.recordedByName
            recordedAt = m.recordedAt
            rule = m.ruleCitation
            told = recipients?.map { RecipientJSON(memberId: $0.memberID, name: $0.memberName, reason: $0.reason, recordedAt: $0.recordedAt, deliveredAt: $0.deliveredAt) }
        }
    }

    func list(req: Request) async throws -> Response {
        try await APIPaging(req, maxPerPage: 200).respond(try WardMatterService.visible(req), newest: \.$recordedAt) { MatterJSON($0, recipients: nil) }
    }

    func create(req: Request) async throws -> Response {
        let input = try WardMatterService.input(json: try APIRequest.jsonObject(req), allowed: WardMatterService.matterFields)
        let matter = try await WardMatterService.record(input, req: req)
        let recipients = try await WardMatterRecipient.scoped(to: matter.authorityID, on: req.db)
            .filter(\.$wardMatterID == matter.id!).sort(\.$memberName).all()
        return try APIResponse.json(encodable: MatterJSON(matter, recipients: recipients), status: .created)
    }

    func show(req: Request) async throws -> Response {
        let (matter, recipients) = try await WardMatterService.find(req.parameters.get("wardMatterID"), req: req)
        return try APIResponse.json(encodable: MatterJSON(matter, recipients: recipients))
    }

    struct MeetingJSON: Encodable {
        var id: UUID
        var title: String
        var meetsOn: String
        var venue: String
        var councilPremises: Bool
        var partyPolitical: Bool
        var officer: UUID
        var recordedAt: Date
    }

    func createMeeting(req: Request) async throws -> Response {
        let input = try WardMatterService.input(json: try APIRequest.jsonObject(req), allowed: WardMatterService.meetingFields)
        let m = try await MemberMeetingService.record(input, req: req)
        return try APIResponse.json(encodable: MeetingJSON(id: m.id!, title: m.title, meetsOn: m.meetsOn, venue: m.venue, councilPremises: m.councilPremises,
                                                           partyPolitical: m.partyPolitical, officer: m.officerID, recordedAt: m.recordedAt), status: .created)
    }

    struct PeriodJSON: Encodable {
        var id: UUID
        var startsOn: String
        var endsOn: String
        var note: String
        init(_ p: PreElectionPeriod) {
            id = p.id!
            startsOn = p.startsOn
            endsOn = p.endsOn
            note = p.note
        }
    }

    func listPeriods(req: Request) async throws -> Response {
        struct Body: Encodable { var items: [PeriodJSON] }
        return try APIResponse.json(encodable: Body(items: try await MemberMeetingService.periods(req).map(PeriodJSON.init)))
    }

    func createPeriod(req: Request) async throws -> Response {
        _ = try await req.requireAdministrator("pre_election_period.create")
        let input = try WardMatterService.input(json: try APIRequest.jsonObject(req), allowed: WardMatterService.periodFields)
        return try APIResponse.json(encodable: PeriodJSON(try await MemberMeetingService.addPeriod(input, req: req)), status: .created)
    }

    func deletePeriod(req: Request) async throws -> Response {
        try await MemberMeetingService.removePeriod(req.parameters.get("periodID"), req: req)
        return Response(status: .noContent)
    }
}
