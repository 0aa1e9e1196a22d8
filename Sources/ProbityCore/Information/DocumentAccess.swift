/// Why someone may read a document (the strongest ground that applies).
public enum AccessBasis: String, Sendable, Hashable, Codable {
    case publicInformation = "public-information"
    /// A member of the Cabinet, committee or sub-committee whose agenda it is on (TH 12.6(ii)).
    case committeeMember = "committee-member"
    /// An Overview and Scrutiny member, Cabinet Part II item within terms of reference (TH 12.6(iii)).
    case scrutinyMember = "scrutiny-member"
    /// A current need-to-know release (TH 12.8–12.12, 12.22).
    case needToKnowRelease = "need-to-know-release"
    /// A councillor or assistant of the group whose internal document it is (TH 12.14).
    case ownGroup = "own-group"
    /// A councillor or assistant of the group forming the administration (TH 12.13).
    case administrationGroup = "administration-group"
    case documentHolder = "document-holder"
    /// A manager of the officer who holds it.
    case holdersManager = "holders-manager"
    /// The Head of Paid Service (Local Government and Housing Act 1989 s.4).
    case chiefExecutive = "chief-executive"
    /// The Monitoring Officer (Local Government and Housing Act 1989 s.5).
    case monitoringOfficer = "monitoring-officer"
    /// An officer the profile names to decide or determine need-to-know requests for it (TH 12.22).
    case needToKnowDecider = "need-to-know-decider"
}

/// The answer to "may this person read this document?", with what they may read and how they
/// must treat it, or, when refused, how they may ask.
public struct DocumentAccess: Sendable, Hashable {
    public var decision: Decision
    public var basis: AccessBasis?
    /// The version they may read; nil when refused.
    public var version: ReleaseVersion?
    /// How non-public information must be treated (TH 12.16); nil for public documents and refusals.
    public var handling: ReleaseHandling?
    /// When refused: whether a need-to-know request can be made for it under this profile.
    public var mayRequestNeedToKnow: Bool
    /// When refused: the Freedom of Information route, where the profile offers one.
    public var freedomOfInformation: FreedomOfInformationRoute?

    public var allowed: Bool { decision.allowed }

    static func allow(_ basis: AccessBasis, _ reason: String, rules: [RuleReference], version: ReleaseVersion = .full,
                      handling: ReleaseHandling?) -> DocumentAccess {
        DocumentAccess(decision: .allow(reason, rules: rules), basis: basis, version: version, handling: handling,
                       mayRequestNeedToKnow: false, freedomOfInformation: nil)
    }

    static func deny(_ reason: String, rules: [RuleReference], mayRequest: Bool = false,
                     freedomOfInformation: FreedomOfInformationRoute? = nil) -> DocumentAccess {
        var reasons = [reason]
        if let freedomOfInformation { reasons.append(freedomOfInformation.guidance) }
        return DocumentAccess(decision: Decision(allowed: false, reasons: reasons, rules: rules), basis: nil, version: nil,
                              handling: nil, mayRequestNeedToKnow: mayRequest, freedomOfInformation: freedomOfInformation)
    }
}
