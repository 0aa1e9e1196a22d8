/// Probity's documented defaults (docs/protocol-profile-schema.md): a rule that is `silent:` takes
/// the default, so a silent rule with other values would be an invented rule.
enum SilentDefaults {
    /// For a silent rule in force whose parameters differ from the documented default: the default
    /// and what was found, in words. Nil when the rule is cited, has no documented default, or matches.
    static func mismatch<P: ProfileParameters>(_ rule: Rule<P>) -> (expected: String, found: String)? {
        guard rule.source.isSilent, rule.inForce else { return nil }
        switch (rule.id, rule.parameters) {
        case ("enquiries.responseDeadline", let period as WorkingDaysPeriod):
            return check(period.workingDays == 10, "10 working days", period.summary)
        case ("enquiries.acknowledgementDeadline", let period as WorkingDaysPeriod):
            return check(period.workingDays == 3, "3 working days", period.summary)
        case ("complaints.acknowledgementDeadline", let period as WorkingDaysPeriod):
            return check(period.workingDays == 5, "5 working days", period.summary)
        case ("enquiries.chasing", let ladder as EscalationLadder):
            let days = ladder.steps.map(\.afterWorkingDaysOverdue)
            return check(days == [0, 5], "steps on the first working day overdue and 5 working days overdue",
                         "steps at " + days.map(String.init).joined(separator: ", ") + " working days overdue")
        case ("declarations.registrationPeriod", let period as CalendarDaysPeriod):
            return check(period.calendarDays == 28, "28 calendar days", period.summary)
        case ("declarations.councilTaxArrearsMonths", let threshold as ArrearsThreshold):
            return check(threshold.months == 2, "2 months", "\(threshold.months) months")
        case ("notifications.privateTime", let hours as WorkingHours):
            return check(hours.start == "08:00" && hours.end == "18:00", "08:00–18:00", "\(hours.start)–\(hours.end)")
        default:
            return nil
        }
    }

    private static func check(_ matches: Bool, _ expected: String, _ found: String) -> (expected: String, found: String)? {
        matches ? nil : (expected, found)
    }
}
