/// The profile rules access-to-information decisions cite. Guidance rules are cited only where
/// the profile carries them (most are Tower Hamlets'); rules not in force are never cited as a
/// ground, so a decision under a silent protocol gives its reason in plain words instead.
extension ProtocolProfile {
    /// The in-force guidance rules with these keys, in the order given.
    func informationGuidance(_ keys: String...) -> [RuleReference] {
        guidanceReferences(keys)
    }

    /// The rule's reference if it is in force, else nothing.
    func referenceIfInForce<P>(_ rule: Rule<P>) -> [RuleReference] {
        rule.inForce ? [rule.reference(in: document)] : []
    }

    /// Need to know as a common law right and its test (TH 12.8–12.10; LE 34; Wigan 6.4).
    var needToKnowTestReferences: [RuleReference] {
        let guidance = informationGuidance("need-to-know-test")
        return guidance.isEmpty ? referenceIfInForce(information.needToKnowDecision) : guidance
    }

    /// Committee members' need to know their body's Part II items (TH 12.6(ii)).
    var committeeNeedToKnowReferences: [RuleReference] {
        let guidance = informationGuidance("committee-members-need-to-know")
        return guidance.isEmpty ? referenceIfInForce(information.needToKnowDecision) : guidance
    }

    /// Scrutiny members' prima facie need to know (TH 12.6(iii); LE 18).
    var scrutinyNeedToKnowReferences: [RuleReference] {
        let guidance = informationGuidance("committee-members-need-to-know", "scrutiny-requests")
        return guidance.isEmpty ? referenceIfInForce(information.needToKnowDecision) : guidance
    }

    /// A member with a financial or personal interest has only a private individual's access
    /// (TH 12.6(i), 12.7); elsewhere, a personal motive is no need to know (Wigan 6.4; LE 34).
    var personalInterestReferences: [RuleReference] {
        let guidance = informationGuidance("information-personal-interest")
        return guidance.isEmpty ? referenceIfInForce(information.fishingRefused) : guidance
    }

    /// Another group's internal documents (TH 12.14) and party-political confidence (TH 6.4(vi), LE 12–17, LC 6).
    var otherGroupReferences: [RuleReference] {
        informationGuidance("other-groups-documents") + referenceIfInForce(information.partyConfidence)
    }

    /// Use limited to the purpose; marked confidential (TH 12.16).
    var confidentialUseReferences: [RuleReference] { informationGuidance("confidential-information-use") }

    var personalRecordsReferences: [RuleReference] { informationGuidance("personal-records-not-accessible") }

    var partyWorkerReferences: [RuleReference] { informationGuidance("party-workers") }

    /// Assistants act for named councillors of their group (TH 12.23; LC 7).
    var assistantReferences: [RuleReference] {
        informationGuidance("group-assistant-requests", "political-advisers-may-ask")
    }

    /// Officers' duty of confidentiality (TH 12.15, 12.17, 12.18).
    var officerConfidentialityReferences: [RuleReference] { informationGuidance("confidentiality-breach") }
}
