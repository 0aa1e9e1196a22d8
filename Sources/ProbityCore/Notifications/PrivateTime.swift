import Foundation

/// Respecting people's private time (LC 3(n), 4(k); TH 14.7): a message that is not urgent is
/// held until working hours on the next working day of the authority's calendar.
public enum PrivateTime {
    /// When a message created at `now` may be delivered. Urgent messages, and every message
    /// when the rule is not in force, go at once.
    public static func deliverAfter(_ now: Date, urgent: Bool, rule: Rule<WorkingHours>, calendar: WorkingCalendar) -> Date {
        guard !urgent, rule.inForce, let start = minutes(rule.parameters.start), let end = minutes(rule.parameters.end), start < end else {
            return now
        }
        let today = CalendarDate.london(now)
        let opening = today.instant(hour: start / 60, minute: start % 60)
        let closing = today.instant(hour: end / 60, minute: end % 60)
        if calendar.isWorkingDay(today) {
            if now < opening { return opening }
            if now < closing { return now }
        }
        let next = calendar.nextWorkingDay(after: today)
        return next.instant(hour: start / 60, minute: start % 60)
    }

    /// Whether `now` falls outside working hours, for warning a member before they contact an
    /// officer out of hours.
    public static func isOutOfHours(_ now: Date, rule: Rule<WorkingHours>, calendar: WorkingCalendar) -> Bool {
        deliverAfter(now, urgent: false, rule: rule, calendar: calendar) > now
    }

    /// "08:30" → 510.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    /// What to tell a member before they contact an officer out of hours (LC 3(n), 4(k);
    /// TH 14.7): when the officer will get the message, and the rule. Nil within working hours.
    public static func contactWarning(_ now: Date, profile: ProtocolProfile, calendar: WorkingCalendar) -> ContactWarning? {
        let rule = profile.notifications.privateTime
        guard isOutOfHours(now, rule: rule, calendar: calendar) else { return nil }
        return ContactWarning(heldUntil: deliverAfter(now, urgent: false, rule: rule, calendar: calendar), rule: rule.reference(in: profile.document))
    }
}

public struct ContactWarning: Sendable, Equatable {
    /// When a message sent now reaches the officer.
    public var heldUntil: Date
    public var rule: RuleReference
}
