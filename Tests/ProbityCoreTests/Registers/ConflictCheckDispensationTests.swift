import Foundation
import Testing
@testable import ProbityCore

@Suite("Conflict check: dispensations")
struct ConflictCheckDispensationTests {
    typealias F = RegisterFixture

    static let home = F.dpi(F.ann, .land, "Home", tags: [.land("1 Oak Road")])
    static let meeting = F.meeting(F.planningCommittee, id: "planning-9", [
        F.item("1", [.land("1 Oak Road"), .topic("conservation area")]),
        F.item("2", [.land("1 Oak Road")]),
        F.item("tax", [.councilTaxSetting]),
    ])

    static func dispensation(
        _ scope: Dispensation.Scope = .anyBusiness, terms: Dispensation.Terms = .discussion, grantee: Dispensation.Grantee = .member(RegisterFixture.ann.id),
        by grantor: PersonRef = RegisterFixture.monitoringOfficer, from: CalendarDate = CalendarDate(2026, 6, 1),
        to: CalendarDate = CalendarDate(2027, 5, 31)
    ) -> Dispensation {
        Dispensation(id: UUID(), grantee: grantee, scope: scope, terms: terms, ground: .inhabitantsInterests, grantedBy: grantor,
                     grantedOn: from, expiresOn: to, reasons: "Conservation area covers most of the ward")
    }

