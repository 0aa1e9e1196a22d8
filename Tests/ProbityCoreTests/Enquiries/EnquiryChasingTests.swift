import Foundation
import Testing
@testable import ProbityCore

@Suite("Chasing and escalating overdue enquiries")
struct EnquiryChasingTests {
    typealias F = EnquiryFixture
    /// Received Mon 2 Nov 2026: due Mon 16 Nov 2026 under every built-in profile.
    static let received = CalendarDate(2026, 11, 2)
    static let due = CalendarDate(2026, 11, 16)

    func due(_ profileID: String, on today: CalendarDate, sent: Set<Int> = [], status: EnquiryStatus = .acknowledged,
             respondBy: CalendarDate = due) throws -> [EnquiryChaseStep] {
        EnquiryChasing.due(today: today, respondBy: respondBy, status: status, stepsAlreadySent: sent,
                           profile: try F.profile(profileID), calendar: F.calendar)
    }

    @Test func theDueDateIsRight() throws {
        let deadlines = EnquiryDeadlines.compute(receivedOn: Self.received, profile: try F.profile("wigan"), calendar: F.calendar)
        #expect(deadlines.respondBy == Self.due)
    }

    @Test func nothingIsChasedUpToAndIncludingTheDueDate() throws {
        #expect(try due("wigan", on: CalendarDate(2026, 11, 10)).isEmpty)
        #expect(try due("wigan", on: Self.due).isEmpty)
    }

    @Test func theFirstStepFiresOnTheFirstWorkingDayOverdue() throws {
        let steps = try due("wigan", on: CalendarDate(2026, 11, 17))
        #expect(steps.map(\.index) == [0])
        let step = try #require(steps.first)
        #expect(step.workingDaysOverdue == 1)
        #expect(step.notify == [Recipient(.self_, of: .officer), Recipient(.headOfService, of: .service)])
        #expect(!step.isEscalation)
        #expect(step.summary == "This enquiry was due on Mon 16 Nov 2026 and is 1 working day overdue.")
        #expect(step.rule.citation == "Probity default (protocol silent)")
    }

    @Test func theEscalationStepFiresFiveWorkingDaysLater() throws {
        // 17, 18, 19, 20, 23 Nov are overdue days 1-5; Tue 24 Nov is the 6th.
        #expect(try due("wigan", on: CalendarDate(2026, 11, 23), sent: [0]).isEmpty)
        let steps = try due("wigan", on: CalendarDate(2026, 11, 24), sent: [0])
        #expect(steps.map(\.index) == [1])
        #expect(steps.first?.isEscalation == true)
        #expect(steps.first?.notify == [Recipient(.director, of: .service)])
        #expect(steps.first?.workingDaysOverdue == 6)
    }

    @Test func stepsAlreadySentAreNeverSentAgain() throws {
        #expect(try due("wigan", on: CalendarDate(2026, 11, 18), sent: [0]).isEmpty)
        #expect(try due("wigan", on: CalendarDate(2026, 12, 1), sent: [0, 1]).isEmpty)
    }

    @Test func missedStepsAreAllReturnedInLadderOrder() throws {
        #expect(try due("wigan", on: CalendarDate(2026, 12, 1)).map(\.index) == [0, 1])
    }

    @Test func aWeekendStraightAfterTheDueDateIsNotOverdue() throws {
        // Due Fri 20 Nov 2026.
        let friday = CalendarDate(2026, 11, 20)
        #expect(try due("tower-hamlets", on: CalendarDate(2026, 11, 21), respondBy: friday).isEmpty)
        #expect(try due("tower-hamlets", on: CalendarDate(2026, 11, 22), respondBy: friday).isEmpty)
        #expect(try due("tower-hamlets", on: CalendarDate(2026, 11, 23), respondBy: friday).map(\.index) == [0])
    }

    @Test func bankHolidaysAfterTheDueDateAreNotOverdue() throws {
        // Due Thu 24 Dec 2026; Christmas Day and the Boxing Day substitute follow the weekend.
        let christmasEve = CalendarDate(2026, 12, 24)
        for day in [25, 26, 27, 28] {
            #expect(try due("tower-hamlets", on: CalendarDate(2026, 12, day), respondBy: christmasEve).isEmpty, "\(day) Dec")
        }
        #expect(try due("tower-hamlets", on: CalendarDate(2026, 12, 29), respondBy: christmasEve).map(\.index) == [0])
    }

    @Test func towerHamletsChasesTheServiceHeadOnly() throws {
        let steps = try due("tower-hamlets", on: CalendarDate(2026, 12, 31))
        #expect(steps.count == 1)
        #expect(steps.first?.notify == [Recipient(.headOfService, of: .service)])
        #expect(steps.first?.rule.citation == "Tower Hamlets protocol 13.4 and 13.5")
    }

