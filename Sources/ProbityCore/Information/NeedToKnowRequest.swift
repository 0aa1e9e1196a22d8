import Foundation

/// Where a need-to-know request stands (TH 12.22).
public enum NeedToKnowStatus: String, Sendable, Hashable, Codable {
    /// With the Chief Officer or Divisional Director (`needToKnowDecision.decidedBy`).
    case submitted
    /// Refused or in doubt, so referred for determination (`needToKnowDecision.referredTo`).
    case referred
    /// Released, fully or redacted: final.
    case granted
    /// Refused: final.
    case refused

    public var isFinal: Bool { self == .granted || self == .refused }
}

/// A refusal and who made it.
public struct NeedToKnowRefusal: Sendable, Hashable, Codable {
    public var ground: NeedToKnowRefusalGround
    public var explanation: String
    public var byOfficerID: UUID
    public var at: Date
    /// Made on referral, so final.
    public var onReferral: Bool
}

/// One step in a request's life, for its audit trail. Every submission, release, refusal,
/// referral and withdrawal is recorded with the rules it acted under.
public struct NeedToKnowEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case submitted, granted, refused, referred, revoked
    }
    public var kind: Kind
    public var at: Date
    public var by: PersonRef?
    public var note: String?
    public var rules: [RuleReference]
}

/// A councillor's request to see a document they cannot otherwise see, on a need-to-know basis
/// (TH 12.8–12.12, 12.21–12.23; Wigan 6.4–6.7; LE 34). Build one with `submit`; move it on with
/// `applying`. Who may see the request itself: `DocumentPolicy.canViewRequest` (TH 12.19).
public struct NeedToKnowRequest: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var documentID: UUID
    /// The councillor whose need it is.
    public var memberID: UUID
    /// The group assistant who made it for them (TH 12.23).
    public var raisedByAssistantID: UUID?
    public var reason: NeedToKnowReason
    public var submittedAt: Date
    /// Officers who may decide it: the first post in `decidedBy` the directory fills.
    public var deciderIDs: [UUID]
    /// Officers it was referred to, once referred.
    public var referralIDs: [UUID]
    public var status: NeedToKnowStatus
    /// The first refusal, and the determination on referral where there was one.
    public var refusals: [NeedToKnowRefusal]
    public var grant: ReleaseGrant?
    /// The Freedom of Information route, offered alongside (Wigan 6.7; TH 12.6(iv)).
    public var freedomOfInformation: FreedomOfInformationRoute?
    public var history: [NeedToKnowEvent]

    /// The officers with a hand in deciding it, now or before.
    public var decidingOfficerIDs: Set<UUID> { Set(deciderIDs).union(referralIDs) }

    /// The final refusal, if refused.
    public var refusal: NeedToKnowRefusal? { status == .refused ? refusals.last : nil }
}
