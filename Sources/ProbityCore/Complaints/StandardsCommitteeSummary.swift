/// The period a monitoring report covers, both days included.
public struct ComplaintReportPeriod: Sendable, Hashable, Codable {
    public var from: CalendarDate
    public var through: CalendarDate

    public init(from: CalendarDate, through: CalendarDate) {
        self.from = from
        self.through = through
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= through }

    /// "between 1 April 2026 and 31 March 2027".
    public var phrase: String { "between \(Self.text(from)) and \(Self.text(through))" }

    static func text(_ date: CalendarDate) -> String { "\(date.day) \(date.monthName) \(date.year)" }
}

/// How many cases fell under one heading of the summary.
public struct ComplaintCount<Key: Sendable & Hashable>: Sendable, Hashable {
    public var key: Key
    public var label: String
    public var count: Int
}

/// The complaints officer's summary for the Standards Committee (LC 13 "Monitoring complaints";
/// Hackney 5.17, where the log is reviewed and reported to the committee): counts by route,
/// kind, category and outcome, and timeliness against the acknowledgement deadline, for cases
/// received in the period. Complaints, breach reports and improper-influence reports are counted
/// together. No names and no narrative.
public struct StandardsCommitteeSummary: Sendable, Hashable {
    public var period: ComplaintReportPeriod
    public var asOf: CalendarDate
    public var total: Int
    public var byKind: [ComplaintCount<ComplaintKind>]
    /// By the rule that routed each case; the key is nil for cases the protocol gave no route.
    public var byRoute: [ComplaintCount<String?>]
    public var byCategory: [ComplaintCount<ComplaintCategory>]
    public var byOutcome: [ComplaintCount<ComplaintOutcome>]
    /// Cases without an outcome yet.
    public var open: Int
    public var closed: Int
    public var referred: Int
    public var acknowledgement: [ComplaintCount<AcknowledgementTimeliness>]
    /// The monitoring rule and whom it reports to, when the profile has it in force.
    public var monitoringRule: RuleReference?
    /// The report in plain sentences, for the committee paper.
    public var statements: [String]

    public var isEmpty: Bool { total == 0 }

    public static func make(
        records: [ComplaintMonitoringRecord], period: ComplaintReportPeriod, asOf: CalendarDate, profile: ProtocolProfile
    ) -> StandardsCommitteeSummary {
        let inPeriod = records.filter { period.contains($0.receivedOn) }
        let monitoring = profile.complaints.monitoring
        let byKind = counts(inPeriod.map(\.kind), order: ComplaintKind.allCases) { $0.pluralName }
        let byCategory = counts(inPeriod.map(\.category), order: ComplaintCategory.allCases) { $0.displayName }
        let byOutcome = counts(inPeriod.compactMap(\.outcome), order: ComplaintOutcome.allCases) { $0.displayName }
        let acknowledgement = counts(inPeriod.map { $0.acknowledgementTimeliness(asOf: asOf) },
                                     order: AcknowledgementTimeliness.allCases) { $0.displayName }
        let routeOrder: [String?] = profile.complaints.routes.map { Optional($0.id) }
            + ["complaints.improperInfluence", "complaints.informalLadder"] + [nil]
        let seenRoutes = inPeriod.map(\.routeRuleId)
        let extraRoutes = seenRoutes.filter { !routeOrder.contains($0) }
        let byRoute = counts(seenRoutes, order: routeOrder + uniqued(extraRoutes)) { routeTitle($0, profile: profile) }

        var summary = StandardsCommitteeSummary(
            period: period, asOf: asOf, total: inPeriod.count, byKind: byKind, byRoute: byRoute,
            byCategory: byCategory, byOutcome: byOutcome,
            open: inPeriod.filter { $0.outcome == nil }.count,
            closed: inPeriod.filter { $0.stage == .closed }.count,
            referred: inPeriod.filter(\.referred).count,
            acknowledgement: acknowledgement,
            monitoringRule: monitoring.inForce ? monitoring.reference(in: profile.document) : nil,
            statements: [])
        summary.statements = summary.sentences()
        return summary
    }

    /// "Complaint by a member about an officer", "Improper influence on an officer", "No route in the protocol".
    static func routeTitle(_ ruleId: String?, profile: ProtocolProfile) -> String {
        guard let ruleId else { return "No route in the protocol" }
        return profile.rule(withId: ruleId)?.title ?? ruleId
    }

    private func sentences() -> [String] {
        guard total > 0 else { return ["No complaints were received \(period.phrase)."] }
        var lines: [String] = []
        let cases = total == 1 ? "1 case was" : "\(total) cases were"
        lines.append("\(cases) received \(period.phrase): \(Self.list(byKind.map { Self.phrase($0.count, $0.key.displayName, $0.key.pluralName) })).")
        lines.append("By route: \(Self.list(byRoute.map { "\($0.label) \($0.count)" })).")
        lines.append("By category: \(Self.list(byCategory.map { "\($0.label) \($0.count)" })).")
        var outcomes = byOutcome.map { "\($0.count) \($0.label)" }
        if open > 0 { outcomes.append("\(open) without an outcome yet") }
        lines.append("Outcomes: \(Self.list(outcomes)).")
        if referred > 0 {
            lines.append(referred == 1 ? "1 was referred for independent assessment."
                                       : "\(referred) were referred for independent assessment.")
        }
        lines.append("Written acknowledgement within the deadline: \(Self.list(acknowledgement.map { "\($0.count) \($0.label)" })).")
        return lines
    }

    private static func counts<Key: Hashable & Sendable>(
        _ keys: [Key], order: [Key], label: (Key) -> String
    ) -> [ComplaintCount<Key>] {
        var tally: [Key: Int] = [:]
        for key in keys { tally[key, default: 0] += 1 }
        return order.compactMap { key in tally[key].map { ComplaintCount(key: key, label: label(key), count: $0) } }
    }

    private static func uniqued(_ keys: [String?]) -> [String?] {
        var seen: Set<String?> = []
        return keys.filter { seen.insert($0).inserted }
    }

    private static func phrase(_ count: Int, _ singular: String, _ plural: String) -> String {
        count == 1 ? "1 \(singular)" : "\(count) \(plural)"
    }

    private static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return "none"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
