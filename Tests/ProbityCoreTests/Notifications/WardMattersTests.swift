import Foundation
import Testing
@testable import ProbityCore

@Suite("Ward matters and members' public meetings")
struct WardMattersTests {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let bow = id(101), mileEnd = id(102), poplar = id(103)
    static let org = OrgSnapshot(members: [
        .init(id: id(1), name: "Bow One", wardID: bow),
        .init(id: id(2), name: "Bow Two", wardID: bow),
        .init(id: id(3), name: "Mile End One", wardID: mileEnd),
        .init(id: id(4), name: "Poplar One", wardID: poplar, executiveRole: "leader"),
        .init(id: id(5), name: "Deputy", wardID: nil, executiveRole: "deputy-leader"),
        .init(id: id(6), name: "Lead", wardID: nil, executiveRole: "cabinet-member", portfolio: "Highways"),
    ])
    static let wards: Set<UUID> = [bow, mileEnd, poplar]

    static func profile(_ name: String) throws -> ProtocolProfile { try #require(try BuiltInProfiles.named(name)) }

    static func plan(_ request: WardMatters.Request, _ profile: String) throws -> Result<WardMatters.Plan, WardMatters.Refusal> {
        WardMatters.plan(request, profile: try Self.profile(profile), org: org, wardIDs: wards)
    }

    @Test("Each kind the profile lists goes to the members for the affected wards (TH 11.1)", arguments: WardMatterKind.allCases)
    func eachKind(_ kind: WardMatterKind) throws {
        let listed = try Self.profile("tower-hamlets").notifications.wardMatters.parameters.kinds.contains(kind)
        switch try Self.plan(.init(kind: kind, wards: [Self.bow]), "tower-hamlets") {
        case .success(let plan):
            #expect(listed)
            #expect(plan.recipients.map(\.memberID) == [Self.id(1), Self.id(2)])
            #expect(plan.rule.citation.contains("Tower Hamlets"))
            #expect(plan.urgent == (kind == .majorIncident))
        case .failure(let refusal):
            #expect(!listed)
            #expect(refusal == .kindNotListed(kind, try Self.profile("tower-hamlets").notifications.wardMatters.reference(in: try Self.profile("tower-hamlets").document)))
        }
    }

    @Test("Adjoining wards the service reaches are told where the protocol says so (LE 28), not otherwise")
    func adjoining() throws {
        let request = WardMatters.Request(kind: .event, wards: [Self.bow], adjoiningWards: [Self.mileEnd])
        let le = try Self.plan(request, "leicestershire").get()
        #expect(le.recipients.map(\.memberID) == [Self.id(1), Self.id(2), Self.id(3)])
        #expect(le.recipients.last?.reason.contains("adjoining") == true)
        let th = try Self.plan(request, "tower-hamlets").get()
        #expect(th.recipients.map(\.memberID) == [Self.id(1), Self.id(2)])
        #expect(th.adjoiningIgnored)
    }

    @Test("The Leader, Deputy Leader and a Lead Member are told when chosen (LE 36); anyone else is not a Lead Member")
    func executive() throws {
        let plan = try Self.plan(.init(kind: .delegatedDecision, wards: [Self.bow], leader: true, deputyLeader: true, leadMemberID: Self.id(6)), "leicestershire").get()
        #expect(Set(plan.recipients.map(\.memberID)) == [Self.id(1), Self.id(2), Self.id(4), Self.id(5), Self.id(6)])
        #expect(plan.recipients.first { $0.memberID == Self.id(4) }?.reason.hasPrefix("Leader") == true)
        #expect(try Self.plan(.init(kind: .delegatedDecision, wards: [Self.bow], leadMemberID: Self.id(3)), "leicestershire")
            == .failure(.invalid(field: "leadMember", message: "Choose a Cabinet or Lead Member")))
    }

    @Test("No ward notifications where the protocol sets none (London Councils), and no ward, no plan")
    func notInForce() throws {
        guard case .failure(.notInForce) = try Self.plan(.init(kind: .event, wards: [Self.bow]), "london-councils") else {
            Issue.record("expected a refusal"); return
        }
        guard case .failure(.invalid(field: "wards", _)) = try Self.plan(.init(kind: .event, wards: []), "wigan") else {
            Issue.record("expected a refusal"); return
        }
        guard case .failure(.invalid(field: "wards", _)) = try Self.plan(.init(kind: .event, wards: [Self.id(999)]), "wigan") else {
            Issue.record("expected a refusal"); return
        }
    }

    @Test("A meeting on council premises is refused in the pre-election period (TH 11.5); elsewhere, or another time, it is not")
    func preElection() throws {
        let period = MemberMeetings.Period(starts: CalendarDate(iso: "2027-03-29")!, ends: CalendarDate(iso: "2027-05-06")!)
        let th = try Self.profile("tower-hamlets")
        let refused = MemberMeetings.refusal(on: CalendarDate(iso: "2027-05-06")!, councilPremises: true, periods: [period], profile: th)
        #expect(refused?.citation == "Tower Hamlets protocol 11.5" || refused?.citation.hasSuffix("11.5") == true)
        #expect(MemberMeetings.refusal(on: CalendarDate(iso: "2027-03-29")!, councilPremises: true, periods: [period], profile: th) != nil)
        #expect(MemberMeetings.refusal(on: CalendarDate(iso: "2027-05-07")!, councilPremises: true, periods: [period], profile: th) == nil)
        #expect(MemberMeetings.refusal(on: CalendarDate(iso: "2027-04-10")!, councilPremises: false, periods: [period], profile: th) == nil)
        #expect(MemberMeetings.refusal(on: CalendarDate(iso: "2027-04-10")!, councilPremises: true, periods: [period], profile: try Self.profile("leicestershire")) == nil,
                "Leicestershire sets no such rule")
    }
}
