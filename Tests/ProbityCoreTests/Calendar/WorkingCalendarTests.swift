import Foundation
import ProbityCore
import Testing

@Suite("WorkingCalendar")
struct WorkingCalendarTests {
    let englandAndWales = WorkingCalendar(region: .englandAndWales)
    let scotland = WorkingCalendar(region: .scotland)
    let northernIreland = WorkingCalendar(region: .northernIreland)

    @Test(arguments: [
        ("2026-12-04", 1, "2026-12-07"),  // Friday → Monday
        ("2026-12-05", 1, "2026-12-07"),  // Saturday → Monday: the Saturday is not counted
        ("2026-12-06", 1, "2026-12-07"),  // Sunday → Monday
        ("2026-12-07", 1, "2026-12-08"),  // Monday → Tuesday: the day of receipt is not counted
        ("2026-12-04", 5, "2026-12-11"),
        ("2026-12-05", 5, "2026-12-11"),
        ("2026-11-23", 10, "2026-12-07"),
        ("2026-12-05", 0, "2026-12-05"),  // n = 0 is the day itself, working or not
        ("2026-12-07", 0, "2026-12-07"),
    ])
    func weekends(received: String, n: Int, due: String) {
        #expect(englandAndWales.addWorkingDays(n, to: ymd(received)) == ymd(due))
    }

    @Test func easter2026() {
        // Good Friday 3 April, Easter Monday 6 April (not a bank holiday in Scotland).
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-04-02")) == ymd("2026-04-07"))
        #expect(englandAndWales.addWorkingDays(3, to: ymd("2026-04-01")) == ymd("2026-04-08"))
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-04-03")) == ymd("2026-04-07"))
        #expect(northernIreland.addWorkingDays(1, to: ymd("2026-04-02")) == ymd("2026-04-07"))
        #expect(scotland.addWorkingDays(1, to: ymd("2026-04-02")) == ymd("2026-04-06"))
    }

    @Test func christmasAndNewYear2026() {
        // Christmas Friday 25th; Boxing Day Saturday, substitute Monday 28th; New Year Friday 1st;
        // in Scotland 2 January is a Saturday, substitute Monday 4 January 2027.
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-12-24")) == ymd("2026-12-29"))
        #expect(englandAndWales.addWorkingDays(3, to: ymd("2026-12-24")) == ymd("2026-12-31"))
        #expect(englandAndWales.addWorkingDays(5, to: ymd("2026-12-24")) == ymd("2027-01-05"))
        #expect(northernIreland.addWorkingDays(5, to: ymd("2026-12-24")) == ymd("2027-01-05"))
        #expect(scotland.addWorkingDays(5, to: ymd("2026-12-24")) == ymd("2027-01-06"))
        #expect(englandAndWales.nextWorkingDay(after: ymd("2026-12-24")) == ymd("2026-12-29"))
        #expect(!englandAndWales.isWorkingDay(ymd("2026-12-28")))
        #expect(englandAndWales.isWorkingDay(ymd("2026-12-29")))
    }

    @Test func christmasAndNewYear2027() {
        // Christmas and Boxing Day at the weekend: substitutes Monday 27th and Tuesday 28th.
        // 1 January 2028 is a Saturday: substitute Monday 3rd, and in Scotland Tuesday 4th too.
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2027-12-24")) == ymd("2027-12-29"))
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2027-12-25")) == ymd("2027-12-29"))
        #expect(englandAndWales.addWorkingDays(3, to: ymd("2027-12-24")) == ymd("2027-12-31"))
        #expect(englandAndWales.addWorkingDays(4, to: ymd("2027-12-24")) == ymd("2028-01-04"))
        #expect(northernIreland.addWorkingDays(4, to: ymd("2027-12-24")) == ymd("2028-01-04"))
        #expect(scotland.addWorkingDays(4, to: ymd("2027-12-24")) == ymd("2028-01-05"))
    }

    @Test func scotlandSecondOfJanuary() {
        // Thursday 1 and Friday 2 January 2026.
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2025-12-31")) == ymd("2026-01-02"))
        #expect(scotland.addWorkingDays(1, to: ymd("2025-12-31")) == ymd("2026-01-05"))
        #expect(scotland.nonWorkingReason(ymd("2026-01-02")) == "2nd January")
    }

    @Test func stAndrewsDay() {
        // Monday 30 November 2026.
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-11-27")) == ymd("2026-11-30"))
        #expect(scotland.addWorkingDays(1, to: ymd("2026-11-27")) == ymd("2026-12-01"))
        // Sunday 30 November 2025: substitute Monday 1 December.
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2025-11-28")) == ymd("2025-12-01"))
        #expect(scotland.addWorkingDays(1, to: ymd("2025-11-28")) == ymd("2025-12-02"))
        #expect(scotland.nonWorkingReason(ymd("2025-12-01")) == "St Andrew\u{2019}s Day (substitute day)")
    }