    @Test func answeredOrClosedEnquiriesAreNotChased() throws {
        for status in [EnquiryStatus.responded, .closed] {
            #expect(try due("wigan", on: CalendarDate(2026, 12, 1), status: status).isEmpty)
        }
        for status in [EnquiryStatus.received, .acknowledged, .reopened] {
            #expect(try !due("wigan", on: CalendarDate(2026, 12, 1), status: status).isEmpty)
        }
    }

    @Test func aLadderNotInForceChasesNobody() throws {
        var profile = try F.profile("wigan")
        profile.enquiries.chasing.inForce = false
        #expect(EnquiryChasing.due(today: CalendarDate(2026, 12, 1), respondBy: Self.due, status: .received,
                                   stepsAlreadySent: [], profile: profile, calendar: F.calendar).isEmpty)
    }

    @Test func recipientsResolveAgainstTheEnquirysParties() throws {
        let state = F.state(receivedOn: Self.received)
        let steps = EnquiryChasing.due(for: state, today: CalendarDate(2026, 12, 1), profile: try F.profile("wigan"), calendar: F.calendar)
        #expect(steps.count == 2)
        #expect(steps[0].recipients(in: F.org, parties: state.parties) == [.officer(F.highwaysOfficer), .officer(F.headOfHighways)])
        #expect(steps[1].recipients(in: F.org, parties: state.parties) == [.officer(F.directorPlace)])
        let gaps = steps[0].resolved(in: F.org, parties: CaseParties([.service: .service(F.libraries)]))
        #expect(gaps.allSatisfy { $0.people.isEmpty && $0.unresolved != nil })
    }

    /// The scheduler's loop: whatever is due is sent and recorded; running again sends nothing.
    @Test func runningTheSchedulerTwiceSendsNothingTwice() throws {
        let profile = try F.profile("wigan")
        var state = F.state(receivedOn: Self.received)
        let today = CalendarDate(2026, 12, 1)
        for step in EnquiryChasing.due(for: state, today: today, profile: profile, calendar: F.calendar) {
            try state.apply(.chase(step: step.index), at: F.noon(today), profile: profile, org: F.org)
        }
        #expect(state.chaseStepsSent == [0, 1])
        #expect(EnquiryChasing.due(for: state, today: today, profile: profile, calendar: F.calendar).isEmpty)
        #expect(EnquiryChasing.due(for: state, today: CalendarDate(2026, 12, 15), profile: profile, calendar: F.calendar).isEmpty)
    }

    /// After reopening, the response period and the ladder start again from the reopening.
    @Test func aReopenedEnquiryIsChasedAgainFromItsNewDueDate() throws {
        let profile = try F.profile("wigan")
        var state = F.state(receivedOn: Self.received)
        try state.apply(.chase(step: 0), at: F.noon(CalendarDate(2026, 11, 17)), profile: profile, org: F.org)
        try state.apply(.respond(route: .toMember, confidential: false, byOfficerID: nil), at: F.noon(CalendarDate(2026, 11, 18)), profile: profile, org: F.org)
        try state.apply(.reopen(reason: "Still broken"), at: F.noon(CalendarDate(2026, 11, 19)), profile: profile, org: F.org)
        // Reopened Thu 19 Nov: due Thu 3 Dec.
        #expect(EnquiryChasing.due(for: state, today: CalendarDate(2026, 12, 3), profile: profile, calendar: F.calendar).isEmpty)
        #expect(EnquiryChasing.due(for: state, today: CalendarDate(2026, 12, 4), profile: profile, calendar: F.calendar).map(\.index) == [0])
    }

    // MARK: Delay notices (Wigan 6.2)

    @Test func wiganOfficersArePromptedToTellTheMemberOfADelay() throws {
        let profile = try F.profile("wigan")
        let state = F.state(receivedOn: Self.received)
        #expect(EnquiryChasing.delayNoticeOwed(for: state, today: CalendarDate(2026, 11, 12), profile: profile, calendar: F.calendar) == nil)
        let owed = EnquiryChasing.delayNoticeOwed(for: state, today: CalendarDate(2026, 11, 13), profile: profile, calendar: F.calendar)
        #expect(owed?.citation == "Wigan protocol 6.2")
        #expect(owed?.ruleId == "enquiries.delayNotice")

        var told = state
        try told.apply(.notifyDelay(explanation: "Awaiting a structural survey"), at: F.noon(CalendarDate(2026, 11, 13)), profile: profile, org: F.org)
        #expect(EnquiryChasing.delayNoticeOwed(for: told, today: CalendarDate(2026, 11, 20), profile: profile, calendar: F.calendar) == nil)
    }

    @Test func profilesWithoutTheDelayRuleDoNotPrompt() throws {
        let state = F.state(receivedOn: Self.received)
        #expect(EnquiryChasing.delayNoticeOwed(for: state, today: CalendarDate(2026, 11, 20), profile: try F.profile("tower-hamlets"), calendar: F.calendar) == nil)
    }
}
