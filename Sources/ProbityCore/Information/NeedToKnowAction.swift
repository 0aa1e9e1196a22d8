import Foundation

/// What the deciding officer releases.
public struct NeedToKnowRelease: Sendable, Hashable {
    public var version: ReleaseVersion
    /// When the release stops letting the councillor read it (nil: no end date).
    public var expiresAt: Date?
    /// What it may be used for (TH 12.16); defaults to the request's stated reason.
    public var purpose: String?
    /// For a redacted release: the officer confirms the redaction does not stop the councillor
    /// doing their job as an elected representative (TH 12.12).
    public var redactionLeavesRoleUnimpeded: Bool

    public init(version: ReleaseVersion = .full, expiresAt: Date? = nil, purpose: String? = nil,
                redactionLeavesRoleUnimpeded: Bool = false) {
        self.version = version
        self.expiresAt = expiresAt
        self.purpose = purpose
        self.redactionLeavesRoleUnimpeded = redactionLeavesRoleUnimpeded
    }
}

/// A decision on a need-to-know request (TH 12.22).
public enum NeedToKnowAction: Sendable, Hashable {
    /// Release it, in full or redacted.
    case grant(NeedToKnowRelease)
    /// Refuse it. A first refusal is referred where the profile names someone to refer it to
    /// (TH 12.22(ii)); a refusal on referral is final.
    case refuse(NeedToKnowRefusalGround, explanation: String)
    /// The decider is in doubt: refer it for determination (TH 12.22(ii); LE 34).
    case referInDoubt(note: String)
    /// Withdraw a release already made, e.g. once the ward problem is resolved.
    case revoke(reason: String)
}
