/// The sections of a profile, in schema order.
public enum ProfileSection: String, Sendable, Hashable, Codable, CaseIterable {
    case enquiries, complaints, declarations, information, briefings, notifications, guidance

    public var displayName: String {
        switch self {
        case .enquiries: "Members' enquiries"
        case .complaints: "Complaints"
        case .declarations: "Declarations"
        case .information: "Access to information"
        case .briefings: "Party group briefings"
        case .notifications: "Notifications and media"
        case .guidance: "Guidance"
        }
    }
}

/// One rule, flattened for the protocol page, comparisons, the API and `probity protocol show`.
public struct RuleSummary: Sendable, Hashable, Codable, Identifiable {
    /// e.g. `enquiries.responseDeadline`, `complaints.routes.member-about-officer`.
    public var id: String
    public var section: ProfileSection
    /// Human label, e.g. "Response deadline".
    public var title: String
    public var statement: String
    /// "Tower Hamlets protocol 13.5" or "Probity default (protocol silent)".
    public var citation: String
    public var isSilent: Bool
    /// For a silent rule: why Probity's default applies.
    public var silentReason: String?
    public var inForce: Bool
    /// Short rendering of the parameters ("10 working days"); empty for a rule without any.
    public var parameters: String

    public init(
        id: String, section: ProfileSection, title: String, statement: String, citation: String,
        isSilent: Bool, silentReason: String?, inForce: Bool, parameters: String
    ) {
        self.id = id
        self.section = section
        self.title = title
        self.statement = statement
        self.citation = citation
        self.isSilent = isSilent
        self.silentReason = silentReason
        self.inForce = inForce
        self.parameters = parameters
    }

    /// What a case records when the rule acts on it.
    public var reference: RuleReference {
        RuleReference(ruleId: id, statement: statement, citation: citation)
    }
}

extension ProtocolProfile {
    /// Every rule in schema order (routes after the complaints acknowledgement deadline, guidance last).
    public var allRules: [RuleSummary] {
        ruleSlots.map { $0.summary(self) }
    }

    /// Every rule id, in schema order.
    public var ruleIds: [String] { ruleSlots.map(\.id) }

    public func rule(withId id: String) -> RuleSummary? {
        ruleSlots.first { $0.id == id }?.summary(self)
    }

    /// The identity and citation of a rule, for recording on a case.
    public func reference(for ruleId: String) -> RuleReference? {
        rule(withId: ruleId)?.reference
    }
}

/// One rule's place in a profile: its id, label, and typed access to read or replace it.
struct RuleSlot {
    let id: String
    let section: ProfileSection
    let title: String
    let summary: (ProtocolProfile) -> RuleSummary
    /// Reads the rule from `field` and puts it in the profile; false once a problem is reported.
    let replace: (inout ProtocolProfile, Field, YAMLReader) -> Bool
}

extension RuleSummary {
    init<P: ProfileParameters>(_ rule: Rule<P>, section: ProfileSection, title: String, document: SourceDocument) {
        self.init(
            id: rule.id, section: section, title: title, statement: rule.statement,
            citation: rule.citationText(in: document), isSilent: rule.source.isSilent,
            silentReason: rule.source.silentReason, inForce: rule.inForce, parameters: rule.parameters.summary
        )
    }
}

extension RuleSlot {
    static func fixed<P: ProfileParameters>(
        _ section: ProfileSection, _ key: String, _ title: String, _ path: WritableKeyPath<ProtocolProfile, Rule<P>>
    ) -> RuleSlot {
        let id = "\(section.rawValue).\(key)"
        return RuleSlot(
            id: id, section: section, title: title,
            summary: { profile in RuleSummary(profile[keyPath: path], section: section, title: title, document: profile.document) },
            replace: { profile, field, reader in
                guard let rule: Rule<P> = reader.rule(field, id: id) else { return false }
                profile[keyPath: path] = rule
                return true
            }
        )
    }

