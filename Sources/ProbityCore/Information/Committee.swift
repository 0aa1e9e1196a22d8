import Foundation

/// The kind of body a member sits on, as far as access to its papers goes. The raw values are
/// the directory's committee kinds.
public enum CommitteeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case cabinet
    case overviewAndScrutiny = "overview-and-scrutiny"
    /// A scrutiny sub-committee or panel.
    case scrutinySubCommittee = "scrutiny-sub-committee"
    /// Planning, licensing and other regulatory committees.
    case regulatory
    case standards
    /// Full Council.
    case council
    /// Any other committee or sub-committee.
    case other

    /// Overview and Scrutiny and its sub-committees (TH 12.6(iii); LE 18).
    public var isScrutiny: Bool { self == .overviewAndScrutiny || self == .scrutinySubCommittee }
}

/// A member's seat on a Cabinet, committee or sub-committee.
public struct CommitteeSeat: Sendable, Hashable, Codable {
    public var committeeID: UUID
    public var kind: CommitteeKind
    /// For scrutiny bodies: the subjects within their terms of reference (TH 12.6(iii)).
    public var termsOfReference: Set<String>

    public init(committeeID: UUID, kind: CommitteeKind, termsOfReference: Set<String> = []) {
        self.committeeID = committeeID
        self.kind = kind
        self.termsOfReference = termsOfReference
    }

    /// Whether a Cabinet item about `subjects` falls within this scrutiny body's terms of reference.
    public func scrutinises(_ subjects: Set<String>) -> Bool {
        kind.isScrutiny && !termsOfReference.isDisjoint(with: subjects)
    }
}
