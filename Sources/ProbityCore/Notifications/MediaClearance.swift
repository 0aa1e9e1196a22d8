import Foundation

/// Officers' contact with the media (TH 15.2, 15.4; LE 35; Hackney 5.12): cleared through
/// Communications first, except for advertising; a press approach about wards is also a ward
/// matter, so their members are told.
public enum MediaClearance {
    public enum Direction: String, Sendable, Codable, CaseIterable {
        /// The press approached the officer (LE 35: "an approach being made … by the press").
        case approach
        /// The officer wants to contact the media.
        case outgoing
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case requested, cleared, refused
        /// No clearance is needed: advertising (TH 15.4), or the rule is not in force.
        case notNeeded = "not-needed"
    }

    /// The rule that requires clearance for this contact, or nil when none is needed.
    public static func clearance(advertising: Bool, profile: ProtocolProfile) -> RuleReference? {
        let rule = profile.notifications.mediaClearance
        guard rule.inForce, !advertising else { return nil }
        return rule.reference(in: profile.document)
    }

    /// Who clears media contact: the rule's recipients (Communications).
    public static func clearers(_ profile: ProtocolProfile, org: OrgSnapshot) -> [PersonRef] {
        org.resolveAll(profile.notifications.mediaClearance.parameters.to, parties: CaseParties())
    }

    /// Whether a contact about these wards also tells their members as a press-approach ward
    /// matter: where the authority's ward-matter rule lists press approaches (LE 35; TH 15.2).
    public static func becomesWardMatter(hasWards: Bool, profile: ProtocolProfile) -> Bool {
        hasWards && WardMatters.kinds(profile).contains(.pressApproach)
    }

    /// A decision may be made only on a request that is waiting for one.
    public static func mayDecide(_ status: Status) -> Bool { status == .requested }
}
