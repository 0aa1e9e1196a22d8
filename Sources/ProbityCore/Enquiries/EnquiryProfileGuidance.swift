extension ProtocolProfile {
    /// The in-force guidance rules with these keys, in the order given; keys a profile does not
    /// carry are skipped (only some protocols say anything on the point).
    func enquiryGuidanceReferences(_ keys: [String]) -> [RuleReference] {
        keys.compactMap { key in
            guidance.first { $0.parameters.key == key && $0.inForce }?.reference(in: document)
        }
    }

    /// Guidance on assistants acting for members: TH 12.23, LC 7 (General).
    var assistantGuidance: [RuleReference] {
        enquiryGuidanceReferences(["group-assistant-requests", "political-advisers-may-ask"])
    }

    /// Guidance that party workers have no entitlement to council information: TH 13.10.
    var partyWorkerGuidance: [RuleReference] {
        enquiryGuidanceReferences(["party-workers"])
    }

    /// The confidentiality rule for enquiries (TH 12.19, LC 12), as a case records it.
    var enquiryConfidentialityReference: RuleReference {
        enquiries.confidentiality.reference(in: document)
    }
}
