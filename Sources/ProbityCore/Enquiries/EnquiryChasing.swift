import Foundation

/// One step of the chasing ladder that is due for an overdue enquiry.
public struct EnquiryChaseStep: Sendable, Hashable {
    /// Index into `enquiries.chasing.steps`: the idempotency key within a response period. The
    /// server records sent steps under a unique (enquiry, cycle, index) key, so a step is never
    /// sent twice however often the scheduler runs.
    public var index: Int
    public var afterWorkingDaysOverdue: Int
    /// Whom to chase, resolved against the enquiry's parties (`EnquiryState.parties`).
    public var notify: [Recipient]
    public var respondBy: CalendarDate
    public var workingDaysOverdue: Int
    /// `enquiries.chasing`, e.g. "Tower Hamlets protocol 13.4 and 13.5".
    public var rule: RuleReference

    /// Steps after the first go up the management line.
    public var isEscalation: Bool { index > 0 }

    /// "This enquiry was due on Fri 4 Dec 2026 and is 1 working day overdue."
    public var summary: String {
        let days = workingDaysOverdue == 1 ? "1 working day" : "\(workingDaysOverdue) working days"
        return "This enquiry was due on \(respondBy.displayShort) and is \(days) overdue."
    }

    /// Everyone the step names, without repeats.
    public func recipients(in org: OrgSnapshot, parties: CaseParties) -> [PersonRef] {
        org.resolveAll(notify, parties: parties)
    }

    /// Each entry with whom it names or why nobody, so a page can show gaps in the directory.
    public func resolved(in org: OrgSnapshot, parties: CaseParties) -> [ResolvedRecipient] {
        notify.map { org.resolve($0, parties: parties) }
    }
}

/// Chasing and escalation of overdue enquiries by `profile.enquiries.chasing` (TH 13.5:
/// "officers will chase outstanding enquiries exceeding this period").
public enum EnquiryChasing {
    /// Working days past `respondBy` on `today`: 1 on the first working day after the due
    /// date, 0 on or before it (and on a weekend straight after it).
    public static func workingDaysOverdue(today: CalendarDate, respondBy: CalendarDate, calendar: WorkingCalendar) -> Int {
        max(0, calendar.workingDays(from: respondBy, to: today))
    }

    /// The ladder steps due on `today` and not yet sent, in ladder order. A step with
    /// `afterWorkingDaysOverdue` n fires from the (n+1)th working day after the due date, so 0
    /// means the first working day overdue. Steps missed while the scheduler was not running
    /// are all returned. Nothing is due for an enquiry not waiting for a response, or when the
    /// profile's chasing rule is not in force.
    public static func due(today: CalendarDate, respondBy: CalendarDate, status: EnquiryStatus,
                           stepsAlreadySent: Set<Int>, profile: ProtocolProfile,
                           calendar: WorkingCalendar) -> [EnquiryChaseStep] {
        let chasing = profile.enquiries.chasing
        guard chasing.inForce, status.awaitsResponse else { return [] }
        let overdue = workingDaysOverdue(today: today, respondBy: respondBy, calendar: calendar)
        guard overdue > 0 else { return [] }
        let reference = chasing.reference(in: profile.document)
        return chasing.parameters.steps.enumerated().compactMap { index, step in
            guard !stepsAlreadySent.contains(index), overdue > max(0, step.afterWorkingDaysOverdue) else { return nil }
            return EnquiryChaseStep(index: index, afterWorkingDaysOverdue: step.afterWorkingDaysOverdue, notify: step.notify,
                                    respondBy: respondBy, workingDaysOverdue: overdue, rule: reference)
        }
    }

    /// The steps due for `state`, with its current response period and the steps it has sent.
    public static func due(for state: EnquiryState, today: CalendarDate, profile: ProtocolProfile,
                           calendar: WorkingCalendar) -> [EnquiryChaseStep] {
        let deadlines = EnquiryDeadlines.compute(receivedAt: state.clockStartedAt, profile: profile, calendar: calendar)
        return due(today: today, respondBy: deadlines.respondBy, status: state.status,
                   stepsAlreadySent: state.chaseStepsSent, profile: profile, calendar: calendar)
    }

    /// The delay-notice rule (Wigan 6.2), when the handling officer should now tell the member
    /// the enquiry is delayed: the rule is in force, the enquiry is still waiting for a response,
    /// nobody has explained to the member in this response period, and it is the working day
    /// before the due date or later. Nil otherwise.
    public static func delayNoticeOwed(for state: EnquiryState, today: CalendarDate, profile: ProtocolProfile,
                                       calendar: WorkingCalendar) -> RuleReference? {
        let rule = profile.enquiries.delayNotice
        guard rule.inForce, state.status.awaitsResponse, state.explainedAt == nil else { return nil }
        let deadlines = EnquiryDeadlines.compute(receivedAt: state.clockStartedAt, profile: profile, calendar: calendar)
        guard calendar.workingDays(from: today, to: deadlines.respondBy) <= 1 else { return nil }
        return rule.reference(in: profile.document)
    }
}
