import Foundation
import Testing
@testable import ProbityCore

@Suite("Enquiry deadlines on the working calendar")
struct EnquiryDeadlinesTests {
    typealias F = EnquiryFixture

    /// Received on Christmas Eve 2026: Christmas Day (Fri), Boxing Day's substitute (Mon 28)
    /// and New Year's Day (Fri 1 Jan) are not working days.
    @Test func christmasEveTenWorkingDaysLandsOnTwelfthJanuary() throws {
        let received = CalendarDate(2026, 12, 24)
        let deadlines = EnquiryDeadlines.compute(receivedAt: F.noon(received), profile: try F.profile("tower-hamlets"), calendar: F.calendar)
        #expect(deadlines.receivedOn == received)
        #expect(deadlines.respondBy == CalendarDate(2027, 1, 12))
        #expect(deadlines.acknowledgeBy == CalendarDate(2026, 12, 31))
        #expect(F.calendar.workingDays(from: received, to: deadlines.respondBy) == 10)
        #expect(F.calendar.nonWorkingReason(CalendarDate(2026, 12, 25)) == "Christmas Day")
        #expect(F.calendar.nonWorkingReason(CalendarDate(2026, 12, 28)) == "Boxing Day (substitute day)")
        #expect(F.calendar.nonWorkingReason(CalendarDate(2027, 1, 1)) == "New Year’s Day")
        #expect(deadlines.responseDisplay == "Due Tue 12 Jan 2027 — 10 working days (Tower Hamlets protocol 13.5)")
        #expect(deadlines.acknowledgementDisplay == "Acknowledge by Thu 31 Dec 2026 — 3 working days, Probity default (protocol silent)")
        #expect(deadlines.rules.map(\.ruleId) == ["enquiries.responseDeadline", "enquiries.acknowledgementDeadline"])
    }

    @Test func wiganCitesSixPointTwo() throws {
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 11, 20), profile: try F.profile("wigan"), calendar: F.calendar)
        #expect(deadlines.respondBy == CalendarDate(2026, 12, 4))
        #expect(deadlines.responseDisplay == "Due Fri 4 Dec 2026 — 10 working days (Wigan protocol 6.2)")
    }

    @Test func aSilentResponseRuleSaysSo() throws {
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 11, 20), profile: try F.profile("london-councils"), calendar: F.calendar)
        #expect(deadlines.responseDisplay == "Due Fri 4 Dec 2026 — 10 working days, Probity default (protocol silent)")
    }

    /// 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April; Good Friday and Easter Monday follow.
    @Test func receiptIsCountedFromTheDayInLondonAcrossEaster() throws {
        let instant = Date(timeIntervalSince1970: 1_774_999_800)  // 2026-03-31T23:30:00Z
        #expect(CalendarDate.london(instant) == CalendarDate(2026, 4, 1))
        let deadlines = EnquiryDeadlines.compute(receivedAt: instant, profile: try F.profile("tower-hamlets"), calendar: F.calendar)
        #expect(deadlines.respondBy == CalendarDate(2026, 4, 17))
    }

    @Test func closureDaysPushTheDeadlineBack() throws {
        let shutdown = WorkingCalendar(region: .englandAndWales, closures: [
            CalendarDate(2026, 12, 29): "Christmas shutdown", CalendarDate(2026, 12, 30): "Christmas shutdown",
            CalendarDate(2026, 12, 31): "Christmas shutdown",
        ])
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 12, 24), profile: try F.profile("wigan"), calendar: shutdown)
        #expect(deadlines.respondBy == CalendarDate(2027, 1, 15))
        #expect(deadlines.acknowledgeBy == CalendarDate(2027, 1, 6))
    }

    @Test func rulesNotInForceFallBackOrDisappear() throws {
        var profile = try F.profile("tower-hamlets")
        profile.enquiries.responseDeadline.inForce = false
        profile.enquiries.responseDeadline.parameters.workingDays = 20
        profile.enquiries.acknowledgementDeadline.inForce = false
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 11, 20), profile: profile, calendar: F.calendar)
        #expect(deadlines.respondBy == CalendarDate(2026, 12, 4), "Probity's documented default of 10 working days")
        #expect(deadlines.responseRule.citation == "Probity default (protocol silent)")
        #expect(deadlines.acknowledgeBy == nil)
        #expect(deadlines.acknowledgementDisplay == nil)
        #expect(deadlines.rules.count == 1)
    }

    @Test func aProfilesOwnPeriodIsUsed() throws {
        var profile = try F.profile("tower-hamlets")
        profile.enquiries.responseDeadline.parameters.workingDays = 1
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 11, 20), profile: profile, calendar: F.calendar)
        #expect(deadlines.respondBy == CalendarDate(2026, 11, 23))
        #expect(deadlines.responseDisplay == "Due Mon 23 Nov 2026 — 1 working day (Tower Hamlets protocol 13.5)")
    }
}
