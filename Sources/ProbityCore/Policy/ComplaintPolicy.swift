import Foundation

/// Who may see what of a complaint, breach report or improper-influence report.
///
/// Complaints are kept "with the strictest of confidence and on a 'need to know' basis" (LC 13
/// "Confidentiality"). People are checked in this order; the first that applies decides, except
/// that the partial audiences (witness, informed, monitoring) add together:
///
/// 1. No directory person (group assistants, party workers, administrators): nothing.
/// 2. The person complained about: the allegation as the investigator discloses it, the stage
///    and the outcome; nothing before disclosure; never who complained unless told (LC 13).
/// 3. The complainant: their own complaint, its stage, the acknowledgement and the outcome as
///    told to them. Never the investigation's details or the handler's summary (LC 13: "no right
///    to detailed information about the investigation"; TH 14.5). An officer complaining about a
///    member also sees whether a formal complaint goes to the Monitoring Officer (LC 13). This
///    holds even when the complainant is also one who needs to know, such as the Chair.
/// 4. Handlers, investigators, the independent assessor, those copied in by the route, and the
///    roles in `complaints.needToKnow` (LC 13: the Chief Executive and the Chair): everything.
/// 5. Witnesses: only the items given to them (LC 13).
/// 6. Those the route informs (LC 13: the Party Group Leader): that there is a complaint, about
///    whom, its kind, category and stage.
/// 7. The officer monitoring complaints (`complaints.monitoring`, LC 13 "Monitoring complaints"):
///    kind, category, route, stage, timeliness and outcome of every case — what monitoring and
///    the Standards Committee summary need — but no narrative and no names. Identities are
///    disclosed only on a need-to-know basis, and counting cases does not need them; the
///    repeated-complaints indicator names a complainant only where the profile has it in force.
/// 8. Everyone else (other members and officers): nothing.
///
/// Who complained is shown beyond the complainant and those with full access only where the
/// investigator has disclosed it to that person, whatever the profile: disclosure is on a
/// need-to-know basis (LC 13), and where a profile's `complainantIdentityProtected` is in force
/// its citation is given with the decision.
///
/// Every answer carries an audit entry: every look at a complaint is recorded.
public enum ComplaintPolicy {
    public static func view(
        for viewer: Viewer, facts: ComplaintAccessFacts, profile: ProtocolProfile, org: OrgSnapshot
    ) -> ComplaintAccess {
        let rules = profile.complaints
        let document = profile.document
        let confidentiality = rules.needToKnow.reference(in: document)
        let identityRule = rules.complainantIdentityProtected.inForce
            ? [rules.complainantIdentityProtected.reference(in: document)] : []
        let route = facts.routeRuleId.flatMap { id in rules.routes.first { $0.id == id } }
        let routeReference = facts.routeRuleId.flatMap { profile.reference(for: $0) }

        guard let person = viewer.asPerson else {
            let reason = switch viewer.kind {
            case .assistant: "Group assistants do not see complaints: they are kept in the strictest confidence, on a need-to-know basis."
            case .partyWorker: "Party workers have no entitlement to council information, and complaints are kept in the strictest confidence."
            case .member, .officer, .none: "Only people in the directory with a part in a complaint may see it."
            }
            return access(viewer, .none, .deny(reason, rules: [confidentiality]))
        }

        // 2. The person complained about.
        if person == facts.subject {
            guard facts.allegationDisclosedToSubject else {
                return access(viewer, .none, .deny(
                    "The investigator has not yet disclosed the allegation to you.", rules: [confidentiality] + identityRule))
            }
            var fields: Set<ComplaintField> = [.kind, .category, .stage, .subjectIdentity, .disclosedAllegation, .outcome]
            var reasons = ["You are the person the complaint is about: you see the allegation as the investigator has disclosed it, and its progress and outcome."]
            if facts.complainantIdentityDisclosedTo.contains(person) {
                fields.insert(.complainantIdentity)
                reasons.append("The investigator has told you who made the complaint.")
            } else {
                reasons.append("Who made the complaint is not shown: it is disclosed only on a need-to-know basis.")
            }
            return access(viewer, ComplaintView(audiences: [.subject], fields: fields),
                          Decision(allowed: true, reasons: reasons, rules: identityRule + [confidentiality]))
        }

        // 3. The complainant.
        if person == facts.complainant {
            var fields: Set<ComplaintField> = [.kind, .category, .stage, .timeliness, .route, .complainantIdentity,
                                               .subjectIdentity, .complaintText, .acknowledgement, .outcome,
                                               .complainantStatement]
            var reasons = ["You made this \(facts.kind.displayName): you see it, its progress, the acknowledgement and the outcome."]
            if facts.complainant.complainantKind == .officer, facts.subject.complainantKind == .member {
                fields.insert(.monitoringOfficerDecision)
                reasons.append("You are told whether a formal complaint will go to the Monitoring Officer, but not the details of the investigation.")
            } else {
                reasons.append("You are told the outcome, but not the details of any investigation or disciplinary action.")
            }
            let learns = route?.parameters.complainantLearns
            if let learns { reasons.append("The protocol says you may learn: \(learns)") }
            return access(viewer, ComplaintView(audiences: [.complainant], fields: fields, complainantLearns: learns),
                          Decision(allowed: true, reasons: reasons, rules: [routeReference].compactMap { $0 }))
        }

        // 4. Those who need to know.
        if facts.handlers.contains(person) {
            return access(viewer, full, .allow("You are handling or investigating this complaint, so need to know its full details.",
                                               rules: [routeReference, confidentiality].compactMap { $0 }))
        }
        if facts.copiedTo.contains(person) {
            return access(viewer, full, .allow("The protocol's route sends you a copy of this complaint.",
                                               rules: [routeReference, confidentiality].compactMap { $0 }))
        }
        let parties = org.complaintParties(complainant: facts.complainant, subject: facts.subject)
        if rules.needToKnow.inForce,
           let role = rules.needToKnow.parameters.roles.first(where: { org.resolve($0, parties: parties).people.contains(person) }) {
            return access(viewer, full, .allow("As \(role.displayName) you are one of those who need to know the full details of complaints.",
                                               rules: [confidentiality]))
        }

        // 5–7. Partial audiences, added together.
        var audiences: [ComplaintAudience] = []
        var fields: Set<ComplaintField> = []
        var reasons: [String] = []
        var decisionRules: [RuleReference] = []
        var items: Set<UUID> = []
        let toldIdentity = facts.complainantIdentityDisclosedTo.contains(person)
        if let given = facts.witnessItems[person], !given.isEmpty {
            audiences.append(.witness)
            fields.insert(.sharedItems)
            items = given
            reasons.append("You are a witness: you see only what you have been given to give evidence, and must keep it in the strictest confidence.")
            decisionRules.append(confidentiality)
        }
        if facts.informed.contains(person) {
            audiences.append(.informed)
            fields.formUnion([.kind, .category, .stage, .subjectIdentity])
            reasons.append("The protocol's route tells you of this complaint, but not its details.")
            if let routeReference { decisionRules.append(routeReference) }
        }
        if rules.monitoring.inForce, org.resolveAll(rules.monitoring.parameters.to, parties: parties).contains(person) {
            audiences.append(.monitoring)
            fields.formUnion([.kind, .category, .stage, .timeliness, .route, .outcome])
            reasons.append("You monitor complaints: you see every case's route, stage, timeliness and outcome, but not its content or who is involved.")
            decisionRules.append(rules.monitoring.reference(in: document))
        }
        if !audiences.isEmpty {
            if toldIdentity, audiences.contains(where: { $0 != .monitoring }) { fields.insert(.complainantIdentity) }
            else { reasons.append("Who made the complaint is not shown.") }
            return access(viewer, ComplaintView(audiences: audiences, fields: fields, sharedItemIDs: items),
                          Decision(allowed: true, reasons: reasons, rules: uniqued(decisionRules + identityRule)))
        }

        // 8. Everyone else.
        return access(viewer, .none, .deny(
            "Complaints are kept in the strictest confidence, on a need-to-know basis, and you have no part in this one.",
            rules: [confidentiality]))
    }

