import Foundation

extension CalendarDate {
    /// Europe/London: GMT in winter, BST (UTC+1) from the last Sunday in March to the last Sunday in October.
    /// Read from the system's tz database (/usr/share/zoneinfo); a machine without it cannot
    /// tell which day it is in the UK, so that is treated as a fatal setup error.
    public static let londonTimeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            fatalError("the tz database has no Europe/London; install tzdata")
        }
        return zone
    }()

    /// The date in London at `instant`: 23:30 UTC on 31 March during BST is already 1 April.
    public static func london(_ instant: Date) -> CalendarDate {
        date(in: londonTimeZone, at: instant)
    }

    /// The date in `timeZone` at `instant`.
    public static func date(in timeZone: TimeZone, at instant: Date) -> CalendarDate {
        let utcSeconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let localSeconds = utcSeconds + timeZone.secondsFromGMT(for: instant)
        return CalendarDate(dayNumber: floorDivide(localSeconds, 86_400))
    }

    /// The instant at which clocks in `timeZone` show `hour:minute` on this date.
    ///
    /// On the day clocks go back a wall time happens twice (01:30 in London); the earlier
    /// instant is returned. On the day clocks go forward a wall time may not happen at all
    /// (01:30 in London); the instant returned is that time read on the clocks as they were
    /// before the change, which the changed clocks show an hour later (02:30 BST).
    public func instant(hour: Int, minute: Int = 0, in timeZone: TimeZone = CalendarDate.londonTimeZone) -> Date {
        precondition((0...23).contains(hour) && (0...59).contains(minute), "no such time \(hour):\(minute)")
        let wallSeconds = dayNumber * 86_400 + hour * 3_600 + minute * 60
        func offset(at seconds: Int) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        // Any one day has at most one clock change, so the offsets a day either side are
        // the only candidates.
        let before = offset(at: wallSeconds - 86_400)
        let after = offset(at: wallSeconds + 86_400)
        let consistent = Set([before, after])
            .map { wallSeconds - $0 }
            .filter { offset(at: $0) == wallSeconds - $0 }
        let utcSeconds = consistent.min() ?? wallSeconds - before
        return Date(timeIntervalSince1970: TimeInterval(utcSeconds))
    }
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
