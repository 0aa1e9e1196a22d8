import Foundation
import Testing
@testable import ProbityCore

@Suite("Conflict check: relationships and recruitment")
struct ConflictCheckRelationshipTests {
    typealias F = RegisterFixture

    static let restructure = F.meeting(F.planningCommittee, [
        F.item("regrade", [.person(F.highwaysOfficer), .post("Highways Officer")]),
        F.item("highways-budget", [.department(F.highways)]),
        F.item("parks", [.topic("parks")]),
    ])

    @Test func towerHamletsBarsAMemberFromDecisionsDirectlyAffectingARelatedOfficer() throws {
        let friendship = F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship)
        let report = try F.check(Self.restructure, [F.ann], [friendship])
        #expect(report.outcome(for: F.ann, item: "regrade") == .mustWithdraw)
        let reason = try #require(report.reasons(for: F.ann, item: "regrade").first)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 5.3"])
        #expect(reason.explanation.contains("Dana Highways"))
        #expect(!reason.dispensable)
        #expect(report.outcome(for: F.ann, item: "highways-budget") == .mustDeclare)
        #expect(report.reasons(for: F.ann, item: "highways-budget").first?.explanation.contains("Highways") == true)
        #expect(report.outcome(for: F.ann, item: "parks") == .clear)
    }

    @Test func aRelationshipDeclaredByTheOfficerCountsForTheMemberToo() throws {
        let declaredByOfficer = F.relationship(F.highwaysOfficer, with: F.ann, .business)
        let report = try F.check(Self.restructure, [F.ann, F.bob], [declaredByOfficer])
        #expect(report.outcome(for: F.ann, item: "regrade") == .mustWithdraw)
        #expect(report.participant(F.bob)?.overall == .clear)
    }

    @Test(arguments: ["london-councils", "wigan", "leicestershire", "hackney"])
    func protocolsWithoutTheBarAskForADeclaration(profileID: String) throws {
        let friendship = F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship)
        let report = try F.check(Self.restructure, [F.ann], [friendship], profile: profileID)
        let reason = try #require(report.reasons(for: F.ann, item: "regrade").first)
        #expect(reason.outcome == .mustDeclare)
        #expect(reason.rules.first?.ruleId == "declarations.relatedOfficerDecisionBar")
        #expect(reason.rules.first?.citation == "Probity default (protocol silent)")
    }

    @Test func londonCouncilsAddsItsGuidanceOnInfluence() throws {
        let report = try F.check(Self.restructure, [F.ann], [F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship)],
                                 profile: "london-councils")
        #expect(report.reasons(for: F.ann, item: "regrade").first?.rules.map(\.citation).contains("London Councils protocol 9(a)") == true)
    }

    @Test func towerHamletsBarsASeatOnTheCommitteeForARelativesDepartment() throws {
        let spouse = F.relationship(F.bob, with: F.housingOfficer, .spouseOrCivilPartner)
        let meeting = F.meeting(F.housingCommittee, id: "housing-1", [F.item("a", [.topic("allocations")]), F.item("b", [.topic("voids")])])
        let report = try F.check(meeting, [F.bob, F.ann], [spouse])
        #expect(report.participant(F.bob)?.items.map(\.outcome) == [.mustWithdraw, .mustWithdraw])
        let reason = try #require(report.reasons(for: F.bob, item: "a").first)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 14.15"])
        #expect(reason.explanation.contains("Housing Committee"))
        #expect(report.participant(F.ann)?.overall == .clear)

        let membership = try F.check(Matter.committeeMembership(committee: F.housingCommittee, date: F.meetingDay), [F.bob], [spouse])
        #expect(membership.participant(F.bob)?.overall == .mustWithdraw)
        // A committee for another department is not barred.
        let planning = try F.check(F.meeting(F.planningCommittee, [F.item("a", [.topic("allocations")])]), [F.bob], [spouse])
        #expect(planning.participant(F.bob)?.overall == .clear)
    }

    @Test func aDirectorateLevelCommitteeCoversTheServicesWithinIt() throws {
        let people = DecisionBody(id: "people", name: "People Scrutiny", departments: [F.people])
        let sibling = F.relationship(F.housingOfficer, with: F.bob, .closeRelative)
        let report = try F.check(F.meeting(people, [F.item("a", [])]), [F.bob], [sibling])
        #expect(report.outcome(for: F.bob, item: "a") == .mustWithdraw)
    }

    @Test func aFriendshipDoesNotBarTheCommitteeSeatUnlessJudgedToJeopardiseWork() throws {
        let meeting = F.meeting(F.housingCommittee, [F.item("a", [.topic("allocations")])])
        let friendship = F.relationship(F.bob, with: F.housingOfficer, .closeFriendship)
        #expect(try F.check(meeting, [F.bob], [friendship]).outcome(for: F.bob, item: "a") == .clear)
        let jeopardising = F.declaration(F.bob, .closeRelationship(CloseRelationship(
            with: F.housingOfficer, nature: .closeFriendship, jeopardisesCouncilWork: true)), "")
        #expect(try F.check(meeting, [F.bob], [jeopardising]).outcome(for: F.bob, item: "a") == .mustWithdraw)
    }

    @Test(arguments: ["london-councils", "wigan", "leicestershire", "hackney"])
    func theDepartmentCommitteeBarIsTowerHamletsOnly(profileID: String) throws {
        let spouse = F.relationship(F.bob, with: F.housingOfficer, .spouseOrCivilPartner)
        let report = try F.check(F.meeting(F.housingCommittee, [F.item("a", [.topic("allocations")])]), [F.bob], [spouse], profile: profileID)
        #expect(report.outcome(for: F.bob, item: "a") == .clear)
    }

    @Test func anOfficerAdvisingOnAnItemAffectingARelatedMemberDeclares() throws {
        let relationship = F.relationship(F.highwaysHead, with: F.carol, .closeRelative)
        let item = F.item("application", [.person(F.carol), .land("3 Elm Street")])
        let report = try F.check(F.meeting([item]), [F.highwaysHead], [relationship])
        let reason = try #require(report.reasons(for: F.highwaysHead, item: "application").first)
        #expect(reason.outcome == .mustDeclare)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 4.17 and 4.18", "Tower Hamlets protocol 5.3"])
    }

    // MARK: - Recruitment (TH 14.2)

    static let panel = Matter.recruitmentPanel(processID: "HR-2026-14", post: "Head of Housing", date: F.meetingDay)

    static func link(_ determination: RecruitmentDetermination? = nil, process: String = "HR-2026-14") -> Declaration {
        F.declaration(F.bob, .recruitment(RecruitmentLink(candidateName: "Sam Baker", processID: process, post: "Head of Housing",
                                                          determination: determination)))
    }

    @Test func aPanellistRelatedToACandidateWithdrawsUntilTheHRDirectorDecides() throws {
        let report = try F.check(Self.panel, [F.bob, F.ann], [Self.link()])
        let item = try #require(Self.panel.items.first?.id)
        #expect(report.outcome(for: F.bob, item: item) == .mustWithdraw)
        let reason = try #require(report.reasons(for: F.bob, item: item).first)
        #expect(reason.rules.map(\.citation) == ["Tower Hamlets protocol 14.2"])
        #expect(reason.explanation.contains("until the HR director decides"))
        #expect(!reason.explanation.contains("Sam Baker"))
        #expect(report.participant(F.ann)?.overall == .clear)
    }

    @Test func theHRDirectorsDeterminationDecides() throws {
        let item = try #require(Self.panel.items.first?.id)
        let may = RecruitmentDetermination(mayContinue: true, decidedBy: F.hrDirector, decidedOn: CalendarDate(2026, 9, 1),
                                           note: "distant cousin, no contact")
        let continuing = try F.check(Self.panel, [F.bob], [Self.link(may)])
        #expect(continuing.outcome(for: F.bob, item: item) == .mustDeclare)
        #expect(continuing.reasons(for: F.bob, item: item).first?.explanation.contains("Tuesday 1 September 2026") == true)
        let mayNot = RecruitmentDetermination(mayContinue: false, decidedBy: F.hrDirector, decidedOn: CalendarDate(2026, 9, 1))
        #expect(try F.check(Self.panel, [F.bob], [Self.link(mayNot)]).outcome(for: F.bob, item: item) == .mustWithdraw)
    }

    @Test func aLinkIsEngagedByItsProcessOrItsPostAndNothingElse() throws {
        // A different process for the same post (say, re-advertised): the post still matches.
        let report = try F.check(Self.panel, [F.bob], [Self.link(process: "HR-2026-99")])
        #expect(report.participant(F.bob)?.overall == .mustWithdraw)
        let otherPost = F.declaration(F.bob, .recruitment(RecruitmentLink(candidateName: "Sam", processID: "HR-9", post: "Head of Parks")))
        #expect(try F.check(Self.panel, [F.bob], [otherPost]).participant(F.bob)?.overall == .clear)
    }

    @Test func silentProtocolsStillKeepARelatedPanellistOutUntilDecided() throws {
        let report = try F.check(Self.panel, [F.bob], [Self.link()], profile: "london-councils")
        let reason = try #require(report.participant(F.bob)?.items.first?.reasons.first)
        #expect(reason.outcome == .mustWithdraw)
        #expect(reason.rules.map(\.ruleId) == ["registers.default.recruitment"])
        #expect(reason.explanation.contains("the officer responsible for the appointment"))
    }

    @Test func anAppointmentItemOnACommitteeAgendaEngagesTheLink() throws {
        let meeting = F.meeting(F.cabinet, [F.item("appoint", [.recruitment("HR 2026 14")]), F.item("other", [.topic("parks")])])
        let report = try F.check(meeting, [F.bob], [Self.link()])
        #expect(report.outcome(for: F.bob, item: "appoint") == .mustWithdraw)
        #expect(report.outcome(for: F.bob, item: "other") == .clear)
    }
}
