/// One person whose complaints in the window reach the profile's threshold. An indicator for the
/// complaints officer, never an accusation: it does not limit the right to complain (Wigan 5.4).
public struct RepeatedComplaintsFlag: Sendable, Hashable {
    public var complainant: PersonRef
    public var count: Int
    public var windowStart: CalendarDate
    public var asOf: CalendarDate
    /// Neutral wording for the complaints officer.
    public var message: String
    public var rule: RuleReference
}

/// Repeated complaints by one person (Wigan 5.4: "numerous complaints of a minor or personally
/// motivated nature ... should be avoided"), from `complaints.repeatedComplaintsIndicator`.
///
/// Counts complaints and breach reports received in the `withinMonths` months up to and
/// including `asOf`, and flags a person at `count` or more. Improper-influence reports are never
/// counted: reporting improper influence is an officer's duty (LC 7; TH 4.16), and counting it
/// against them would discourage it. Who may see the flags: `ComplaintPolicy.mayViewRepeatedComplaintsIndicator`.
public enum RepeatedComplaintsIndicator {
    /// The flags, most complaints first; empty when the rule is not in force.
    public static func flags(
        records: [ComplaintMonitoringRecord], asOf: CalendarDate, profile: ProtocolProfile
    ) -> [RepeatedComplaintsFlag] {
        let rule = profile.complaints.repeatedComplaintsIndicator
        guard rule.inForce, rule.parameters.count > 0 else { return [] }
        let threshold = rule.parameters
        let start = windowStart(asOf: asOf, months: threshold.withinMonths)
        var tally: [PersonRef: Int] = [:]
        for record in records where record.kind != .improperInfluence && start <= record.receivedOn && record.receivedOn <= asOf {
            tally[record.complainant, default: 0] += 1
        }
        let reference = rule.reference(in: profile.document)
        return tally.filter { $0.value >= threshold.count }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.description < $1.key.description }
            .map { person, count in
                let months = threshold.withinMonths == 1 ? "month" : "\(threshold.withinMonths) months"
                let message = "\(count) complaints from this person in the last \(months), at or above the indicator of \(threshold.count). This is an indicator only, not a finding about any complaint, and it does not limit anyone's right to complain (\(reference.citation))."
                return RepeatedComplaintsFlag(complainant: person, count: count, windowStart: start, asOf: asOf,
                                              message: message, rule: reference)
            }
    }

    /// The first day of the window: the day after the same date `months` months before `asOf`
    /// (clamped to the month's end), so 12 months to 31 March 2027 starts on 1 April 2026.
    public static func windowStart(asOf: CalendarDate, months: Int) -> CalendarDate {
        let total = asOf.year * 12 + (asOf.month - 1) - max(0, months)
        let year = total / 12
        let month = total % 12 + 1
        let day = min(asOf.day, CalendarDate.daysInMonth(year: year, month: month))
        let sameDay = CalendarDate(year: year, month: month, day: day) ?? asOf
        return sameDay.adding(days: 1)
    }
}
