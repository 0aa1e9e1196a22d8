import Foundation

/// When an enquiry must be acknowledged and answered, counted in working days on the
/// authority's calendar from the day it was received in London (the receipt day never counts).
public struct EnquiryDeadlines: Sendable, Hashable {
    public var receivedOn: CalendarDate
    /// Nil when the profile's acknowledgement rule is not in force.
    public var acknowledgeBy: CalendarDate?
    public var acknowledgementWorkingDays: Int?
    /// `enquiries.acknowledgementDeadline`, when in force.
    public var acknowledgementRule: RuleReference?
    /// A full response is due by then. Wigan 6.2 also accepts "an acknowledgement that fully
    /// explains what is happening": Probity records one (`EnquiryState.explainedOn`) and reports
    /// it, but chases and measures timeliness against the full response.
    public var respondBy: CalendarDate
    public var responseWorkingDays: Int
    /// `enquiries.responseDeadline`, e.g. "Tower Hamlets protocol 13.5"; Probity's documented
    /// default when the profile's rule is not in force.
    public var responseRule: RuleReference

    /// The rules that set these deadlines, response first.
    public var rules: [RuleReference] { [responseRule] + (acknowledgementRule.map { [$0] } ?? []) }

    /// Probity's documented default response period, used when a profile switches its rule off
    /// (docs/protocol-profile-schema.md: the period TH 13.5 and Wigan 6.2 set).
    public static let defaultResponseWorkingDays = 10

    public static func compute(receivedAt: Date, profile: ProtocolProfile, calendar: WorkingCalendar) -> EnquiryDeadlines {
        compute(receivedOn: CalendarDate.london(receivedAt), profile: profile, calendar: calendar)
    }

    public static func compute(receivedOn: CalendarDate, profile: ProtocolProfile, calendar: WorkingCalendar) -> EnquiryDeadlines {
        let enquiries = profile.enquiries
        let response = enquiries.responseDeadline
        let responseDays: Int
        let responseRule: RuleReference
        if response.inForce {
            responseDays = max(0, response.parameters.workingDays)
            responseRule = response.reference(in: profile.document)
        } else {
            responseDays = defaultResponseWorkingDays
            responseRule = RuleReference(
                ruleId: response.id,
                statement: "Reply within \(defaultResponseWorkingDays) working days, Probity's documented default.",
                citation: RuleSource.silentCitationText
            )
        }
        let acknowledgement = enquiries.acknowledgementDeadline
        let acknowledgementDays = acknowledgement.inForce ? max(0, acknowledgement.parameters.workingDays) : nil
        return EnquiryDeadlines(
            receivedOn: receivedOn,
            acknowledgeBy: acknowledgementDays.map { calendar.addWorkingDays($0, to: receivedOn) },
            acknowledgementWorkingDays: acknowledgementDays,
            acknowledgementRule: acknowledgement.inForce ? acknowledgement.reference(in: profile.document) : nil,
            respondBy: calendar.addWorkingDays(responseDays, to: receivedOn),
            responseWorkingDays: responseDays,
            responseRule: responseRule
        )
    }

    /// "Due Fri 4 Dec 2026 — 10 working days (Tower Hamlets protocol 13.5)", or for a silent
    /// rule "… — 10 working days, Probity default (protocol silent)".
    public var responseDisplay: String {
        "Due \(respondBy.displayShort) — \(Self.period(responseWorkingDays, responseRule))"
    }

    /// "Acknowledge by Tue 29 Dec 2026 — 3 working days, Probity default (protocol silent)".
    public var acknowledgementDisplay: String? {
        guard let acknowledgeBy, let days = acknowledgementWorkingDays, let rule = acknowledgementRule else { return nil }
        return "Acknowledge by \(acknowledgeBy.displayShort) — \(Self.period(days, rule))"
    }

    static func period(_ days: Int, _ rule: RuleReference) -> String {
        let count = days == 1 ? "1 working day" : "\(days) working days"
        return rule.citation == RuleSource.silentCitationText ? "\(count), \(rule.citation)" : "\(count) (\(rule.citation))"
    }
}
