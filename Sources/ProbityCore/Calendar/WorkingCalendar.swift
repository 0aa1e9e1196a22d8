import Foundation

/// An authority's working days: Monday to Friday, less its region's bank holidays and any
/// closure days the authority adds (a Christmas shutdown, say).
///
/// Cheap to create and copy: the region's non-working days for 1970–2199 are a shared
/// bitmap, and closures cost one copy of it. Dates outside those years are still answered,
/// more slowly, from the rules.
public struct WorkingCalendar: Sendable, CustomStringConvertible {
    public let region: Region
    /// Closure days and their titles, as an administrator entered them.
    public let closures: [CalendarDate: String]
    private let bitmap: NonWorkingDayBitmap

    public init(region: Region, closures: [CalendarDate: String] = [:]) {
        self.region = region
        self.closures = closures
        var bitmap = NonWorkingDayBitmap.base(for: region)
        for date in closures.keys { bitmap.insert(date.dayNumber) }
        self.bitmap = bitmap
    }

    public var description: String {
        closures.isEmpty ? "WorkingCalendar(\(region.rawValue))"
            : "WorkingCalendar(\(region.rawValue), \(closures.count) closure days)"
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if let nonWorking = bitmap.isNonWorking(date.dayNumber) { return !nonWorking }
        return nonWorkingReason(date) == nil
    }

    /// Why `date` is not a working day ("Saturday", "Christmas Day", "Boxing Day (substitute
    /// day)", "Council closure: Christmas shutdown"), or nil if it is one.
    public func nonWorkingReason(_ date: CalendarDate) -> String? {
        if date.isWeekend { return date.weekday.name }
        if let holiday = BankHolidays.holiday(on: date, in: region) { return holiday.displayTitle }
        if let title = closures[date] {
            let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? "Council closure" : "Council closure: \(trimmed)"
        }
        return nil
    }

    /// The first working day after `date` (never `date` itself).
    public func nextWorkingDay(after date: CalendarDate) -> CalendarDate {
        addWorkingDays(1, to: date)
    }

    /// The due date for "within `n` working days of `date`": the `n`th working day after
    /// `date`. The start day is never counted, even when it is a working day, so something
    /// received on a Saturday is due, for n = 1, on the Monday (or the next working day
    /// after it). `n` = 0 gives `date` itself.
    ///
    /// - Precondition: `n` >= 0. A negative count is a programming error (a protocol
    ///   parameter validated elsewhere), not a runtime condition, so it traps.
    public func addWorkingDays(_ n: Int, to date: CalendarDate) -> CalendarDate {
        precondition(n >= 0, "addWorkingDays needs a count of zero or more, got \(n)")
        if n == 0 { return date }
        if let day = bitmap.nthWorkingDay(after: date.dayNumber, n) { return CalendarDate(dayNumber: day) }
        var current = date
        var remaining = n
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// `addWorkingDays(n, to:)` from the day `instant` falls on in London, so an email at
    /// 23:30 UTC on 31 March (00:30 BST on 1 April) counts from 1 April.
    public func dueDate(receivedAt instant: Date, workingDays n: Int) -> CalendarDate {
        addWorkingDays(n, to: CalendarDate.london(instant))
    }

    /// The number of working days d with `start` < d <= `end`, so that
    /// `workingDays(from: r, to: addWorkingDays(n, to: r)) == n`. Negative when `end` is
    /// before `start`: `workingDays(from: b, to: a) == -workingDays(from: a, to: b)`.
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        if end == start { return 0 }
        if end < start { return -workingDays(from: end, to: start) }
        if let count = bitmap.countWorkingDays(from: start.dayNumber + 1, through: end.dayNumber) { return count }
        var count = 0
        var current = start.adding(days: 1)
        while current <= end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }
}