    @Test func northernIrelandTwelfthAndStPatrick() {
        // Sunday 12 July 2026: substitute Monday 13th.
        #expect(northernIreland.addWorkingDays(1, to: ymd("2026-07-10")) == ymd("2026-07-14"))
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-07-10")) == ymd("2026-07-13"))
        // Monday 12 July 2027.
        #expect(northernIreland.addWorkingDays(1, to: ymd("2027-07-09")) == ymd("2027-07-13"))
        #expect(scotland.addWorkingDays(1, to: ymd("2027-07-09")) == ymd("2027-07-12"))
        // Tuesday 17 March 2026.
        #expect(northernIreland.addWorkingDays(1, to: ymd("2026-03-16")) == ymd("2026-03-18"))
        #expect(englandAndWales.addWorkingDays(1, to: ymd("2026-03-16")) == ymd("2026-03-17"))
    }

    @Test func closureDays() {
        let shutdown = WorkingCalendar(region: .englandAndWales, closures: [
            ymd("2026-12-29"): "Christmas shutdown",
            ymd("2026-12-30"): "Christmas shutdown",
            ymd("2026-12-31"): "Christmas shutdown",
            ymd("2027-01-02"): "Saturday closure",
        ])
        #expect(shutdown.addWorkingDays(1, to: ymd("2026-12-24")) == ymd("2027-01-04"))
        #expect(shutdown.addWorkingDays(2, to: ymd("2026-12-24")) == ymd("2027-01-05"))
        #expect(!shutdown.isWorkingDay(ymd("2026-12-30")))
        #expect(shutdown.nonWorkingReason(ymd("2026-12-30")) == "Council closure: Christmas shutdown")
        #expect(shutdown.nonWorkingReason(ymd("2027-01-02")) == "Saturday")
        #expect(shutdown.workingDays(from: ymd("2026-12-24"), to: ymd("2027-01-05")) == 2)
        #expect(shutdown.closures.count == 4)
        // Other calendars of the region are untouched.
        #expect(englandAndWales.isWorkingDay(ymd("2026-12-29")))
        #expect(WorkingCalendar(region: .englandAndWales).addWorkingDays(1, to: ymd("2026-12-24")) == ymd("2026-12-29"))

        let untitled = WorkingCalendar(region: .scotland, closures: [ymd("2026-06-01"): "  "])
        #expect(untitled.nonWorkingReason(ymd("2026-06-01")) == "Council closure")
        #expect(untitled.nextWorkingDay(after: ymd("2026-05-29")) == ymd("2026-06-02"))
    }

