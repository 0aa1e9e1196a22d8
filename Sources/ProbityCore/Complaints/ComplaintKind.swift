/// What kind of case this is. All three are tracked the same way and counted in the same reports.
public enum ComplaintKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A complaint in writing by a member about an officer, or by an officer about a member
    /// (LC 13; Hackney 5.15–5.16; Leicestershire 9; Wigan 4.1).
    case complaint
    /// A report that the protocol has been breached, dealt with as a formal complaint under it
    /// (LC 14; Wigan 5.1–5.2).
    case breachOfProtocol = "breach-of-protocol"
    /// An officer's report of an attempt to exert improper influence on them (LC 7 "Undue
    /// influence"; TH 4.16 and Appendix A; Wigan 4.7, 5.2).
    case improperInfluence = "improper-influence"

    /// "complaint", "breach-of-protocol report", "improper-influence report".
    public var displayName: String {
        switch self {
        case .complaint: "complaint"
        case .breachOfProtocol: "breach-of-protocol report"
        case .improperInfluence: "improper-influence report"
        }
    }

    /// "complaints", "breach-of-protocol reports", "improper-influence reports".
    public var pluralName: String { displayName + "s" }
}

/// What the complaint is about (LC 13: "conduct, behaviour or performance").
public enum ComplaintCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case conduct
    case behaviour
    case performance
    case bullyingOrHarassment = "bullying-or-harassment"
    case breachOfProtocol = "breach-of-protocol"
    case other

    /// "conduct", "bullying or harassment".
    public var displayName: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
