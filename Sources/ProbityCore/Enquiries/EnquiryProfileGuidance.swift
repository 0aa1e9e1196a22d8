extension ProtocolProfile {
    /// Guidance on assistants acting for members: TH 12.23, LC 7 (General).
    var assistantGuidance: [RuleReference] {
        guidanceReferences(["group-assistant-requests", "political-advisers-may-ask"])
    }

    /// Guidance that party workers have no entitlement to council information: TH 13.10.
    var partyWorkerGuidance: [RuleReference] {
        guidanceReferences(["party-workers"])
    }

    /// The confidentiality rule for enquiries (TH 12.19, LC 12), as a case records it.
    var enquiryConfidentialityReference: RuleReference {
        enquiries.confidentiality.reference(in: document)
    }
}
