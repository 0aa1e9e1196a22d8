import Foundation
import ProbityCore

/// A date literal for tests: `ymd("2026-12-04")`.
func ymd(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}

/// An instant literal for tests: `utcInstant("2026-03-29T23:30:00Z")`.
func utcInstant(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad test instant \(text)") }
    return date
}
