import Foundation
import Testing
@testable import ProbityCore

@Suite("Conflict check: interests")
struct ConflictCheckInterestTests {
    typealias F = RegisterFixture

    static let planningItems = [
        F.item("1", [.land("1 Oak Road"), .ward(F.northWard)]),            // Ann's home
        F.item("2", [.body("ACME WIDGETS LIMITED")]),                      // Ann's employer
        F.item("3", [.ward(F.northWard), .topic("Parking")]),              // Ann's ward, not her land
        F.item("4", [.body("Northside Food Bank")]),                      // Ann's charity
        F.item("5", [.topic("street lighting"), .ward(F.southWard)]),      // nothing of Ann's
    ]

    static let annsInterests: [Declaration] = [
        F.dpi(F.ann, .land, "Home", tags: [.land("1 Oak Road"), .ward(F.northWard)]),
        F.dpi(F.ann, .employment, "Engineer, Acme Widgets Ltd", tags: [.body("The Acme Widgets Ltd.")]),
        F.declaration(F.ann, .otherRegisterable(.charitable), "Trustee", tags: [.body("Northside Food Bank")]),
    ]

    @Test func aDisclosablePecuniaryInterestTouchedDirectlyMeansWithdrawal() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.ann, F.bob], Self.annsInterests)
        #expect(report.outcome(for: F.ann, item: "1") == .mustWithdraw)
        #expect(report.outcome(for: F.ann, item: "2") == .mustWithdraw)
        let reason = try #require(report.reasons(for: F.ann, item: "1").first)
        #expect(reason.declarationID == Self.annsInterests[0].id)
        #expect(reason.declarationLabel == "Disclosable pecuniary interest (Land)")
        #expect(reason.rules.first?.citation == "Localism Act 2011 s.31(4) and (10)")
        #expect(reason.rules.map(\.citation).contains("Tower Hamlets protocol 3.23, 3.24 and 3.25"))
        #expect(reason.explanation.contains("land at 1 Oak Road"))
        #expect(reason.dispensable)
        #expect(report.participant(F.bob)?.overall == .clear)
    }

    @Test func anInterestOnlyInTheItemsWardMeansDeclaringAndAskingTheMonitoringOfficer() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.ann], Self.annsInterests)
        #expect(report.outcome(for: F.ann, item: "3") == .mustDeclare)
        let reason = try #require(report.reasons(for: F.ann, item: "3").first)
        #expect(reason.rules.first?.ruleId == "registers.default.area-interest")
        #expect(reason.explanation.contains("ask the Monitoring Officer"))
        // Item 1 touches both her land and her ward: one reason, the direct one.
        #expect(report.reasons(for: F.ann, item: "1").count == 1)
        #expect(report.outcome(for: F.ann, item: "5") == .clear)
    }

    @Test func anotherRegisterableInterestMeansDeclaringUnlessJudgedSignificant() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.ann], Self.annsInterests)
        #expect(report.outcome(for: F.ann, item: "4") == .mustDeclare)
        let reason = try #require(report.reasons(for: F.ann, item: "4").first)
        #expect(reason.rules.first?.citation == "Tower Hamlets protocol 3.26 and 3.27")

        var significant = Self.annsInterests[2]
        significant.judgedSignificant = true
        let strict = try F.check(F.meeting(Self.planningItems), [F.ann], [significant])
        #expect(strict.outcome(for: F.ann, item: "4") == .mustWithdraw)
        #expect(strict.reasons(for: F.ann, item: "4").first?.explanation.contains("reasonable member of the public") == true)
    }

    @Test func protocolsSilentOnOtherInterestsCiteProbitysDefault() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.ann], Self.annsInterests, profile: "wigan")
        let reason = try #require(report.reasons(for: F.ann, item: "4").first)
        #expect(reason.outcome == .mustDeclare)
        #expect(reason.rules.map(\.citation) == ["Probity default (protocol silent)"])
        // London Councils adds its own paragraph on declaring interests (9(b)).
        let lc = try F.check(F.meeting(Self.planningItems), [F.ann], Self.annsInterests, profile: "london-councils")
        #expect(lc.reasons(for: F.ann, item: "1").first?.rules.map(\.citation) ==
                ["Localism Act 2011 s.31(4) and (10)", "London Councils protocol 9(b)"])
    }

    @Test func aSpouseOrPartnersInterestCountsAsTheMembers() throws {
        let spouse = F.dpi(F.bob, .employment, "Spouse: director", holder: .spouseOrPartner,
                           tags: [.body("Acme Widgets")], relatedPersonName: "Pat Baker")
        let report = try F.check(F.meeting(Self.planningItems), [F.bob], [spouse])
        #expect(report.outcome(for: F.bob, item: "2") == .mustWithdraw)
        let reason = try #require(report.reasons(for: F.bob, item: "2").first)
        #expect(reason.rules.map(\.citation).contains("Localism Act 2011 s.30(3)"))
        #expect(reason.explanation.contains("Your spouse's or partner's interest counts as yours."))
        #expect(!reason.explanation.contains("Pat Baker"))
    }

    @Test func aSensitiveInterestIsDisclosedOnlyAsAnInterest() throws {
        let sensitive = F.dpi(F.carol, .land, "Refuge at 9 Hidden Lane", tags: [.land("9 Hidden Lane")], sensitivity: .agreed)
        let report = try F.check(F.meeting([F.item("9", [.land("9 hidden lane")])]), [F.carol], [sensitive])
        let reason = try #require(report.reasons(for: F.carol, item: "9").first)
        #expect(reason.outcome == .mustWithdraw)
        #expect(reason.sensitive)
        #expect(reason.rules.map(\.ruleId).contains("statute.localism-act-2011.s32"))
        #expect(reason.explanation.contains("say only that you have an interest"))
        #expect(!reason.explanation.contains("Refuge"))
    }

    @Test func aNonRegisterableInterestCountsOnlyAtItsMeeting() throws {
        let child = F.declaration(F.bob, .nonRegisterable(meetingID: "meeting-1", itemIDs: []), "Child at the school",
                                  tags: [.body("Southside Primary School")])
        let named = F.declaration(F.bob, .nonRegisterable(meetingID: "meeting-1", itemIDs: ["7"]), "Neighbour is the applicant")
        let items = [F.item("6", [.body("Southside Primary School"), .topic("school closures")]), F.item("7", [.topic("planning application")])]
        let report = try F.check(F.meeting(id: "meeting-1", items), [F.bob], [child, named])
        #expect(report.outcome(for: F.bob, item: "6") == .mustDeclare)
        #expect(report.outcome(for: F.bob, item: "7") == .mustDeclare)
        #expect(report.reasons(for: F.bob, item: "7").first?.explanation.contains("this item") == true)
        let other = try F.check(F.meeting(id: "meeting-2", items), [F.bob], [child, named])
        #expect(other.participant(F.bob)?.overall == .clear)
    }

    @Test func ceasedAndFutureEntriesAreIgnored() throws {
        let ceased = F.declaration(F.ann, .disclosablePecuniary(.land, holder: .member), "Sold", tags: [.land("1 Oak Road")],
                                   registeredOn: CalendarDate(2025, 1, 1), ceasedOn: CalendarDate(2026, 9, 1))
        let future = F.declaration(F.ann, .disclosablePecuniary(.land, holder: .member), "Buying", tags: [.land("1 Oak Road")],
                                   registeredOn: CalendarDate(2026, 10, 1))
        let report = try F.check(F.meeting(Self.planningItems), [F.ann], [ceased, future])
        #expect(report.outcome(for: F.ann, item: "1") == .clear)
    }

    @Test func anOfficersInterestCitesTheOfficersParagraphs() throws {
        let interest = F.declaration(F.highwaysHead, .otherRegisterable(.other), "Brother-in-law owns Acme", tags: [.body("Acme Widgets")])
        let report = try F.check(F.meeting(Self.planningItems), [F.highwaysHead], [interest])
        let reason = try #require(report.reasons(for: F.highwaysHead, item: "2").first)
        #expect(reason.outcome == .mustDeclare)
        #expect(reason.rules.first?.citation == "Tower Hamlets protocol 4.17 and 4.18")
    }

    @Test func everyParticipantAndItemIsInTheReportInOrder() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.ann, F.bob, F.carol], Self.annsInterests)
        #expect(report.participants.map(\.participant.person) == [F.ann, F.bob, F.carol])
        #expect(report.participants.allSatisfy { $0.items.map(\.itemID) == ["1", "2", "3", "4", "5"] })
        #expect(report.participant(F.ann)?.overall == .mustWithdraw)
        #expect(report.affected(item: "1").map(\.person) == [F.ann])
        #expect(report.matterID == "meeting-1")
    }

    @Test func anotherMembersDeclarationsNeverCountAgainstYou() throws {
        let report = try F.check(F.meeting(Self.planningItems), [F.bob], Self.annsInterests)
        #expect(report.participant(F.bob)?.overall == .clear)
    }

    @Test func theExplanationNamesEverythingTheInterestAndItemShareInAFixedOrder() throws {
        let interest = F.dpi(F.ann, .contracts, "Cleaning contract", tags: [.body("Acme Cleaning"), .land("2 Depot Road")])
        let item = F.item("depot", [.ward(F.southWard), .body("ACME CLEANING LTD"), .land("2 Depot Road")])
        let report = try F.check(F.meeting([item]), [F.ann], [interest])
        #expect(report.reasons(for: F.ann, item: "depot").first?.explanation.hasPrefix(
            "This item touches land at 2 Depot Road and the body ACME CLEANING LTD, in which you have a disclosable pecuniary interest (contracts).") == true)
    }

    @Test func anOfficerTakingADelegatedDecisionWithASignificantInterestPassesItOn() throws {
        let decision = Matter.delegatedDecision(id: "DD-2026-31", title: "Award of the road-markings contract", date: F.meetingDay,
                                                tags: [.body("Lines & Signs Ltd"), .department(F.highways)])
        let interest = F.declaration(F.highwaysHead, .otherRegisterable(.other), "Brother is a director of Lines and Signs",
                                     tags: [.body("Lines and Signs")])
        let declared = try F.check(decision, [F.highwaysHead], [interest])
        #expect(declared.outcome(for: F.highwaysHead, item: "DD-2026-31") == .mustDeclare)
        var significant = interest
        significant.judgedSignificant = true
        let withdrawn = try F.check(decision, [F.highwaysHead], [significant])
        #expect(withdrawn.outcome(for: F.highwaysHead, item: "DD-2026-31") == .mustWithdraw)
        #expect(withdrawn.reasons(for: F.highwaysHead, item: "DD-2026-31").first?.rules.first?.citation == "Tower Hamlets protocol 4.17 and 4.18")
    }
}
