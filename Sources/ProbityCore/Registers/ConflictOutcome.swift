/// What a participant must do about one item, from least to most restrictive.
public enum ConflictOutcome: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case clear = 0
    /// Declare the interest or fact at the start of the item, then take part.
    case mustDeclare = 1
    /// Declare, may speak, must not vote (LGFA 1992 s.106; TH 3.28; a discussion-only dispensation).
    case maySpeakNotVote = 2
    /// Declare, take no part in the discussion or vote, and leave where standing orders say so.
    case mustWithdraw = 3

    public static func < (lhs: ConflictOutcome, rhs: ConflictOutcome) -> Bool { lhs.rawValue < rhs.rawValue }

    public var displayName: String {
        switch self {
        case .clear: "Clear"
        case .mustDeclare: "Must declare"
        case .maySpeakNotVote: "May speak, not vote"
        case .mustWithdraw: "Must withdraw"
        }
    }
}
