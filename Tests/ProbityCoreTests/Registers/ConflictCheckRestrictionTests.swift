import Foundation
import Testing
@testable import ProbityCore

@Suite("Conflict check: restrictions")
struct ConflictCheckRestrictionTests {
    typealias F = RegisterFixture

    static let budgetMeeting = F.meeting(F.cabinet, id: "budget", [
        F.item("tax", [.councilTaxSetting, .topic("budget 2027/28")]),
        F.item("rents", [.housingRents]),
        F.item("housing", [.councilHousing, .topic("allocations policy")]),
        F.item("home", [.land("1 Tenancy Close"), .councilHousing]),
        F.item("pay", [.staffNegotiations, .topic("pay award")]),
        F.item("parks", [.topic("parks")]),
    ])

    @Test func councilTaxArrearsOfTwoMonthsBarVotingOnCouncilTaxOnly() throws {
        let arrears = F.restriction(F.bob, .councilTaxArrears(months: 2))
        let report = try F.check(Self.budgetMeeting, [F.bob], [arrears])
        #expect(report.outcome(for: F.bob, item: "tax") == .maySpeakNotVote)
        let reason = try #require(report.reasons(for: F.bob, item: "tax").first)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 3.29 and 3.30", "Local Government Finance Act 1992 s.106"])
        #expect(!reason.dispensable)
        for item in ["rents", "housing", "pay", "parks"] { #expect(report.outcome(for: F.bob, item: item) == .clear, "\(item)") }
    }

    @Test func arrearsBelowTheThresholdDoNotBar() throws {
        let report = try F.check(Self.budgetMeeting, [F.bob], [F.restriction(F.bob, .councilTaxArrears(months: 1))])
        #expect(report.outcome(for: F.bob, item: "tax") == .clear)
    }

    @Test(arguments: ["london-councils", "wigan", "leicestershire", "hackney"])
    func silentProtocolsApplySection106WithProbitysDefault(profileID: String) throws {
        let report = try F.check(Self.budgetMeeting, [F.bob], [F.restriction(F.bob, .councilTaxArrears(months: 3))], profile: profileID)
        let reason = try #require(report.reasons(for: F.bob, item: "tax").first)
        #expect(reason.outcome == .maySpeakNotVote)
        #expect(reason.rules.map(\.citation) == ["Probity default (protocol silent)", "Local Government Finance Act 1992 s.106"])
    }

    @Test func aProfileThresholdOverrideIsHonouredAndSection106StandsWhenSwitchedOff() throws {
        var profile = try F.profile("tower-hamlets")
        profile.declarations.councilTaxArrearsMonths.parameters = ArrearsThreshold(months: 3)
        let arrears = F.restriction(F.bob, .councilTaxArrears(months: 2))
        let raised = ConflictCheck.run(matter: Self.budgetMeeting, participants: [MatterParticipant(F.bob)], declarations: [arrears],
                                       dispensations: [], profile: profile, org: F.org)
        #expect(raised.outcome(for: F.bob, item: "tax") == .clear)
        profile.declarations.councilTaxArrearsMonths.inForce = false
        let statutory = ConflictCheck.run(matter: Self.budgetMeeting, participants: [MatterParticipant(F.bob)], declarations: [arrears],
                                          dispensations: [], profile: profile, org: F.org)
        #expect(statutory.outcome(for: F.bob, item: "tax") == .maySpeakNotVote)
    }

    @Test func aCouncilTenantDeclaresOnHousingAndWithdrawsOnTheirOwnHome() throws {
        let tenancy = F.restriction(F.carol, .councilTenancy(address: "1 Tenancy Close", rentArrearsMonths: 0))
        let report = try F.check(Self.budgetMeeting, [F.carol], [tenancy])
        #expect(report.outcome(for: F.carol, item: "rents") == .mustDeclare)
        #expect(report.outcome(for: F.carol, item: "housing") == .mustDeclare)
        #expect(report.outcome(for: F.carol, item: "home") == .mustWithdraw)
        #expect(report.outcome(for: F.carol, item: "tax") == .clear)
        let reason = try #require(report.reasons(for: F.carol, item: "housing").first)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 3.28"])
        #expect(report.reasons(for: F.carol, item: "home").first?.rules.map(\.citation) ==
                ["Tower Hamlets protocol 3.28", "Localism Act 2011 s.31(4) and (10)"])
    }