    /// Whether `viewer` may see the repeated-complaints indicator (Wigan 5.4): the officers who
    /// monitor complaints under `complaints.monitoring`, or, where the profile names no one to
    /// monitor complaints, holders of the `complaints-officer` designation (Wigan 5.3 names a
    /// complaints officer; Probity default). Nobody when the indicator is not in force.
    public static func mayViewRepeatedComplaintsIndicator(
        _ viewer: Viewer, profile: ProtocolProfile, org: OrgSnapshot
    ) -> Decision {
        let rule = profile.complaints.repeatedComplaintsIndicator
        let reference = rule.reference(in: profile.document)
        guard rule.inForce else {
            return .deny("The protocol sets no indicator for repeated complaints.", rules: [reference])
        }
        let monitoring = profile.complaints.monitoring
        let monitors: [PersonRef] = monitoring.inForce
            ? org.resolveAll(monitoring.parameters.to, parties: CaseParties())
            : org.holders(of: .complaintsOfficer).map { .officer($0) }
        let rules = monitoring.inForce ? [reference, monitoring.reference(in: profile.document)] : [reference]
        guard let person = viewer.asPerson, monitors.contains(person) else {
            return .deny("Only the officer who monitors complaints sees the repeated-complaints indicator.", rules: rules)
        }
        return .allow("You monitor complaints, so you see the repeated-complaints indicator: an indicator only, never an accusation.", rules: rules)
    }

    /// Whether `viewer` may produce the Standards Committee summary and see every case's stage
    /// and timeliness: the officers `complaints.monitoring` names (LC 13 "Monitoring complaints";
    /// Hackney 5.17).
    public static func mayMonitor(_ viewer: Viewer, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let monitoring = profile.complaints.monitoring
        let reference = monitoring.reference(in: profile.document)
        guard monitoring.inForce else {
            return .deny("The protocol names no officer to monitor complaints.", rules: [reference])
        }
        guard let person = viewer.asPerson,
              org.resolveAll(monitoring.parameters.to, parties: CaseParties()).contains(person) else {
            return .deny("Only the officer who monitors complaints sees every case and the Standards Committee summary.", rules: [reference])
        }
        return .allow("You monitor complaints.", rules: [reference])
    }

    // MARK: Helpers

    private static let full = ComplaintView(audiences: [.full], fields: Set(ComplaintField.allCases))

    private static func access(_ viewer: Viewer, _ view: ComplaintView, _ decision: Decision) -> ComplaintAccess {
        let summary = decision.allowed
            ? "Viewed as \(view.audiences.map(\.rawValue).joined(separator: " and ")): \(decision.explanation)"
            : "Refused: \(decision.explanation)"
        return ComplaintAccess(
            view: view, decision: decision,
            audit: ComplaintAuditEntry(viewer: viewer.asPerson, viewerKind: viewer.kind, audience: view.audience,
                                       allowed: decision.allowed, summary: summary))
    }

    private static func uniqued(_ references: [RuleReference]) -> [RuleReference] {
        var seen: Set<String> = []
        return references.filter { seen.insert($0.ruleId).inserted }
    }
}
