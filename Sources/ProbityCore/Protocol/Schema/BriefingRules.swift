/// Party group briefings by officers.
public struct BriefingRules: Sendable, Hashable {
    /// Who receives a group's request and assigns the officer.
    public var gatekeeper: Rule<Routing>
    /// Whether the same briefing is offered to the other groups.
    public var offerToOtherGroups: Rule<OfferPolicy>
    /// Non-councillors present need advance agreement (TH 6.4 ii).
    public var nonCouncillorAttendance: Rule<Routing>
    /// The officer's record holds facts and options only, no recommendations (TH 6.4 iii).
    public var factsAndOptionsOnly: Rule<NoParameters>
    /// The officer leaves before party business or any decision (Wigan 8.4).
    public var officerLeavesBeforeDecision: Rule<NoParameters>
    /// Whether an officer can be instructed to attend (Wigan 8.3: no).
    public var officerMayDecline: Rule<NoParameters>

    public init(
        gatekeeper: Rule<Routing>, offerToOtherGroups: Rule<OfferPolicy>,
        nonCouncillorAttendance: Rule<Routing>, factsAndOptionsOnly: Rule<NoParameters>,
        officerLeavesBeforeDecision: Rule<NoParameters>, officerMayDecline: Rule<NoParameters>
    ) {
        self.gatekeeper = gatekeeper
        self.offerToOtherGroups = offerToOtherGroups
        self.nonCouncillorAttendance = nonCouncillorAttendance
        self.factsAndOptionsOnly = factsAndOptionsOnly
        self.officerLeavesBeforeDecision = officerLeavesBeforeDecision
        self.officerMayDecline = officerMayDecline
    }
}

public enum OfferMode: String, Sendable, Hashable, Codable, CaseIterable {
    case automatic
    case onRequest = "on-request"
    case none
}

public struct OfferPolicy: Sendable, Hashable, Codable {
    public var mode: OfferMode
    public init(mode: OfferMode) { self.mode = mode }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension BriefingRules: Encodable {}
