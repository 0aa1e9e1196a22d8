import Foundation

/// An enquiry as the rules see it after intake: who it is for, where it is, and what has been
/// done. The server stores it (or the actions that built it); `applying` moves it on.
public struct EnquiryState: Sendable, Hashable, Codable {
    public var status: EnquiryStatus
    public var raisedBy: EnquiryRaisedBy
    public var serviceID: UUID
    public var routine: Bool
    public var constituent: Constituent?
    public var receivedAt: Date
    /// Every officer given the enquiry, in order; the last is handling it now.
    public var assignments: [EnquiryAssignment]
    public var acknowledgement: EnquiryAcknowledgement?
    public var delayNotices: [EnquiryDelayNotice]
    public var responses: [EnquiryResponse]
    /// Internal notes: never shown to the member or their assistant.
    public var notes: [EnquiryNote]
    public var closings: [EnquiryStatusChange]
    public var reopenings: [EnquiryStatusChange]
    /// Chasing-ladder steps already sent in the current response period (reset on reopening).
    public var chaseStepsSent: Set<Int>

    public init(raisedBy: EnquiryRaisedBy, serviceID: UUID, routine: Bool, constituent: Constituent?,
                receivedAt: Date, handlingOfficerID: UUID) {
        self.status = .received
        self.raisedBy = raisedBy
        self.serviceID = serviceID
        self.routine = routine
        self.constituent = constituent
        self.receivedAt = receivedAt
        self.assignments = [EnquiryAssignment(at: receivedAt, officerID: handlingOfficerID)]
        self.acknowledgement = nil
        self.delayNotices = []
        self.responses = []
        self.notes = []
        self.closings = []
        self.reopenings = []
        self.chaseStepsSent = []
    }

    /// A newly registered enquiry, from an accepted draft and its routing.
    public static func registered(_ draft: EnquiryDraft, raisedBy: EnquiryRaisedBy, serviceID: UUID,
                                  routing: EnquiryRoutingOutcome, receivedAt: Date) -> EnquiryState {
        EnquiryState(raisedBy: raisedBy, serviceID: serviceID, routine: routing.routine,
                     constituent: draft.constituent, receivedAt: receivedAt, handlingOfficerID: routing.officerID)
    }

    public var memberID: UUID { raisedBy.memberID }

    /// The officer handling it now.
    public var handlingOfficerID: UUID? { assignments.last?.officerID }

    /// Everyone who has handled it, current last, without repeats.
    public var handlingOfficerIDs: [UUID] {
        var seen: Set<UUID> = []
        var ordered: [UUID] = []
        for id in assignments.reversed().map(\.officerID) where seen.insert(id).inserted { ordered.append(id) }
        return ordered.reversed()
    }

    /// How many times it has been reopened: 0 for the first response period.
    public var cycle: Int { reopenings.count }

    /// When the current response period started: receipt, or the latest reopening. Compute the
    /// current deadlines from this.
    public var clockStartedAt: Date { reopenings.last?.at ?? receivedAt }

    /// When the member was first told, in the current response period, what is happening: an
    /// explanatory acknowledgement or a delay notice (Wigan 6.2).
    public var explainedAt: Date? {
        let start = clockStartedAt
        let acknowledged = acknowledgement.flatMap { $0.explanation == nil || $0.at < start ? nil : $0.at }
        let notice = delayNotices.map(\.at).filter { $0 >= start }.min()
        return [acknowledged, notice].compactMap { $0 }.min()
    }

    /// The latest response, if any.
    public var lastResponse: EnquiryResponse? { responses.last }

    /// What the access rules need to know about this enquiry.
    public var accessFacts: EnquiryAccessFacts {
        EnquiryAccessFacts(
            memberID: memberID, serviceID: serviceID, raisedByAssistantID: raisedBy.assistantID,
            loggedByOfficerID: raisedBy.loggingOfficerID, currentHandlerID: handlingOfficerID,
            handlingOfficerIDs: handlingOfficerIDs
        )
    }

    /// Who the chasing ladder and routing table are resolved against: the enquiring member,
    /// the service, and the handling officer.
    public var parties: CaseParties {
        var parties = CaseParties([.member: .member(memberID), .service: .service(serviceID)])
        if let handlingOfficerID { parties[.officer] = .officer(handlingOfficerID) }
        return parties
    }
}
