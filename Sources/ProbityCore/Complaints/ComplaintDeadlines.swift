import Foundation

/// The written acknowledgement's due date, with the rule that sets it.
public struct ComplaintDeadline: Sendable, Hashable, Codable {
    public var receivedOn: CalendarDate
    public var dueOn: CalendarDate
    public var workingDays: Int
    public var rule: RuleReference

    public init(receivedOn: CalendarDate, dueOn: CalendarDate, workingDays: Int, rule: RuleReference) {
        self.receivedOn = receivedOn
        self.dueOn = dueOn
        self.workingDays = workingDays
        self.rule = rule
    }

    /// "Acknowledge by Fri 4 Dec 2026 — 5 working days (London Councils protocol 13 (Formal
    /// complaint by a Member about an officer))".
    public var display: String {
        let days = workingDays == 1 ? "1 working day" : "\(workingDays) working days"
        return "Acknowledge by \(dueOn.displayShort) — \(days) (\(rule.citation))"
    }
}

public enum ComplaintDeadlines {
    /// The acknowledgement deadline for a complaint received at `receivedAt` (its London date;
    /// the day of receipt is never counted), from `complaints.acknowledgementDeadline`
    /// (LC 13: "Within 5 working days ... respond in writing").
    public static func acknowledgeBy(receivedAt: Date, profile: ProtocolProfile, calendar: WorkingCalendar) -> ComplaintDeadline {
        acknowledgeBy(receivedOn: CalendarDate.london(receivedAt), profile: profile, calendar: calendar)
    }

    public static func acknowledgeBy(receivedOn: CalendarDate, profile: ProtocolProfile, calendar: WorkingCalendar) -> ComplaintDeadline {
        let rule = profile.complaints.acknowledgementDeadline
        // The loader refuses negative periods; max(0, _) keeps an unchecked profile from trapping.
        let days = max(0, rule.parameters.workingDays)
        return ComplaintDeadline(
            receivedOn: receivedOn, dueOn: calendar.addWorkingDays(days, to: receivedOn), workingDays: days,
            rule: rule.reference(in: profile.document))
    }
}
