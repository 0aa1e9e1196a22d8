/// A day in the proleptic Gregorian calendar, with no time of day and no time zone:
/// "the 4th of December 2026" as a council officer means it.
///
/// The day is also held as a day number (days since 1970-01-01), so ordering,
/// hashing and day arithmetic are plain integer operations.
public struct CalendarDate: Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date with these parts, or nil when there is no such day (2026-02-30, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.dayNumber = CalendarDate.dayNumber(year: year, month: month, day: day)
    }

    /// The date with these parts; traps if there is no such day. For literals in code and tests.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            preconditionFailure("no such date: \(year)-\(month)-\(day)")
        }
        self = date
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days: eras of 400 years starting 1 March.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
        self.dayNumber = dayNumber
    }

    /// Howard Hinnant's days_from_civil.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: index + 1)!
    }

    public var isWeekend: Bool { weekday.isWeekend }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Days from this date to `other`: positive when `other` is later.
    public func days(to other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }
}

extension CalendarDate: Hashable, Comparable {
    public static func == (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.dayNumber == rhs.dayNumber
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dayNumber)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }
}