    static func route(_ route: Rule<ComplaintRoute>) -> RuleSlot {
        let id = route.id
        let key = route.parameters.key
        return RuleSlot(
            id: id, section: .complaints, title: route.parameters.title,
            summary: { profile in
                let current = profile.complaints.routes.first { $0.id == id } ?? route
                return RuleSummary(current, section: .complaints, title: current.parameters.title, document: profile.document)
            },
            replace: { profile, field, reader in
                guard let replacement = reader.complaintRoute(field, id: id) else { return false }
                let new = replacement.parameters
                guard new.key == key else {
                    reader.report(YAMLReader.join(field.path, "key"), at: field.mark, "must stay '\(key)': an override replaces the rule it names")
                    return false
                }
                guard let index = profile.complaints.routes.firstIndex(where: { $0.id == id }) else { return false }
                if let clash = profile.complaints.routes.first(where: {
                    $0.id != id && $0.parameters.complainant == new.complainant && $0.parameters.about == new.about
                }) {
                    reader.report(YAMLReader.join(field.path, "about"), at: field.mark,
                                  "route '\(clash.parameters.key)' already covers complaints by \(new.complainant.phrase) about \(new.about.phrase): give one route per pair")
                    return false
                }
                profile.complaints.routes[index] = replacement
                return true
            }
        )
    }

    static func guidance(_ guidance: Rule<GuidanceParameters>) -> RuleSlot {
        let id = guidance.id
        let key = guidance.parameters.key
        return RuleSlot(
            id: id, section: .guidance, title: guidance.parameters.title,
            summary: { profile in
                let current = profile.guidance.first { $0.id == id } ?? guidance
                return RuleSummary(current, section: .guidance, title: current.parameters.title, document: profile.document)
            },
            replace: { profile, field, reader in
                guard let replacement = reader.guidanceRule(field, id: id) else { return false }
                guard replacement.parameters.key == key else {
                    reader.report(YAMLReader.join(field.path, "key"), at: field.mark, "must stay '\(key)': an override replaces the rule it names")
                    return false
                }
                guard let index = profile.guidance.firstIndex(where: { $0.id == id }) else { return false }
                profile.guidance[index] = replacement
                return true
            }
        )
    }
}

