import Foundation

/// Which version of a document a release covers.
public enum ReleaseVersion: Sendable, Hashable, Codable {
    case full
    /// Some material (e.g. commercially sensitive) removed, where that does not stop the member
    /// doing their job as a councillor (TH 12.12). `note` says what was removed and why.
    case redacted(note: String)

    public var isRedacted: Bool {
        if case .redacted = self { return true }
        return false
    }
}

/// An approved need-to-know release of one document to one member, made by deciding a
/// `NeedToKnowRequest`. It is personal to the member: an assistant reads it only where they
/// raised the request for that member and still act for them (TH 12.23).
public struct ReleaseGrant: Sendable, Hashable, Codable, Identifiable {
    /// The request it decides.
    public var id: UUID { requestID }
    public var requestID: UUID
    public var documentID: UUID
    public var memberID: UUID
    /// The political group assistant who raised the request for the member, if one did.
    public var raisedByAssistantID: UUID?
    public var version: ReleaseVersion
    /// What the member may use it for, and nothing else (TH 12.16).
    public var purpose: String
    public var grantedByOfficerID: UUID
    public var grantedAt: Date
    /// After this instant the release no longer lets the member read the document.
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(requestID: UUID, documentID: UUID, memberID: UUID, raisedByAssistantID: UUID? = nil,
                version: ReleaseVersion, purpose: String, grantedByOfficerID: UUID, grantedAt: Date,
                expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.requestID = requestID
        self.documentID = documentID
        self.memberID = memberID
        self.raisedByAssistantID = raisedByAssistantID
        self.version = version
        self.purpose = purpose
        self.grantedByOfficerID = grantedByOfficerID
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Anything released on a need-to-know basis is marked confidential before release (TH 12.16).
    public var markedConfidential: Bool { true }

    /// In force at `at`: granted by then, not expired, not revoked.
    public func isCurrent(at: Date) -> Bool {
        guard at >= grantedAt else { return false }
        if let expiresAt, at >= expiresAt { return false }
        if let revokedAt, at >= revokedAt { return false }
        return true
    }
}

/// How someone allowed to read non-public information must treat it.
public struct ReleaseHandling: Sendable, Hashable {
    /// Shown on every page and copy: "Confidential".
    public var markedConfidential: Bool
    /// The only purpose it may be used for (TH 12.16), in words a page can show.
    public var useLimitedTo: String

    public init(markedConfidential: Bool, useLimitedTo: String) {
        self.markedConfidential = markedConfidential
        self.useLimitedTo = useLimitedTo
    }
}
