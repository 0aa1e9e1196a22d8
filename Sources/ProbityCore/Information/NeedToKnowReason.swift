import Foundation

/// Why a councillor needs the information for their work as a councillor (TH 12.8–12.10, 12.21).
public enum NeedToKnowReasonKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A legitimate ward problem and the documents relevant to it (TH 12.10).
    case wardProblem = "ward-problem"
    /// A Cabinet or lead member whose portfolio covers the matter (TH 12.10).
    case portfolio
    /// Work on a committee, sub-committee or scrutiny body (TH 12.6; LE 18).
    case committeeWork = "committee-work"
    /// Specific information on behalf of a constituent (TH 12.21).
    case constituentCase = "constituent-case"
    /// Acting for the council as its appointed representative on another body (TH 12.21).
    case outsideBody = "outside-body"
    /// Another reason, explained in full.
    case other

    public var displayName: String {
        switch self {
        case .wardProblem: "a ward problem"
        case .portfolio: "portfolio responsibilities"
        case .committeeWork: "committee or scrutiny work"
        case .constituentCase: "a constituent's case"
        case .outsideBody: "representing the council on an outside body"
        case .other: "another reason"
        }
    }
}

/// The reason a request gives: a kind and the member's explanation.
public struct NeedToKnowReason: Sendable, Hashable, Codable {
    public var kind: NeedToKnowReasonKind
    public var explanation: String
    /// The ward, for a ward problem.
    public var wardID: UUID?

    public init(kind: NeedToKnowReasonKind, explanation: String, wardID: UUID? = nil) {
        self.kind = kind
        self.explanation = explanation
        self.wardID = wardID
    }

    /// The fewest words an explanation may have: "need to see it" says nothing about why.
    public static let minimumWords = 6
    public static let maximumLength = 4_000

    /// Wording that shows no need to know: fishing, a roving commission or idle curiosity
    /// (TH 12.11; Wigan 6.4; LE 34).
    static let curiosityPhrases = [
        "curious", "curiosity", "just interested", "interested to see", "interested in seeing", "nosy", "nosey",
        "roving commission", "see what you have", "see what is there",
        "see what's there", "whatever you have", "anything you have", "everything you have", "everything you hold",
        "all documents", "all the documents", "all papers", "all files", "just want to see", "just wanted to see",
        "for my own interest", "just to know",
    ]

    /// Wording that shows an ulterior, private or party-political purpose (TH 12.8, 12.11; Wigan 6.4).
    static let improperPurposePhrases = [
        "party political", "party-political", "for my party", "for our party", "election campaign",
        "campaign leaflet", "for a leaflet", "for our leaflet", "for my leaflet", "embarrass the", "use it against",
        "use this against", "attack the administration", "attack the opposition", "my business", "my company",
        "my own property", "my own planning application", "personal dispute", "private purpose", "for the press",
        "give it to the press", "give to the press",
    ]

    /// The reason, checked: explained in enough words, and neither fishing nor for an improper purpose.
    func validated(profile: ProtocolProfile) throws(InformationError) -> NeedToKnowReason {
        let text = try InformationText.required(explanation, field: "reason",
                                                missing: "Say why you need this information for your work as a councillor.",
                                                limit: Self.maximumLength)
        let fishing = profile.information.fishingRefused
        let fishingRule = fishing.inForce ? fishing.reference(in: profile.document) : nil
        if let phrase = InformationText.firstPhrase(Self.curiosityPhrases, in: text) {
            throw InformationError(.fishing,
                                   "\"\(phrase)\" reads as fishing or curiosity, which is no need to know. Say what you need it for as a councillor: a ward problem, your portfolio, committee work or a constituent's case.",
                                   field: "reason", rule: fishingRule)
        }
        if let phrase = InformationText.firstPhrase(Self.improperPurposePhrases, in: text) {
            throw InformationError(.improperPurpose,
                                   "\"\(phrase)\" suggests a private or party-political purpose. Information given on a need-to-know basis may be used only for your duties as a councillor.",
                                   field: "reason", rule: profile.needToKnowTestReferences.first ?? fishingRule)
        }
        guard InformationText.wordCount(text) >= Self.minimumWords else {
            throw InformationError(.invalidField,
                                   "Explain in a sentence or two why you need this for your work as a councillor, for example the ward problem or the portfolio matter.",
                                   field: "reason", rule: profile.needToKnowTestReferences.first)
        }
        if kind == .wardProblem, wardID == nil {
            throw InformationError(.invalidField, "Say which ward the problem is in.", field: "ward")
        }
        var reason = self
        reason.explanation = text
        return reason
    }

    /// What a release on this reason may be used for (TH 12.16).
    public var purpose: String { "\(kind.displayName): \(explanation)" }
}
