/// Where a complaint is in its life. Transitions are in `ComplaintCase+Transitions.swift`.
public enum ComplaintStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recorded; the written acknowledgement is not yet sent.
    case received
    /// Acknowledged in writing: receipt, intended action and expected time (LC 13 (a)–(c)).
    case acknowledged
    case underInvestigation = "under-investigation"
    /// Settled informally and recorded as such (LC 13 "conciliation"; Wigan 5.3).
    case informalResolution = "informal-resolution"
    case outcomeRecorded = "outcome-recorded"
    /// Referred by a dissatisfied complainant for independent assessment (LC 13; TH 14.6).
    case referred
    case closed

    public var displayName: String {
        switch self {
        case .received: "received"
        case .acknowledged: "acknowledged"
        case .underInvestigation: "under investigation"
        case .informalResolution: "resolved informally"
        case .outcomeRecorded: "outcome recorded"
        case .referred: "referred for independent assessment"
        case .closed: "closed"
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// How a complaint ended.
public enum ComplaintOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case upheld
    case partlyUpheld = "partly-upheld"
    case notUpheld = "not-upheld"
    /// Only through `recordInformalResolution`, so an informal settlement is always recorded as such.
    case resolvedInformally = "resolved-informally"
    case withdrawn
    /// Passed to a procedure outside the protocol: the Members' Code of Conduct via the
    /// Monitoring Officer (LC 13; Wigan 5.2; Hackney 5.16) or the 1993 Regulations.
    case referredToStatutoryProcedure = "referred-to-statutory-procedure"

    public var displayName: String {
        switch self {
        case .upheld: "upheld"
        case .partlyUpheld: "partly upheld"
        case .notUpheld: "not upheld"
        case .resolvedInformally: "resolved informally"
        case .withdrawn: "withdrawn"
        case .referredToStatutoryProcedure: "referred to a statutory procedure"
        }
    }

    /// Whether the complainant may ask for an independent assessment of this result: only of the
    /// result of an investigation (LC 13: "not satisfied with the result of the investigation").
    public var isInvestigationResult: Bool {
        switch self {
        case .upheld, .partlyUpheld, .notUpheld: true
        case .resolvedInformally, .withdrawn, .referredToStatutoryProcedure: false
        }
    }
}
