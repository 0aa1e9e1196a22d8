/// Why a need-to-know request is refused, each tied to the paragraph that supports it.
public enum NeedToKnowRefusalGround: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fishing for information or idle curiosity (TH 12.11; Wigan 6.4; LC 7).
    case fishing
    /// An ulterior, improper or private purpose (TH 12.11; Wigan 6.4).
    case improperPurpose = "improper-purpose"
    /// Not reasonably necessary for the member's duties as a councillor (TH 12.8; LE 34).
    case notReasonablyNecessary = "not-reasonably-necessary"
    /// The member has an interest: a private individual's access only (TH 12.7).
    case personalInterest = "personal-interest"
    /// Personal records are not accessible to councillors (TH 12.13).
    case personalRecord = "personal-record"
    /// Another group's internal workings (TH 12.14).
    case anotherGroupsDocument = "another-groups-document"
    /// Drafts are for the administration's group only (TH 12.13).
    case draftForAdministration = "draft-for-administration"
    /// Beyond the limits of the service's resources (Wigan 6.5).
    case beyondServiceResources = "beyond-service-resources"

    public var displayName: String {
        switch self {
        case .fishing: "fishing or idle curiosity"
        case .improperPurpose: "an ulterior or private purpose"
        case .notReasonablyNecessary: "not reasonably necessary for the councillor's duties"
        case .personalInterest: "the councillor has an interest in the matter"
        case .personalRecord: "personal records are not accessible to councillors"
        case .anotherGroupsDocument: "part of another political group's internal workings"
        case .draftForAdministration: "drafts are for the administration's group only"
        case .beyondServiceResources: "beyond the limits of the service's resources"
        }
    }

    /// The profile rules that support the ground (none where the protocol says nothing on it).
    public func rules(in profile: ProtocolProfile) -> [RuleReference] {
        switch self {
        case .fishing, .improperPurpose:
            profile.referenceIfInForce(profile.information.fishingRefused)
        case .notReasonablyNecessary, .beyondServiceResources:
            profile.needToKnowTestReferences
        case .personalInterest:
            profile.personalInterestReferences
        case .personalRecord:
            profile.personalRecordsReferences
        case .anotherGroupsDocument:
            profile.otherGroupReferences
        case .draftForAdministration:
            profile.referenceIfInForce(profile.information.draftsAdministrationOnly)
        }
    }
}
