import Foundation
import Testing
@testable import ProbityCore

@Suite("Register deadlines: 28 days and reminders")
struct RegisterDeadlineTests {
    typealias F = RegisterFixture

    @Test(arguments: RegisterFixture.profileIDs)
    func twentyEightDaysBeginWithTheDayOfTakingOffice(profileID: String) throws {
        let profile = try F.profile(profileID)
        let deadline = RegistrationDeadline(trigger: .tookOffice(CalendarDate(2026, 5, 7)), profile: profile)
        #expect(deadline.calendarDays == 28)
        #expect(deadline.lastDay == CalendarDate(2026, 6, 3))
        #expect(deadline.firstOverdueDay == CalendarDate(2026, 6, 4))
        #expect(deadline.rules.map(\.ruleId) == ["declarations.registrationPeriod", "statute.localism-act-2011.s30-1"])
        #expect(deadline.rules.last?.citation == "Localism Act 2011 s.30(1)")
        // Every built-in profile is silent on the period: Probity's documented default applies.
        #expect(deadline.rules.first?.citation == "Probity default (protocol silent)")
    }

    @Test func remindersFallFourteenAndSevenDaysBeforeAndOnTheFirstOverdueDay() throws {
        let deadline = RegistrationDeadline(trigger: .change(CalendarDate(2026, 5, 7)), profile: try F.profile("tower-hamlets"))
        #expect(deadline.reminders.map(\.date) == [CalendarDate(2026, 5, 20), CalendarDate(2026, 5, 27), CalendarDate(2026, 6, 4)])
        #expect(deadline.reminders.map(\.kind) == [.dueSoon(daysLeft: 14), .dueSoon(daysLeft: 7), .overdue])
        #expect(deadline.reminders[1].message == "Register this interest by Wednesday 3 June 2026: 7 days left.")
        #expect(deadline.reminders[2].message == "This interest was due to be registered by Wednesday 3 June 2026 and is overdue.")
        #expect(deadline.rules.map(\.ruleId) == ["declarations.registrationPeriod"])
    }

    @Test func aDisclosureAtAMeetingCitesSection31() throws {
        let deadline = RegistrationDeadline(trigger: .disclosedAtMeeting(CalendarDate(2026, 9, 15)), profile: try F.profile("london-councils"))
        #expect(deadline.lastDay == CalendarDate(2026, 10, 12))
        #expect(deadline.rules.map(\.citation) == ["Probity default (protocol silent)", "Localism Act 2011 s.31(2) and (3)"])
    }

    @Test func statusCountsDownThenOverdueThenRegistered() throws {
        let deadline = RegistrationDeadline(trigger: .tookOffice(CalendarDate(2026, 5, 7)), profile: try F.profile("wigan"))
        #expect(deadline.status(on: CalendarDate(2026, 5, 7)) == .due(daysLeft: 27))
        #expect(deadline.status(on: CalendarDate(2026, 6, 3)) == .due(daysLeft: 0))
        #expect(deadline.status(on: CalendarDate(2026, 6, 4)) == .overdue(days: 1))
        #expect(deadline.status(on: CalendarDate(2026, 6, 10), registeredOn: CalendarDate(2026, 6, 1)) == .registered(on: CalendarDate(2026, 6, 1)))
        #expect(deadline.status(on: CalendarDate(2026, 6, 10), registeredOn: CalendarDate(2026, 6, 5)) ==
                .registeredLate(on: CalendarDate(2026, 6, 5), daysLate: 2))
        // Registered later than the day asked about: still due on that day.
        #expect(deadline.status(on: CalendarDate(2026, 5, 20), registeredOn: CalendarDate(2026, 6, 1)) == .due(daysLeft: 14))
    }

    @Test func remindersStopOnceRegistered() throws {
        let deadline = RegistrationDeadline(trigger: .tookOffice(CalendarDate(2026, 5, 7)), profile: try F.profile("hackney"))
        #expect(deadline.reminder(on: CalendarDate(2026, 5, 20))?.kind == .dueSoon(daysLeft: 14))
        #expect(deadline.reminder(on: CalendarDate(2026, 5, 21)) == nil)
        #expect(deadline.reminder(on: CalendarDate(2026, 5, 27), registeredOn: CalendarDate(2026, 5, 22)) == nil)
        #expect(deadline.reminder(on: CalendarDate(2026, 6, 4))?.kind == .overdue)
    }

    @Test func theMemberIsRemindedAndTheMonitoringOfficerToldOnceOverdue() throws {
        let deadline = RegistrationDeadline(trigger: .tookOffice(CalendarDate(2026, 5, 7)), profile: try F.profile("tower-hamlets"))
        let soon = try #require(deadline.reminders.first)
        #expect(soon.recipients(declarant: F.ann, org: F.org) == [F.ann])
        let overdue = try #require(deadline.reminders.last)
        #expect(overdue.recipients(declarant: F.ann, org: F.org) == [F.ann, F.monitoringOfficer])
    }

    @Test func aShorterPeriodFromAnOverrideDropsRemindersBeforeTheTrigger() throws {
        var profile = try F.profile("tower-hamlets")
        profile.declarations.registrationPeriod.parameters = CalendarDaysPeriod(calendarDays: 10)
        let deadline = RegistrationDeadline(trigger: .change(CalendarDate(2026, 5, 7)), profile: profile)
        #expect(deadline.lastDay == CalendarDate(2026, 5, 16))
        #expect(deadline.reminders.map(\.date) == [CalendarDate(2026, 5, 9), CalendarDate(2026, 5, 17)])
    }
}
