import Foundation

/// Where a party group briefing stands.
public enum BriefingStatus: String, Sendable, Hashable, Codable {
    /// With the gatekeeper, waiting for an officer to be assigned.
    case requested
    /// An officer is assigned.
    case assigned
    /// The briefing took place.
    case held
    /// The officer's record is saved.
    case recorded
    /// The group withdrew it.
    case withdrawn
}

/// The Chief Executive's advance agreement to non-councillors being present (TH 6.4(ii)).
public struct AttendanceAgreement: Sendable, Hashable, Codable {
    public var agreed: Bool
    public var byOfficerID: UUID
    public var at: Date
    public var note: String
}

/// An officer who declined to brief the group (Wigan 8.3: no officer can be instructed to).
public struct BriefingDecline: Sendable, Hashable, Codable {
    public var officerID: UUID
    public var at: Date
    public var reason: String
}

public enum BriefingOfferStatus: String, Sendable, Hashable, Codable {
    case offered, accepted, declined
}

/// The same briefing offered to another group (LE 14; TH 6.3; LC 6). The offered group is told
/// the topic in the gatekeeper's neutral words, never who asked or what was said.
public struct BriefingOffer: Sendable, Hashable, Codable {
    public var toGroupID: UUID
    /// Neutral wording written by the gatekeeper, not the requesting group's.
    public var topic: String
    public var offeredAt: Date
    public var status: BriefingOfferStatus
    public var respondedAt: Date?
    public var respondedByMemberID: UUID?

    /// What the offered group sees.
    public struct GroupView: Sendable, Hashable {
        public var topic: String
        public var offeredAt: Date
        public var status: BriefingOfferStatus
    }

    public var groupView: GroupView { GroupView(topic: topic, offeredAt: offeredAt, status: status) }
}

/// One step in a briefing's life.
public struct BriefingEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case requested, assigned, declined, attendanceDecided = "attendance-decided", offered, offerAnswered = "offer-answered",
             held, recorded, withdrawn
    }
    public var kind: Kind
    public var at: Date
    public var by: PersonRef?
    public var note: String?
    public var rules: [RuleReference]
}

/// A party group's request for an officer briefing (TH 6.2–6.4; Wigan 8.3–8.4; LE 14; LC 6).
/// Build one with `request`; move it on with `applying`; who may see it: `BriefingPolicy`.
public struct BriefingRequest: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var groupID: UUID
    public var requestedByMemberID: UUID
    public var raisedByAssistantID: UUID?
    /// The council business to be briefed on, in the group's words (seen only by the group and the officers).
    public var topic: String
    /// The department whose business it is, for `matter.*` gatekeepers (Wigan 8.3).
    public var matterServiceID: UUID?
    public var requestedAt: Date
    /// Who receives the request and assigns the officer (`briefings.gatekeeper`).
    public var gatekeeperIDs: [UUID]
    /// People other than councillors who will be present (TH 6.4(ii); LC 6).
    public var nonCouncillorsAttending: [String]
    /// Who must agree in advance to non-councillors being present (`briefings.nonCouncillorAttendance`).
    public var agreementGiverIDs: [UUID]
    public var attendanceAgreement: AttendanceAgreement?
    public var assignedOfficerID: UUID?
    /// Senior officers accompanying the assigned officer in exceptional circumstances (TH 6.4(i)).
    public var accompanyingOfficerIDs: [UUID]
    public var declines: [BriefingDecline]
    public var offers: [BriefingOffer]
    /// Set when this briefing answers another group's offer.
    public var answersOffer: Bool
    public var status: BriefingStatus
    public var heldAt: Date?
    /// The officer confirms they left before party business or any decision (Wigan 8.4; TH 6.4(iii)).
    public var officerLeftBeforePartyBusiness: Bool?
    public var record: BriefingRecord?
    public var history: [BriefingEvent]

    /// Officers attending: the assigned officer and any accompanying.
    public var attendingOfficerIDs: Set<UUID> {
        Set(accompanyingOfficerIDs).union(assignedOfficerID.map { [$0] } ?? [])
    }

    /// The offer made to `groupID`, as that group sees it.
    public func offerView(for groupID: UUID) -> BriefingOffer.GroupView? {
        offers.first { $0.toGroupID == groupID }?.groupView
    }
}