    @Test func aTenantTwoMonthsInRentArrearsMayNotVoteOnRents() throws {
        let tenancy = F.restriction(F.carol, .councilTenancy(address: "1 Tenancy Close", rentArrearsMonths: 2))
        let report = try F.check(Self.budgetMeeting, [F.carol], [tenancy])
        #expect(report.outcome(for: F.carol, item: "rents") == .maySpeakNotVote)
        #expect(report.outcome(for: F.carol, item: "housing") == .mustDeclare)
        let lc = try F.check(Self.budgetMeeting, [F.carol], [tenancy], profile: "london-councils")
        #expect(lc.outcome(for: F.carol, item: "rents") == .maySpeakNotVote)
        #expect(lc.reasons(for: F.carol, item: "rents").first?.rules.map(\.ruleId) == ["registers.default.council-tenancy"])
    }

    @Test func aUnionOfficialTakesNoPartInStaffNegotiations() throws {
        let union = F.restriction(F.ann, .tradeUnion(union: "Unison", role: .official))
        let report = try F.check(Self.budgetMeeting, [F.ann], [union])
        #expect(report.outcome(for: F.ann, item: "pay") == .mustWithdraw)
        #expect(report.reasons(for: F.ann, item: "pay").first?.rules.map(\.citation) == ["Tower Hamlets protocol 14.9"])
        #expect(report.outcome(for: F.ann, item: "parks") == .clear)
        let grant = try F.check(F.meeting([F.item("grant", [.body("UNISON")])]), [F.ann], [union])
        #expect(grant.outcome(for: F.ann, item: "grant") == .mustDeclare)
    }

    @Test func anotherAuthoritysEmployeeTakesNoPartInStaffNegotiations() throws {
        let employed = F.restriction(F.bob, .otherAuthorityEmployment(authority: "London Borough of Newham"))
        let report = try F.check(Self.budgetMeeting, [F.bob], [employed], profile: "wigan")
        #expect(report.outcome(for: F.bob, item: "pay") == .mustWithdraw)
        #expect(report.reasons(for: F.bob, item: "pay").first?.rules.map(\.ruleId) == ["registers.default.trade-union-negotiations"])
        #expect(report.outcome(for: F.bob, item: "tax") == .clear)
    }

    @Test func everyItemOfANegotiatingBodyIsStaffNegotiations() throws {
        let union = F.restriction(F.ann, .tradeUnion(union: "GMB", role: .employee))
        let meeting = F.meeting(F.jcag, id: "jcag-1", [F.item("a", [.topic("flexible working")]), F.item("b", [])])
        let report = try F.check(meeting, [F.ann, F.bob], [union])
        #expect(report.participant(F.ann)?.items.map(\.outcome) == [.mustWithdraw, .mustWithdraw])
        #expect(report.participant(F.bob)?.overall == .clear)
        let membership = try F.check(Matter.committeeMembership(committee: F.jcag, date: F.meetingDay), [F.ann], [union])
        #expect(membership.participant(F.ann)?.overall == .mustWithdraw)
    }

    @Test func aPoliticallyRestrictedPostBarsAMemberFromEverything() throws {
        let restricted = F.restriction(F.independent, .politicallyRestrictedPost(post: "Policy Adviser", authority: "London Borough of Newham"))
        let report = try F.check(Self.budgetMeeting, [F.independent], [restricted], profile: "london-councils")
        #expect(report.participant(F.independent)?.items.allSatisfy { $0.outcome == .mustWithdraw } == true)
        let reason = try #require(report.reasons(for: F.independent, item: "parks").first)
        #expect(reason.rules.map(\.citation) == ["Local Government and Housing Act 1989 s.1(1)", "London Councils protocol 5"])
        #expect(reason.explanation.contains("disqualifies you"))
        let wigan = try F.check(Self.budgetMeeting, [F.independent], [restricted], profile: "wigan")
        #expect(wigan.reasons(for: F.independent, item: "parks").first?.rules.last?.citation == "Wigan protocol 8.2")
        let th = try F.check(Self.budgetMeeting, [F.independent], [restricted], profile: "tower-hamlets")
        #expect(th.reasons(for: F.independent, item: "parks").first?.rules.map(\.citation) == ["Local Government and Housing Act 1989 s.1(1)"])
    }

    @Test func anOfficersRestrictedPostDoesNotBarThemFromAdvising() throws {
        let restricted = F.restriction(F.highwaysHead, .politicallyRestrictedPost(post: "Head of Highways", authority: "This council"))
        let report = try F.check(Self.budgetMeeting, [F.highwaysHead], [restricted])
        #expect(report.participant(F.highwaysHead)?.overall == .clear)
    }
}
