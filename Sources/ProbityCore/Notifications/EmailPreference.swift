import Foundation

/// How a person wants their e-mail copies: each message as it arrives, or one digest a day.
public enum EmailPreference: String, Sendable, Codable, CaseIterable {
    case immediate
    case dailyDigest = "daily-digest"

    public var label: String {
        switch self {
        case .immediate: "Each message as it arrives"
        case .dailyDigest: "One e-mail a day, at the start of the working morning"
        }
    }
}

/// Which messages may wait for a daily digest. The protocols set no rule on e-mail digests, so
/// the choice is the person's, except where a protocol fixes when someone must be told:
/// urgent messages (the exception to private time, LC 3(n), TH 14.7); a consultation, which
/// members are told of "immediately prior to the outset" (LE 31); and a major incident (LE 35).
/// Those always go at once; the inbox has every message whatever the choice.
public enum DigestPolicy {
    /// Categories that never wait for a digest, with the paragraph that times them.
    public static let immediateCategories: [String: String] = [
        "ward-matter.consultation": "LE 31",
        "ward-matter.major-incident": "LE 35",
    ]

    public static func mayWait(category: String, urgent: Bool, preference: EmailPreference) -> Bool {
        preference == .dailyDigest && !urgent && immediateCategories[category] == nil
    }

    /// The digest of a day goes at 08:00 Europe/London, the start of the default working hours.
    public static let hour = 8

    /// A digest compiled on a day gathers the messages delivered up to 08:00 that day; later ones
    /// wait for the next day's.
    public static func cutoff(_ now: Date) -> Date {
        CalendarDate.london(now).instant(hour: hour)
    }

    /// Whether the day's digest may be compiled at `now`: on a working day, from 08:00 London.
    public static func isDue(_ now: Date, calendar: WorkingCalendar) -> Bool {
        let today = CalendarDate.london(now)
        return calendar.isWorkingDay(today) && now >= today.instant(hour: hour)
    }
}
