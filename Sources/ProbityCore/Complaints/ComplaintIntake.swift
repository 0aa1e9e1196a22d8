import Foundation

/// A newly recorded complaint: the case, where it goes, when it must be acknowledged, and the
/// guidance to show the person raising it.
public struct OpenedComplaint: Sendable, Hashable {
    public var complaint: ComplaintCase
    public var routing: ComplaintRoutingOutcome
    public var deadline: ComplaintDeadline
    /// Guidance for the complainant's audience, shown as they submit (e.g. LC 13: a member must not
    /// insist that the officer is disciplined).
    public var guidance: [ComplaintGuidanceItem]
}

public enum ComplaintIntakeError: Error, Sendable, Hashable, CustomStringConvertible {
    case samePerson
    case complainantNotInDirectory
    case subjectNotInDirectory
    /// Improper-influence reports are made by officers (LC 7; TH 4.16).
    case improperInfluenceReportedByMember

    public var description: String { message }

    public var message: String {
        switch self {
        case .samePerson: "A complaint must be about someone other than the person making it."
        case .complainantNotInDirectory: "The person making the complaint is not in the directory."
        case .subjectNotInDirectory: "The person complained about is not in the directory."
        case .improperInfluenceReportedByMember:
            "An improper-influence report is made by an officer about pressure put on them. A member's concern about an officer is made as a complaint."
        }
    }
}

public enum ComplaintIntake {
    /// Records a complaint received at `receivedAt` (complaints are made in writing, LC 13):
    /// routes it under the profile, sets the acknowledgement deadline, and assigns the handler,
    /// copies and people informed. A complaint the profile gives no route is still recorded, with
    /// no route, for the complaints officer to decide.
    public static func open(
        id: UUID, kind: ComplaintKind, category: ComplaintCategory, complainant: PersonRef, subject: PersonRef,
        receivedAt: Date, profile: ProtocolProfile, org: OrgSnapshot, calendar: WorkingCalendar
    ) throws(ComplaintIntakeError) -> OpenedComplaint {
        try open(id: id, kind: kind, category: category, complainant: complainant, subject: subject,
                 receivedOn: CalendarDate.london(receivedAt), profile: profile, org: org, calendar: calendar)
    }

    public static func open(
        id: UUID, kind: ComplaintKind, category: ComplaintCategory, complainant: PersonRef, subject: PersonRef,
        receivedOn: CalendarDate, profile: ProtocolProfile, org: OrgSnapshot, calendar: WorkingCalendar
    ) throws(ComplaintIntakeError) -> OpenedComplaint {
        guard complainant != subject else { throw .samePerson }
        guard !org.complaintSubjectKinds(of: complainant).isEmpty else { throw .complainantNotInDirectory }
        guard !org.complaintSubjectKinds(of: subject).isEmpty else { throw .subjectNotInDirectory }
        if kind == .improperInfluence, complainant.complainantKind != .officer { throw .improperInfluenceReportedByMember }

        let routing = ComplaintRouting.route(kind: kind, complainant: complainant, subject: subject, profile: profile, org: org)
        let deadline = ComplaintDeadlines.acknowledgeBy(receivedOn: receivedOn, profile: profile, calendar: calendar)
        let routed = routing.routed
        let complaint = ComplaintCase(
            id: id, kind: kind, category: category, complainant: complainant, subject: subject,
            receivedOn: receivedOn, acknowledgeBy: deadline.dueOn, routeRuleId: routed?.rule.ruleId,
            procedure: routed?.procedure, handler: routed?.handler?.people.first,
            copiedTo: Set(routed?.copiedPeople ?? []), informed: Set(routed?.informedPeople ?? []))
        let audience: GuidanceAudience = complainant.complainantKind == .member ? .members : .officers
        return OpenedComplaint(
            complaint: complaint, routing: routing, deadline: deadline,
            guidance: ComplaintGuidance.items(for: audience, profile: profile))
    }
}
