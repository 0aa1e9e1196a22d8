import Foundation
import ProbityCore
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test(arguments: [
        "2026-02-30", "2025-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "0000-01-01", "2026-2-3", "2026-02-3", "2026-2-03", "26-02-03", "20260203", "2026/02/03",
        " 2026-02-03", "2026-02-03 ", "2026-02-03T00:00:00Z", "+026-02-03", "-2026-02-03", "2026-0a-01",
        "２０２６-02-03", "2026−02−03", "", "2026-02", "12026-02-03",
    ])
    func isoParsingRejects(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func isoParsingAcceptsRealDates() throws {
        let leap = try #require(CalendarDate(iso: "2024-02-29"))
        #expect(leap.year == 2024 && leap.month == 2 && leap.day == 29)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "0001-01-01")?.iso == "0001-01-01")
        #expect(CalendarDate(iso: "9999-12-31")?.iso == "9999-12-31")
        #expect(CalendarDate(iso: "2026-12-04") == CalendarDate(2026, 12, 4))
    }

    @Test func componentInitValidates() {
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2026, month: 12, day: 32) == nil)
        #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2028, month: 2, day: 29)?.iso == "2028-02-29")
    }

    @Test func isoFormattingPads() {
        #expect(CalendarDate(2026, 3, 5).iso == "2026-03-05")
        #expect(CalendarDate(999, 1, 5).description == "0999-01-05")
        #expect("\(CalendarDate(2026, 12, 4))" == "2026-12-04")
    }

    @Test func dayNumbersAreDaysSince1970() {
        #expect(CalendarDate(1970, 1, 1).dayNumber == 0)
        #expect(CalendarDate(1969, 12, 31).dayNumber == -1)
        #expect(CalendarDate(2000, 3, 1).dayNumber == 11_017)
        #expect(CalendarDate(dayNumber: 20_791) == CalendarDate(2026, 12, 4))
    }

    /// Checks the arithmetic against Foundation's Gregorian calendar for every day of 1900–2100.
    @Test func dayNumbersAgreeWithFoundation() throws {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = try #require(TimeZone(identifier: "UTC"))
        var mismatches: [String] = []
        for dayNumber in CalendarDate(1900, 1, 1).dayNumber...CalendarDate(2100, 12, 31).dayNumber {
            let parts = gregorian.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            let date = CalendarDate(dayNumber: dayNumber)
            // Foundation numbers Sunday 1 … Saturday 7.
            let isoWeekday = (parts.weekday! + 5) % 7 + 1
            if date.year != parts.year || date.month != parts.month || date.day != parts.day
                || date.weekday.rawValue != isoWeekday
                || CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)?.dayNumber != dayNumber {
                mismatches.append("\(dayNumber): \(date) vs \(parts)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func weekdays() {
        #expect(CalendarDate(2026, 12, 4).weekday == .friday)
        #expect(CalendarDate(1970, 1, 1).weekday == .thursday)
        #expect(CalendarDate(2000, 1, 1).weekday == .saturday)
        #expect(CalendarDate(1969, 12, 28).weekday == .sunday)
        #expect(CalendarDate(2026, 12, 5).isWeekend)
        #expect(!CalendarDate(2026, 12, 7).isWeekend)
    }

    @Test func arithmetic() {
        #expect(CalendarDate(2024, 2, 28).adding(days: 1) == CalendarDate(2024, 2, 29))
        #expect(CalendarDate(2024, 2, 28).adding(days: 2) == CalendarDate(2024, 3, 1))
        #expect(CalendarDate(2023, 12, 31).adding(days: 1) == CalendarDate(2024, 1, 1))
        #expect(CalendarDate(2024, 1, 1).adding(days: -1) == CalendarDate(2023, 12, 31))
        #expect(CalendarDate(2026, 1, 1).days(to: CalendarDate(2027, 1, 1)) == 365)
        #expect(CalendarDate(2028, 1, 1).days(to: CalendarDate(2029, 1, 1)) == 366)
        #expect(CalendarDate(2026, 12, 4).days(to: CalendarDate(2026, 11, 30)) == -4)
    }

    @Test func orderingAndHashing() {
        #expect(CalendarDate(2026, 12, 4) < CalendarDate(2026, 12, 5))
        #expect(CalendarDate(2025, 12, 31) < CalendarDate(2026, 1, 1))
        #expect(!(CalendarDate(2026, 1, 1) < CalendarDate(2026, 1, 1)))
        #expect(Set([CalendarDate(2026, 12, 4), ymd("2026-12-04"), CalendarDate(dayNumber: 20_791)]).count == 1)
        #expect([ymd("2027-01-01"), ymd("2026-01-01"), ymd("2026-06-01")].sorted().map(\.iso)
            == ["2026-01-01", "2026-06-01", "2027-01-01"])
    }

    @Test func codableAsISOString() throws {
        let data = try JSONEncoder().encode([CalendarDate(2026, 12, 4)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-12-04"]"#)
        let decoded = try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2027-12-28"]"#.utf8))
        #expect(decoded == [CalendarDate(2027, 12, 28)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2027-02-30"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data("[20271228]".utf8))
        }
    }

    @Test func englishDisplay() {
        #expect(CalendarDate(2026, 12, 4).displayShort == "Fri 4 Dec 2026")
        #expect(CalendarDate(2026, 12, 4).displayLong == "Friday 4 December 2026")
        #expect(CalendarDate(2028, 1, 1).displayShort == "Sat 1 Jan 2028")
        #expect(CalendarDate(2027, 9, 19).displayLong == "Sunday 19 September 2027")
    }

    @Test func londonDateOfAnInstant() {
        // Winter: London is on GMT.
        #expect(CalendarDate.london(utcInstant("2026-01-15T23:30:00Z")) == ymd("2026-01-15"))
        // Summer: BST is UTC+1, so 23:00 UTC is already tomorrow.
        #expect(CalendarDate.london(utcInstant("2026-07-15T22:59:59Z")) == ymd("2026-07-15"))
        #expect(CalendarDate.london(utcInstant("2026-07-15T23:00:00Z")) == ymd("2026-07-16"))
        #expect(CalendarDate.london(utcInstant("2026-03-31T23:30:00Z")) == ymd("2026-04-01"))
        // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        #expect(CalendarDate.london(utcInstant("2026-03-28T23:30:00Z")) == ymd("2026-03-28"))
        #expect(CalendarDate.london(utcInstant("2026-03-29T23:30:00Z")) == ymd("2026-03-30"))
        // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
        #expect(CalendarDate.london(utcInstant("2026-10-24T23:30:00Z")) == ymd("2026-10-25"))
        #expect(CalendarDate.london(utcInstant("2026-10-25T23:30:00Z")) == ymd("2026-10-25"))
        // Before 1970 too, where the seconds count is negative.
        #expect(CalendarDate.london(utcInstant("1960-12-31T23:59:59Z")) == ymd("1960-12-31"))
        // From 1968 to 1971 the UK kept British Standard Time (UTC+1) all winter.
        #expect(CalendarDate.london(utcInstant("1969-12-31T23:30:00Z")) == ymd("1970-01-01"))
    }

    @Test func dateInAnotherTimeZone() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(CalendarDate.date(in: newYork, at: utcInstant("2026-07-16T03:59:00Z")) == ymd("2026-07-15"))
        #expect(CalendarDate.date(in: newYork, at: utcInstant("2026-07-16T04:00:00Z")) == ymd("2026-07-16"))
    }

    @Test func londonWallClockToInstant() {
        #expect(ymd("2026-01-15").instant(hour: 8) == utcInstant("2026-01-15T08:00:00Z"))
        #expect(ymd("2026-07-16").instant(hour: 8) == utcInstant("2026-07-16T07:00:00Z"))
        #expect(ymd("2026-07-16").instant(hour: 0) == utcInstant("2026-07-15T23:00:00Z"))
        #expect(ymd("2026-12-04").instant(hour: 17, minute: 30) == utcInstant("2026-12-04T17:30:00Z"))
        // The days the clocks change.
        #expect(ymd("2026-03-29").instant(hour: 8) == utcInstant("2026-03-29T07:00:00Z"))
        #expect(ymd("2026-10-25").instant(hour: 8) == utcInstant("2026-10-25T08:00:00Z"))
        // 01:30 on 29 March 2026 never happens in London; read on the GMT clocks it is 02:30 BST.
        #expect(ymd("2026-03-29").instant(hour: 1, minute: 30) == utcInstant("2026-03-29T01:30:00Z"))
        // 01:30 on 25 October 2026 happens twice; the first (BST) one is taken.
        #expect(ymd("2026-10-25").instant(hour: 1, minute: 30) == utcInstant("2026-10-25T00:30:00Z"))
    }

    @Test func wallClockRoundTripsThroughLondonDate() {
        var date = ymd("2026-01-01")
        while date <= ymd("2027-12-31") {
            for hour in [0, 1, 2, 8, 23] {
                #expect(CalendarDate.london(date.instant(hour: hour, minute: 30)) == date, "\(date) \(hour):30")
            }
            date = date.adding(days: 1)
        }
    }

    @Test func wallClockInAnotherTimeZone() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(ymd("2026-07-16").instant(hour: 8, in: utc) == utcInstant("2026-07-16T08:00:00Z"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(ymd("2026-07-16").instant(hour: 8, in: newYork) == utcInstant("2026-07-16T12:00:00Z"))
    }
}
