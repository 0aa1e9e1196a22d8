/// Need-to-know access to information and party political confidentiality.
public struct InformationRules: Sendable, Hashable {
    /// Who decides a member's need-to-know request, and where a refusal or doubt is referred (TH 12.22).
    public var needToKnowDecision: Rule<NeedToKnowRouting>
    /// Free-standing "fishing" or idle curiosity is refused (TH 12.11, Wigan 6.4).
    public var fishingRefused: Rule<NoParameters>
    /// A decision may release a redacted version (TH 12.12).
    public var redactedRelease: Rule<NoParameters>
    /// Offer the Freedom of Information route where anyone would be entitled (Wigan 6.7).
    public var freedomOfInformationRoute: Rule<NoParameters>
    /// Draft policy and draft reports are for the administration's group only (TH 12.13).
    public var draftsAdministrationOnly: Rule<NoParameters>
    /// Information given in party-political confidence stays confidential, also across a change of
    /// administration; apparent unlawfulness is referred to these recipients (LE 12–17).
    public var partyConfidence: Rule<Routing>

    public init(
        needToKnowDecision: Rule<NeedToKnowRouting>, fishingRefused: Rule<NoParameters>,
        redactedRelease: Rule<NoParameters>, freedomOfInformationRoute: Rule<NoParameters>,
        draftsAdministrationOnly: Rule<NoParameters>, partyConfidence: Rule<Routing>
    ) {
        self.needToKnowDecision = needToKnowDecision
        self.fishingRefused = fishingRefused
        self.redactedRelease = redactedRelease
        self.freedomOfInformationRoute = freedomOfInformationRoute
        self.draftsAdministrationOnly = draftsAdministrationOnly
        self.partyConfidence = partyConfidence
    }
}

public struct NeedToKnowRouting: Sendable, Hashable, Codable {
    public var decidedBy: [Recipient]
    public var referredTo: [Recipient]
    public init(decidedBy: [Recipient], referredTo: [Recipient]) {
        self.decidedBy = decidedBy
        self.referredTo = referredTo
    }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension InformationRules: Encodable {}
