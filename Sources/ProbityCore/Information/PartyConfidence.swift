import Foundation

/// Where an officer was told something in party-political confidence.
public enum ConfidenceSetting: String, Sendable, Hashable, Codable, CaseIterable {
    case groupMeeting = "group-meeting"          // TH 6.4(vi); LC 6
    case groupBriefing = "group-briefing"        // TH 12.19 "informal briefings"
    case privateConversation = "private-conversation"  // TH 12.19
    case writing
}

/// Why an officer passes a confidence to another officer: only where necessary (LE 12: "for
/// example for the purpose of verifying the legality, financial probity or procedural regularity
/// of any proposed course of action"; TH 6.4(vi): "so far as is necessary to perform their duties").
public enum SharingNecessity: String, Sendable, Hashable, Codable, CaseIterable {
    case legality
    case financialProbity = "financial-probity"
    case proceduralRegularity = "procedural-regularity"
    /// Another duty of the receiving officer, explained in full.
    case officerDuties = "officer-duties"

    public var displayName: String {
        switch self {
        case .legality: "checking legality"
        case .financialProbity: "checking financial probity"
        case .proceduralRegularity: "checking procedural regularity"
        case .officerDuties: "the officer's duties"
        }
    }
}

/// What a confidence appears to disclose that takes it outside the officer's duty to keep it:
/// LE 15 (conflict with the law, standards or codes of conduct, abuse of process) and TH 12.20
/// (severe damage to the council, illegality, maladministration).
public enum ConfidenceConcern: String, Sendable, Hashable, Codable, CaseIterable {
    case unlawful
    case breachOfStandards = "breach-of-standards"
    case abuseOfProcess = "abuse-of-process"
    case severeDamageToCouncil = "severe-damage-to-council"
    case maladministration

    public var displayName: String {
        switch self {
        case .unlawful: "appears to be unlawful"
        case .breachOfStandards: "appears to conflict with standards or codes of conduct"
        case .abuseOfProcess: "would amount to an abuse of the council's processes"
        case .severeDamageToCouncil: "could severely damage the council"
        case .maladministration: "would be maladministration"
        }
    }
}

/// A confidence passed to another officer, who is bound by it in turn (LE 12).
public struct ConfidenceShare: Sendable, Hashable, Codable {
    public var toOfficerID: UUID
    public var byOfficerID: UUID
    public var necessity: SharingNecessity
    public var explanation: String
    public var at: Date
    /// The request for confidentiality was confirmed to the receiving officer (LE 12).
    public var confidenceConfirmed: Bool
}

/// A referral of what appears unlawful (or otherwise outside the confidence) to the officers the
/// profile names (`information.partyConfidence`: TH 12.20, LE 15, LC 6).
public struct ConfidenceReferral: Sendable, Hashable, Codable {
    public var concern: ConfidenceConcern
    public var explanation: String
    public var byOfficerID: UUID
    public var at: Date
    public var toOfficerIDs: [UUID]
    public var rule: RuleReference
}

/// The group agreed to the information being shared with the other groups (LE 16).
public struct ConfidenceWaiver: Sendable, Hashable, Codable {
    public var byMemberID: UUID
    public var at: Date
    public var note: String
}

/// Information given to an officer in party-political confidence (LE 12–17; TH 6.4(vi),
/// 12.19–12.20; LC 6). The group is fixed when it is recorded, so the confidence is kept across
/// a change of administration (LE 17) and whatever happens to the giver's group membership.
/// Who may read it: `PartyConfidencePolicy`.
public struct PartyConfidenceRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var groupID: UUID
    public var givenByMemberID: UUID
    public var receivedByOfficerID: UUID
    public var receivedAt: Date
    public var setting: ConfidenceSetting
    /// The officer's note of what was said in confidence.
    public var summary: String
    /// The department the matter concerns, for `matter.*` recipients.
    public var matterServiceID: UUID?
    public var shares: [ConfidenceShare]
    public var referrals: [ConfidenceReferral]
    public var waiver: ConfidenceWaiver?
    /// The profile rule it was recorded under.
    public var rule: RuleReference

    /// Officers who hold the confidence: the officer told, those it was shared with, and those
    /// it was referred to. Each is bound by it.
    public var privyOfficerIDs: Set<UUID> {
        Set([receivedByOfficerID]).union(shares.map(\.toOfficerID)).union(referrals.flatMap(\.toOfficerIDs))
    }

    public var isWaived: Bool { waiver != nil }
}
