import Fluent
import Foundation
import ProbityCore
import Vapor

/// The Standards Committee summary (LC 13 "Monitoring complaints"; Hackney 5.17) and the
/// repeated-complaints indicator (Wigan 5.4), for the officers the protocol names to monitor
/// complaints. Counts only: no narrative, and names only in the indicator, where in force.
struct ComplaintReport: Encodable, Sendable {
    struct Count: Encodable, Sendable {
        var key: String?
        var label: String
        var count: Int
    }

    struct Flag: Encodable, Sendable {
        var person: String
        var name: String
        var count: Int
        var windowStart: String
        var message: String
        var rule: ComplaintPresentation.RuleInfo
    }

    struct Indicator: Encodable, Sendable {
        var shown: Bool
        var explanation: String
        var flags: [Flag]
    }

    /// The counts and timeliness for the Standards Committee, for the officers who monitor complaints.
    struct Summary: Encodable, Sendable {
        var total: Int
        var isEmpty: Bool
        var statements: [String]
        var byKind: [Count]
        var byRoute: [Count]
        var byCategory: [Count]
        var byOutcome: [Count]
        var acknowledgement: [Count]
        var open: Int
        var closed: Int
        var referred: Int
        var monitoringRule: ComplaintPresentation.RuleInfo?
    }

    var from: String
    var to: String
    var fromDisplay: String
    var toDisplay: String
    var asOf: String
    /// Absent for someone who sees only the repeated-complaints indicator.
    var summary: Summary?
    /// Why the summary is or is not shown, with the monitoring rule's citation.
    var summaryExplanation: String
    var indicator: Indicator

    /// The first and last day of the financial year (1 April to 31 March) holding `date`.
    static func financialYear(containing date: CalendarDate) -> ComplaintReportPeriod {
        let start = date.month >= 4 ? date.year : date.year - 1
        let from = CalendarDate(year: start, month: 4, day: 1) ?? date
        let through = CalendarDate(year: start + 1, month: 3, day: 31) ?? date
        return ComplaintReportPeriod(from: from, through: through)
    }

    /// The period from `from` and `to` (YYYY-MM-DD), each defaulting to the current financial year.
    static func period(from rawFrom: String?, to rawTo: String?, today: CalendarDate) throws -> ComplaintReportPeriod {
        let standard = financialYear(containing: today)
        var errors: [FieldError] = []
        func date(_ raw: String?, _ key: String, _ fallback: CalendarDate) -> CalendarDate? {
            let raw = (raw ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { return fallback }
            guard let value = CalendarDate(iso: raw) else {
                errors.append(FieldError(field: key, message: "Write the date as YYYY-MM-DD, for example 2026-04-01"))
                return nil
            }
            return value
        }
        let from = date(rawFrom, "from", standard.from)
        let to = date(rawTo, "to", standard.through)
        if let from, let to {
            if to < from { errors.append(FieldError(field: "to", message: "The end of the period must be the same as or after its start")) }
            else if from.days(to: to) > 366 * 10 { errors.append(FieldError(field: "to", message: "Report on 10 years or fewer at a time")) }
        }
        guard errors.isEmpty, let from, let to else {
            throw AppError(.validation, detail: "The period is not valid.", fieldErrors: errors)
        }
        return ComplaintReportPeriod(from: from, through: to)
    }

    static func make(period: ComplaintReportPeriod, req: Request, context: ComplaintContext) async throws -> ComplaintReport {
        let records = try await ComplaintStore.monitoringRecords(authorityID: context.actor.authorityID, on: req.db)
        let profile = context.profile
        let monitoring = context.monitoring
        let decision = indicatorDecision(context)
        let flags = decision.allowed
            ? RepeatedComplaintsIndicator.flags(records: records, asOf: context.today, profile: profile).map {
                Flag(person: $0.complainant.description, name: context.name($0.complainant), count: $0.count,
                     windowStart: $0.windowStart.iso, message: $0.message, rule: .init($0.rule))
            }
            : []
        func counts<K: Sendable & Hashable>(_ list: [ComplaintCount<K>], key: (K) -> String?) -> [Count] {
            list.map { Count(key: key($0.key), label: $0.label.capitalizedFirst, count: $0.count) }
        }
        var summary: Summary?
        if monitoring.allowed {
            let made = StandardsCommitteeSummary.make(records: records, period: period, asOf: context.today, profile: profile)
            summary = Summary(
                total: made.total, isEmpty: made.isEmpty, statements: made.statements,
                byKind: counts(made.byKind) { $0.rawValue }, byRoute: counts(made.byRoute) { $0 },
                byCategory: counts(made.byCategory) { $0.rawValue }, byOutcome: counts(made.byOutcome) { $0.rawValue },
                acknowledgement: counts(made.acknowledgement) { $0.rawValue },
                open: made.open, closed: made.closed, referred: made.referred,
                monitoringRule: made.monitoringRule.map(ComplaintPresentation.RuleInfo.init))
        }
        return ComplaintReport(
            from: period.from.iso, to: period.through.iso, fromDisplay: period.from.displayLong, toDisplay: period.through.displayLong,
            asOf: context.today.iso, summary: summary, summaryExplanation: monitoring.explanation,
            indicator: Indicator(shown: decision.allowed, explanation: decision.explanation, flags: flags))
    }

    static func indicatorDecision(_ context: ComplaintContext) -> Decision {
        ComplaintPolicy.mayViewRepeatedComplaintsIndicator(context.viewer, profile: context.profile, org: context.org)
    }

    /// Refuses (and audits) anyone who neither monitors complaints nor sees the repeated-complaints
    /// indicator; audits the look.
    static func authorise(_ req: Request, _ context: ComplaintContext, period: ComplaintReportPeriod?) async throws {
        let decision = context.monitoring
        guard decision.allowed || indicatorDecision(context).allowed else {
            throw await req.refusal("complaint.report.view", resourceType: "complaint-report", reason: decision.explanation)
        }
        guard let period else { return }
        let event = context.actor.auditEvent("complaint.report.view", resourceType: "complaint-report",
                                             detail: ["from": period.from.iso, "to": period.through.iso])
        let now = context.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
    }
}