    @Test func nonWorkingReasons() {
        #expect(englandAndWales.nonWorkingReason(ymd("2026-12-05")) == "Saturday")
        #expect(englandAndWales.nonWorkingReason(ymd("2026-12-06")) == "Sunday")
        #expect(englandAndWales.nonWorkingReason(ymd("2026-12-25")) == "Christmas Day")
        #expect(englandAndWales.nonWorkingReason(ymd("2026-12-28")) == "Boxing Day (substitute day)")
        #expect(englandAndWales.nonWorkingReason(ymd("2026-12-04")) == nil)
        #expect(englandAndWales.nonWorkingReason(ymd("2027-01-04")) == nil)
        #expect(scotland.nonWorkingReason(ymd("2027-01-04")) == "2nd January (substitute day)")
        #expect(northernIreland.nonWorkingReason(ymd("2026-07-13"))
            == "Battle of the Boyne (Orangemen\u{2019}s Day) (substitute day)")
    }

    @Test(arguments: [
        // Sunday 29 March 2026, 23:30 UTC is 00:30 BST on Monday 30th.
        ("2026-03-29T23:30:00Z", "2026-03-30", "2026-03-31"),
        // Saturday 28 March 2026, 23:30 UTC: still GMT, still Saturday.
        ("2026-03-28T23:30:00Z", "2026-03-28", "2026-03-30"),
        // Saturday 24 October 2026, 23:30 UTC is 00:30 BST on Sunday 25th.
        ("2026-10-24T23:30:00Z", "2026-10-25", "2026-10-26"),
        // Thursday 22 October 2026, 23:30 UTC is 00:30 BST on Friday: due Monday, not Friday.
        ("2026-10-22T23:30:00Z", "2026-10-23", "2026-10-26"),
        // Sunday 25 October 2026, 23:30 UTC: back on GMT, still Sunday.
        ("2026-10-25T23:30:00Z", "2026-10-25", "2026-10-26"),
        // Tuesday 31 March 2026, 23:30 UTC is 1 April in London.
        ("2026-03-31T23:30:00Z", "2026-04-01", "2026-04-02"),
        // Winter: 23:30 UTC is 23:30 GMT.
        ("2026-01-15T23:30:00Z", "2026-01-15", "2026-01-16"),
    ])
    func dueDateCountsFromTheLondonDate(received: String, londonDate: String, due: String) {
        let instant = utcInstant(received)
        #expect(CalendarDate.london(instant) == ymd(londonDate))
        #expect(englandAndWales.dueDate(receivedAt: instant, workingDays: 1) == ymd(due))
    }

    @Test func dueDateOverEaster() {
        // 1 April 2026 in London; Good Friday and Easter Monday are skipped.
        #expect(englandAndWales.dueDate(receivedAt: utcInstant("2026-03-31T23:30:00Z"), workingDays: 2) == ymd("2026-04-07"))
        #expect(englandAndWales.dueDate(receivedAt: utcInstant("2026-03-31T22:30:00Z"), workingDays: 2) == ymd("2026-04-02"))
    }

    @Test func workingDaysBetween() {
        #expect(englandAndWales.workingDays(from: ymd("2026-12-24"), to: ymd("2027-01-05")) == 5)
        #expect(englandAndWales.workingDays(from: ymd("2027-01-05"), to: ymd("2026-12-24")) == -5)
        #expect(englandAndWales.workingDays(from: ymd("2026-12-04"), to: ymd("2026-12-04")) == 0)
        #expect(englandAndWales.workingDays(from: ymd("2026-12-04"), to: ymd("2026-12-06")) == 0)
        #expect(englandAndWales.workingDays(from: ymd("2026-12-04"), to: ymd("2026-12-07")) == 1)
        // 2026 has 261 weekdays, 8 of them bank holidays in England and Wales, 9 in Scotland, 10 in Northern Ireland.
        #expect(englandAndWales.workingDays(from: ymd("2025-12-31"), to: ymd("2026-12-31")) == 253)
        #expect(scotland.workingDays(from: ymd("2025-12-31"), to: ymd("2026-12-31")) == 252)
        #expect(northernIreland.workingDays(from: ymd("2025-12-31"), to: ymd("2026-12-31")) == 251)
    }

    /// The bitmap answers must match a day-by-day walk using `nonWorkingReason`, which goes to
    /// the holiday lists directly.
    @Test func fastPathsMatchADayByDayWalk() {
        var generator = SeededGenerator(seed: 20_261_204)
        let closures = WorkingCalendar(region: .northernIreland, closures: [
            ymd("2026-08-14"): "Flood", ymd("2030-01-02"): "Office move", ymd("1999-12-31"): "Millennium",
        ])
        let calendars = [englandAndWales, scotland, northernIreland, closures]
        let first = ymd("1990-01-01").dayNumber
        let last = ymd("2060-12-31").dayNumber
        for _ in 0..<3_000 {
            let calendar = calendars[Int.random(in: 0..<calendars.count, using: &generator)]
            let start = CalendarDate(dayNumber: Int.random(in: first...last, using: &generator))
            let n = Int.random(in: 0...40, using: &generator)
            let due = calendar.addWorkingDays(n, to: start)
            #expect(due == walk(calendar, n, from: start), "\(calendar.region) \(start) + \(n)")
            #expect(calendar.workingDays(from: start, to: due) == n, "\(calendar.region) \(start) + \(n)")
            if n > 0 { #expect(calendar.isWorkingDay(due) && due > start) }
        }
        for calendar in calendars {
            var day = ymd("2011-12-25")
            while day <= ymd("2031-01-10") {
                #expect(calendar.isWorkingDay(day) == (calendar.nonWorkingReason(day) == nil), "\(day)")
                day = day.adding(days: 1)
            }
        }
    }

    @Test func datesBeyondThePrecomputedYears() {
        let calendar = WorkingCalendar(region: .scotland, closures: [ymd("2200-01-06"): "Far future closure"])
        for (start, n) in [("2199-12-20", 10), ("2199-12-31", 1), ("2200-01-01", 3), ("1969-12-24", 5), ("1960-06-01", 30)] {
            #expect(calendar.addWorkingDays(n, to: ymd(start)) == walk(calendar, n, from: ymd(start)), "\(start)")
        }
        #expect(!calendar.isWorkingDay(ymd("2200-01-06")))
        #expect(calendar.nonWorkingReason(ymd("2200-01-06")) == "Council closure: Far future closure")
        #expect(!calendar.isWorkingDay(ymd("2200-01-01")))
        let across = calendar.workingDays(from: ymd("2199-12-01"), to: ymd("2200-01-31"))
        #expect(across == walkCount(calendar, from: ymd("2199-12-01"), to: ymd("2200-01-31")))
        #expect(calendar.workingDays(from: ymd("2200-01-31"), to: ymd("2199-12-01")) == -across)
    }

    @Test func negativeCountsTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = WorkingCalendar(region: .englandAndWales).addWorkingDays(-1, to: CalendarDate(2026, 12, 4))
        }
    }

    private func walk(_ calendar: WorkingCalendar, _ n: Int, from start: CalendarDate) -> CalendarDate {
        var day = start
        var remaining = n
        while remaining > 0 {
            day = day.adding(days: 1)
            if calendar.nonWorkingReason(day) == nil { remaining -= 1 }
        }
        return day
    }

    private func walkCount(_ calendar: WorkingCalendar, from start: CalendarDate, to end: CalendarDate) -> Int {
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if calendar.nonWorkingReason(day) == nil { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
