import Foundation

/// A reminder that a complaint's written acknowledgement is overdue.
public struct ComplaintAcknowledgementChase: Sendable, Hashable {
    public var caseID: UUID
    /// Stable key for this chase: the server sends a chase only if it has not sent one with this
    /// key, so running the check every day (or twice) sends it once per deadline.
    public var stepKey: String
    public var acknowledgeBy: CalendarDate
    public var workingDaysOverdue: Int
    /// The handler, and the officer monitoring complaints where the profile names one (LC 13).
    public var notify: [PersonRef]
    public var message: String
    public var rules: [RuleReference]
}

public enum ComplaintChasing {
    /// The chase due today for `complaint`, or nil when it is acknowledged, not yet overdue
    /// (the deadline day itself, and weekends and holidays after it, are not overdue), closed,
    /// or already chased (`stepKey` in `alreadySent`).
    public static func acknowledgementChase(
        for complaint: ComplaintCase, today: CalendarDate, calendar: WorkingCalendar,
        profile: ProtocolProfile, org: OrgSnapshot, alreadySent: Set<String> = []
    ) -> ComplaintAcknowledgementChase? {
        guard complaint.stage == .received, complaint.acknowledgedOn == nil else { return nil }
        let overdue = calendar.workingDays(from: complaint.acknowledgeBy, to: today)
        guard overdue >= 1 else { return nil }
        let key = "complaints.acknowledgement-overdue:\(complaint.id.uuidString.lowercased()):\(complaint.acknowledgeBy.iso)"
        guard !alreadySent.contains(key) else { return nil }

        var notify: [PersonRef] = complaint.handler.map { [$0] } ?? []
        var rules = [profile.complaints.acknowledgementDeadline.reference(in: profile.document)]
        let monitoring = profile.complaints.monitoring
        if monitoring.inForce {
            let parties = org.complaintParties(complainant: complaint.complainant, subject: complaint.subject)
            let monitors = org.resolveAll(monitoring.parameters.to, parties: parties)
                .filter { $0 != complaint.complainant && $0 != complaint.subject }
            for person in monitors where !notify.contains(person) { notify.append(person) }
            rules.append(monitoring.reference(in: profile.document))
        }
        let days = overdue == 1 ? "1 working day" : "\(overdue) working days"
        let message = "The written acknowledgement of this \(complaint.kind.displayName) was due by \(complaint.acknowledgeBy.displayShort) and is \(days) overdue. Send it now, saying it has been received, what will be done and roughly how long it will take."
        return ComplaintAcknowledgementChase(
            caseID: complaint.id, stepKey: key, acknowledgeBy: complaint.acknowledgeBy, workingDaysOverdue: overdue,
            notify: notify, message: message, rules: rules)
    }
}
