import Foundation

/// Dates and times as people in UK councils read them: Europe/London, "4 Dec 2026, 14:05".
/// Built from calendar fields rather than a `DateFormatter` per call: lists format a date on
/// every row, and a formatter costs far more to make than to use.
enum DisplayFormat {
    private static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func dateTime(_ date: Date) -> String {
        let c = london.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let hour = c.hour ?? 0, minute = c.minute ?? 0
        return "\(c.day ?? 1) \(months[((c.month ?? 1) - 1 + 12) % 12]) \(c.year ?? 0), \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    static func isoDate(_ date: Date) -> String {
        let c = london.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 1, c.day ?? 1)
    }
}
