import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint acknowledgement deadlines and chasing")
struct ComplaintDeadlineTests {
    typealias F = ComplaintFixture

    @Test func londonCouncilsGivesFiveWorkingDaysAndSaysWhere() throws {
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: ymd("2026-11-27"), profile: try F.profile("london-councils"), calendar: F.calendar)
        #expect(deadline.dueOn == ymd("2026-12-04"))
        #expect(deadline.display == "Acknowledge by Fri 4 Dec 2026 — 5 working days (London Councils protocol 13 (Formal complaint by a Member about an officer))")
        #expect(deadline.rule.ruleId == "complaints.acknowledgementDeadline")
    }

    @Test func aSilentProfileSaysTheDefaultIsProbitys() throws {
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: ymd("2026-11-27"), profile: try F.profile("tower-hamlets"), calendar: F.calendar)
        #expect(deadline.display == "Acknowledge by Fri 4 Dec 2026 — 5 working days (Probity default (protocol silent))")
    }

    @Test(arguments: [
        // Christmas 2026: 25 Dec (Fri), Boxing Day substitute Mon 28 Dec, New Year's Day Fri 1 Jan.
        ("2026-12-23", "2027-01-04"),
        // Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
        ("2027-03-25", "2027-04-05"),
        // Early May bank holiday Mon 4 May 2026.
        ("2026-05-01", "2026-05-11"),
        // Received on a Saturday: counting starts on the Monday.
        ("2026-11-28", "2026-12-04"),
    ])
    func deadlinesSkipBankHolidaysAndWeekends(received: String, due: String) throws {
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: ymd(received), profile: try F.profile("london-councils"), calendar: F.calendar)
        #expect(deadline.dueOn == ymd(due))
    }

    @Test func anInstantCountsFromItsLondonDate() throws {
        // 23:30 UTC on Thu 30 April 2026 is 00:30 BST on Fri 1 May.
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedAt: utcInstant("2026-04-30T23:30:00Z"), profile: try F.profile("london-councils"), calendar: F.calendar)
        #expect(deadline.receivedOn == ymd("2026-05-01"))
        #expect(deadline.dueOn == ymd("2026-05-11"))
    }

    @Test func councilClosuresCount() throws {
        let calendar = WorkingCalendar(region: .englandAndWales, closures: [ymd("2026-12-02"): "Training day"])
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: ymd("2026-11-27"), profile: try F.profile("london-councils"), calendar: calendar)
        #expect(deadline.dueOn == ymd("2026-12-07"))
    }

    // MARK: Acknowledgement content

    @Test func anAcknowledgementMustStateReceiptActionAndTime() {
        let complete = ComplaintAcknowledgement(receipt: "Received 27 November.", intendedAction: "I will investigate.", expectedTime: "About four weeks.")
        #expect(complete.missingParts.isEmpty)
        #expect(throws: Never.self) { try complete.validate() }

        let partial = ComplaintAcknowledgement(receipt: "Received.", intendedAction: "  \n", expectedTime: "")
        #expect(partial.missingParts == [.intendedAction, .expectedTime])
        #expect(throws: ComplaintTransitionError.incompleteAcknowledgement(missing: [.intendedAction, .expectedTime])) {
            try partial.validate()
        }
        #expect(ComplaintTransitionError.incompleteAcknowledgement(missing: [.intendedAction, .expectedTime]).message
                == "The acknowledgement must say what action will be taken and roughly how long it will take: the protocol requires the written reply to state receipt, the intended action and roughly how long it will take.")
    }

    // MARK: Chasing

    static func openCase(_ profileID: String) throws -> ComplaintCase {
        try ComplaintIntake.open(
            id: F.id(900), kind: .complaint, category: .conduct, complainant: F.memberB, subject: F.highwaysOfficer,
            receivedOn: ymd("2026-11-27"), profile: try F.profile(profileID), org: F.org, calendar: F.calendar).complaint
    }

    @Test func anOverdueAcknowledgementIsChasedOnceOnTheFirstWorkingDayOverdue() throws {
        let profile = try F.profile("london-councils")
        let complaint = try Self.openCase("london-councils")
        #expect(complaint.acknowledgeBy == ymd("2026-12-04"))
        func chase(_ today: String, sent: Set<String> = []) -> ComplaintAcknowledgementChase? {
            ComplaintChasing.acknowledgementChase(for: complaint, today: ymd(today), calendar: F.calendar, profile: profile, org: F.org, alreadySent: sent)
        }
        #expect(chase("2026-12-04") == nil, "the deadline day is not overdue")
        #expect(chase("2026-12-05") == nil, "nor the weekend after it")
        let first = try #require(chase("2026-12-07"))
        #expect(first.workingDaysOverdue == 1)
        #expect(first.notify == [F.placeDirector, F.complaintsOfficer], "the handler and the officer monitoring complaints")
        #expect(first.stepKey == "complaints.acknowledgement-overdue:00000000-0000-0000-0000-000000000900:2026-12-04")
        #expect(first.message.hasPrefix("The written acknowledgement of this complaint was due by Fri 4 Dec 2026 and is 1 working day overdue."))
        #expect(first.rules.map(\.ruleId) == ["complaints.acknowledgementDeadline", "complaints.monitoring"])
        #expect(chase("2026-12-08", sent: [first.stepKey]) == nil, "idempotent: one chase per deadline")
        #expect(chase("2026-12-08")?.stepKey == first.stepKey, "the key is stable from day to day")
    }

    @Test func anAcknowledgedComplaintIsNotChased() throws {
        var complaint = try Self.openCase("london-councils")
        try complaint.acknowledge(ComplaintAcknowledgement(receipt: "r", intendedAction: "a", expectedTime: "t"), on: ymd("2026-12-07"))
        #expect(ComplaintChasing.acknowledgementChase(for: complaint, today: ymd("2026-12-09"), calendar: F.calendar,
                                                      profile: try F.profile("london-councils"), org: F.org) == nil)
    }

    @Test func withoutAMonitoringOfficerOnlyTheHandlerIsChased() throws {
        let complaint = try Self.openCase("wigan")
        let chase = try #require(ComplaintChasing.acknowledgementChase(
            for: complaint, today: ymd("2026-12-07"), calendar: F.calendar, profile: try F.profile("wigan"), org: F.org))
        #expect(chase.notify == [F.highwaysHead])
    }
}