extension ProtocolProfile {
    /// Every rule of this profile, in schema order.
    var ruleSlots: [RuleSlot] {
        var slots: [RuleSlot] = [
            .fixed(.enquiries, "responseDeadline", "Response deadline", \.enquiries.responseDeadline),
            .fixed(.enquiries, "acknowledgementDeadline", "Acknowledgement deadline", \.enquiries.acknowledgementDeadline),
            .fixed(.enquiries, "delayNotice", "Member told of delays", \.enquiries.delayNotice),
            .fixed(.enquiries, "routing", "Who handles an enquiry", \.enquiries.routing),
            .fixed(.enquiries, "coveringSheet", "Covering sheet", \.enquiries.coveringSheet),
            .fixed(.enquiries, "replyRoutes", "Reply routes", \.enquiries.replyRoutes),
            .fixed(.enquiries, "refusedPurposes", "Purposes refused at intake", \.enquiries.refusedPurposes),
            .fixed(.enquiries, "noQueueJumping", "No queue jumping", \.enquiries.noQueueJumping),
            .fixed(.enquiries, "chasing", "Chasing overdue enquiries", \.enquiries.chasing),
            .fixed(.enquiries, "volumeIndicator", "High-volume indicator", \.enquiries.volumeIndicator),
            .fixed(.enquiries, "confidentiality", "Who else may see an enquiry", \.enquiries.confidentiality),
            .fixed(.enquiries, "correspondenceConsent", "Consent to copy correspondence", \.enquiries.correspondenceConsent),
            .fixed(.complaints, "acknowledgementDeadline", "Acknowledgement deadline", \.complaints.acknowledgementDeadline),
        ]
        slots += complaints.routes.map(RuleSlot.route)
        slots += [
            .fixed(.complaints, "informalLadder", "Informal resolution ladder", \.complaints.informalLadder),
            .fixed(.complaints, "referral", "Referral for independent assessment", \.complaints.referral),
            .fixed(.complaints, "needToKnow", "Who needs to know a complaint's details", \.complaints.needToKnow),
            .fixed(.complaints, "complainantIdentityProtected", "Complainant's identity protected", \.complaints.complainantIdentityProtected),
            .fixed(.complaints, "improperInfluence", "Improper influence on an officer", \.complaints.improperInfluence),
            .fixed(.complaints, "monitoring", "Monitoring of complaints", \.complaints.monitoring),
            .fixed(.complaints, "repeatedComplaintsIndicator", "Repeated complaints indicator", \.complaints.repeatedComplaintsIndicator),
            .fixed(.declarations, "registrationPeriod", "Registration period", \.declarations.registrationPeriod),
            .fixed(.declarations, "memberRelationshipRecipients", "Member's close relationship: who is told", \.declarations.memberRelationshipRecipients),
            .fixed(.declarations, "officerRelationshipRecipients", "Officer's close relationship: who is told", \.declarations.officerRelationshipRecipients),
            .fixed(.declarations, "recruitment", "Relationships with candidates in recruitment", \.declarations.recruitment),
            .fixed(.declarations, "councilTaxArrearsMonths", "Council tax arrears bar on budget votes", \.declarations.councilTaxArrearsMonths),
            .fixed(.declarations, "relativeInDepartmentBarsCommittee", "Relative in a department bars its committee", \.declarations.relativeInDepartmentBarsCommittee),
            .fixed(.declarations, "relatedOfficerDecisionBar", "No part in decisions on a related officer", \.declarations.relatedOfficerDecisionBar),
            .fixed(.information, "needToKnowDecision", "Need-to-know decisions", \.information.needToKnowDecision),
            .fixed(.information, "fishingRefused", "Fishing requests refused", \.information.fishingRefused),
            .fixed(.information, "redactedRelease", "Redacted release", \.information.redactedRelease),
            .fixed(.information, "freedomOfInformationRoute", "Freedom of Information route offered", \.information.freedomOfInformationRoute),
            .fixed(.information, "draftsAdministrationOnly", "Drafts for the administration only", \.information.draftsAdministrationOnly),
            .fixed(.information, "partyConfidence", "Party-political confidence", \.information.partyConfidence),
            .fixed(.briefings, "gatekeeper", "Who receives briefing requests", \.briefings.gatekeeper),
            .fixed(.briefings, "offerToOtherGroups", "Briefings offered to other groups", \.briefings.offerToOtherGroups),
            .fixed(.briefings, "nonCouncillorAttendance", "Non-councillors at briefings", \.briefings.nonCouncillorAttendance),
            .fixed(.briefings, "factsAndOptionsOnly", "Facts and options only", \.briefings.factsAndOptionsOnly),
            .fixed(.briefings, "officerLeavesBeforeDecision", "Officer leaves before decisions", \.briefings.officerLeavesBeforeDecision),
            .fixed(.briefings, "officerMayDecline", "Officer may decline to attend", \.briefings.officerMayDecline),
            .fixed(.notifications, "privateTime", "Private time", \.notifications.privateTime),
            .fixed(.notifications, "wardMatters", "Ward members told of ward matters", \.notifications.wardMatters),
            .fixed(.notifications, "preElectionMeetings", "Pre-election public meetings", \.notifications.preElectionMeetings),
            .fixed(.notifications, "delegatedDecisionConsultation", "Consultation on delegated decisions", \.notifications.delegatedDecisionConsultation),
            .fixed(.notifications, "lettersInMembersName", "Letters in a member's name", \.notifications.lettersInMembersName),
            .fixed(.notifications, "mediaClearance", "Media clearance", \.notifications.mediaClearance),
            .fixed(.notifications, "departmentVisits", "Member visits to departments", \.notifications.departmentVisits),
        ]
        slots += guidance.map(RuleSlot.guidance)
        return slots
    }
}
