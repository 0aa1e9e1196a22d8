import Foundation
import Testing
@testable import ProbityCore

@Suite("Private time: messages held until the next working morning")
struct PrivateTimeTests {
    let rule = Rule(id: "notifications.privateTime", statement: "Respect private time.",
                    source: .silent(reason: "default"), parameters: WorkingHours(start: "08:00", end: "18:00"))
    let calendar = WorkingCalendar(region: .englandAndWales)

    func london(_ text: String) -> Date {
        // "2026-12-24 19:30" in Europe/London.
        let parts = text.split(separator: " ")
        let date = CalendarDate(iso: String(parts[0]))!
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        return date.instant(hour: hm[0], minute: hm[1])
    }

    @Test func withinWorkingHoursGoesAtOnce() {
        let now = london("2026-12-01 10:15")
        #expect(PrivateTime.deliverAfter(now, urgent: false, rule: rule, calendar: calendar) == now)
        #expect(!PrivateTime.isOutOfHours(now, rule: rule, calendar: calendar))
    }

    @Test func earlyMorningWaitsForOpening() {
        #expect(PrivateTime.deliverAfter(london("2026-12-01 06:40"), urgent: false, rule: rule, calendar: calendar) == london("2026-12-01 08:00"))
    }

    @Test func eveningBeforeChristmasWaitsPastTheHolidays() {
        // Thu 24 Dec 2026 evening: 25 Christmas, 26–27 weekend, 28 Boxing Day substitute → Tue 29 Dec.
        #expect(PrivateTime.deliverAfter(london("2026-12-24 19:30"), urgent: false, rule: rule, calendar: calendar) == london("2026-12-29 08:00"))
        #expect(PrivateTime.isOutOfHours(london("2026-12-24 19:30"), rule: rule, calendar: calendar))
    }

    @Test func weekendWaitsForMonday() {
        #expect(PrivateTime.deliverAfter(london("2026-11-28 11:00"), urgent: false, rule: rule, calendar: calendar) == london("2026-11-30 08:00"))
    }

    @Test func urgentMessagesAndRulesNotInForceGoAtOnce() {
        let now = london("2026-11-28 23:00")
        #expect(PrivateTime.deliverAfter(now, urgent: true, rule: rule, calendar: calendar) == now)
        var off = rule
        off.inForce = false
        #expect(PrivateTime.deliverAfter(now, urgent: false, rule: off, calendar: calendar) == now)
    }

    @Test func britishSummerTimeIsLondonTime() {
        // 07:30 UTC on 1 July is 08:30 BST: within hours.
        let now = CalendarDate(iso: "2026-07-01")!.instant(hour: 7, minute: 30, in: TimeZone(identifier: "UTC")!)
        #expect(PrivateTime.deliverAfter(now, urgent: false, rule: rule, calendar: calendar) == now)
    }
}