    @Test func aDiscussionDispensationLetsTheMemberSpeakButNotVote() throws {
        let granted = Self.dispensation()
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [granted])
        let reason = try #require(report.reasons(for: F.ann, item: "1").first)
        #expect(reason.outcome == .maySpeakNotVote)
        #expect(reason.ruleOutcome == .mustWithdraw)
        #expect(reason.dispensationID == granted.id)
        #expect(reason.rules.map(\.citation).contains("Localism Act 2011 s.33"))
        #expect(reason.explanation.contains("take part in the discussion but not vote until Monday 31 May 2027"))
    }

    @Test func aDiscussionAndVoteDispensationStillRequiresADeclaration() throws {
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [Self.dispensation(terms: .discussionAndVote)])
        #expect(report.outcome(for: F.ann, item: "1") == .mustDeclare)
    }

    @Test func theMostGenerousDispensationInEffectApplies() throws {
        let narrow = Self.dispensation(terms: .discussion)
        let wide = Self.dispensation(.declaration(Self.home.id), terms: .discussionAndVote)
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [narrow, wide])
        #expect(report.reasons(for: F.ann, item: "1").first?.dispensationID == wide.id)
    }

    @Test func anExpiredDispensationIsIgnoredAndSaysSo() throws {
        let expired = Self.dispensation(from: CalendarDate(2025, 6, 1), to: CalendarDate(2026, 9, 14))
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [expired])
        let reason = try #require(report.reasons(for: F.ann, item: "1").first)
        #expect(reason.outcome == .mustWithdraw)
        #expect(reason.dispensationID == nil)
        #expect(reason.notes == ["A dispensation granted on Sunday 1 June 2025 expired on Monday 14 September 2026, so it does not apply."])
        // Its last day is still in effect.
        let lastDay = Self.dispensation(from: CalendarDate(2025, 6, 1), to: CalendarDate(2026, 9, 15))
        #expect(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [lastDay]).outcome(for: F.ann, item: "1") == .maySpeakNotVote)
    }

    @Test func aDispensationNotYetInEffectIsIgnored() throws {
        let future = Self.dispensation(from: CalendarDate(2026, 10, 1), to: CalendarDate(2027, 9, 30))
        let reason = try #require(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [future]).reasons(for: F.ann, item: "1").first)
        #expect(reason.outcome == .mustWithdraw)
        #expect(reason.notes.first?.contains("only from Thursday 1 October 2026") == true)
    }

    @Test func aDispensationNotRecordedByTheMonitoringOfficerIsIgnored() throws {
        let byDirector = Self.dispensation(by: F.placeDirector)
        let reason = try #require(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [byDirector]).reasons(for: F.ann, item: "1").first)
        #expect(reason.outcome == .mustWithdraw)
        #expect(reason.notes.first?.contains("not recorded by the Monitoring Officer") == true)
        #expect(byDirector.issues(org: F.org).map(\.field) == ["grantedBy"])
    }

    @Test func anItemDispensationCoversOnlyThatItemOfThatMatter() throws {
        let itemOnly = Self.dispensation(.item(matterID: "planning-9", itemID: "1"))
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [itemOnly])
        #expect(report.outcome(for: F.ann, item: "1") == .maySpeakNotVote)
        #expect(report.outcome(for: F.ann, item: "2") == .mustWithdraw)
        let otherMeeting = Self.dispensation(.item(matterID: "planning-8", itemID: "1"))
        #expect(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [otherMeeting]).outcome(for: F.ann, item: "1") == .mustWithdraw)
    }

    @Test func aTopicDispensationCoversItemsWithThatTag() throws {
        let topic = Self.dispensation(.tag(.topic("Conservation Area")))
        let report = try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [topic])
        #expect(report.outcome(for: F.ann, item: "1") == .maySpeakNotVote)
        #expect(report.outcome(for: F.ann, item: "2") == .mustWithdraw)
    }

    @Test func aDispensationForAnotherMemberOrDeclarationDoesNotApply() throws {
        let forBob = Self.dispensation(grantee: .member(F.bob.id))
        #expect(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [forBob]).outcome(for: F.ann, item: "1") == .mustWithdraw)
        let otherDeclaration = Self.dispensation(.declaration(UUID()))
        #expect(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [otherDeclaration]).outcome(for: F.ann, item: "1") == .mustWithdraw)
        let everyone = Self.dispensation(grantee: .allMembers)
        #expect(try F.check(Self.meeting, [F.ann], [Self.home], dispensations: [everyone]).outcome(for: F.ann, item: "1") == .maySpeakNotVote)
    }

    @Test func noDispensationLiftsTheCouncilTaxBar() throws {
        let arrears = F.restriction(F.ann, .councilTaxArrears(months: 6))
        let everything = Self.dispensation(terms: .discussionAndVote, grantee: .allMembers)
        let reason = try #require(try F.check(Self.meeting, [F.ann], [arrears], dispensations: [everything]).reasons(for: F.ann, item: "tax").first)
        #expect(reason.outcome == .maySpeakNotVote)
        #expect(reason.notes == ["A dispensation is recorded, but no dispensation lifts this bar."])
    }

    @Test func noDispensationLiftsTheRelatedOfficerBar() throws {
        let relationship = F.relationship(F.ann, with: F.highwaysOfficer, .partner)
        let item = F.meeting([F.item("regrade", [.person(F.highwaysOfficer)])])
        let report = try F.check(item, [F.ann], [relationship], dispensations: [Self.dispensation(terms: .discussionAndVote)])
        #expect(report.outcome(for: F.ann, item: "regrade") == .mustWithdraw)
    }

    @Test func aDispensationNeverMakesThingsWorse() throws {
        let charity = F.declaration(F.ann, .otherRegisterable(.charitable), "Trustee", tags: [.land("1 Oak Road")])
        let report = try F.check(Self.meeting, [F.ann], [charity], dispensations: [Self.dispensation(terms: .discussion)])
        #expect(report.outcome(for: F.ann, item: "1") == .mustDeclare)
        #expect(report.reasons(for: F.ann, item: "1").first?.dispensationID == nil)
    }

    @Test func dispensationsLastAtMostFourYears() throws {
        let fourYears = Self.dispensation(from: CalendarDate(2026, 6, 1), to: CalendarDate(2030, 5, 31))
        #expect(fourYears.issues(org: F.org).isEmpty)
        let tooLong = Self.dispensation(from: CalendarDate(2026, 6, 1), to: CalendarDate(2030, 6, 1))
        #expect(tooLong.issues(org: F.org).map(\.message) == ["A dispensation may have effect for at most four years (Localism Act 2011 s.33(3))."])
        let backwards = Self.dispensation(from: CalendarDate(2026, 6, 1), to: CalendarDate(2026, 5, 1))
        #expect(backwards.issues(org: F.org).map(\.field) == ["expiresOn"])
        let leap = Self.dispensation(from: CalendarDate(2028, 2, 29), to: CalendarDate(2032, 2, 28))
        #expect(leap.issues(org: F.org).isEmpty)
    }
}
