import Foundation

/// Interests, close relationships and relationships to candidates engaged by an item's tags.
extension ConflictCheck {
    static func interestReason(_ declaration: Declaration, match: Match, person: PersonRef, item: PreparedItem,
                               context: Context) -> ConflictReason? {
        let rules = context.rules
        let org = context.org
        let isOfficer = if case .officer = person { true } else { false }
        let touched = describe(match.isDirect ? match.direct : match.area, org: org)
        switch declaration.kind {
        case .disclosablePecuniary(let category, let holder):
            var references: [RuleReference] = []
            if holder == .spouseOrPartner { references.append(Statute.spouseOrPartner) }
            if declaration.sensitivity.isWithheld { references.append(Statute.sensitiveInterests) }
            references += rules.declaringAtMeetings
            let whose = holder == .spouseOrPartner ? " Your spouse's or partner's interest counts as yours." : ""
            let interest = "a disclosable pecuniary interest (\(category.displayName.lowercased()))"
            if match.isDirect {
                return reason(.mustWithdraw, declaration, dispensable: true, rules: [Statute.pecuniaryInterestBar] + references,
                              "This item touches \(touched), in which you have \(interest).\(whose) You may not take part in the discussion or vote, and must leave the room where standing orders require it."
                              + sensitiveNote(declaration))
            }
            return reason(.mustDeclare, declaration, dispensable: true,
                          rules: [RegisterRules.areaInterestDefault, Statute.pecuniaryInterestBar] + references,
                          "This item concerns \(touched), where you have \(interest).\(whose) Declare it and ask the Monitoring Officer whether the item affects that interest: if it does, you may not take part."
                          + sensitiveNote(declaration))

        case .otherRegisterable, .nonRegisterable:
            if case .nonRegisterable(let meetingID, _) = declaration.kind, meetingID != context.matter.id { return nil }
            let significance = rules.significantInterest(officer: isOfficer)
            let label = declaration.kind.label.lowercased()
            guard match.isDirect else {
                return reason(.mustDeclare, declaration, dispensable: true, rules: [RegisterRules.areaInterestDefault, significance],
                              "This item concerns \(touched), where you have declared an interest (\(label)). Declare it and ask the Monitoring Officer whether the item affects it." + sensitiveNote(declaration))
            }
            let subject = match.direct.isEmpty ? "this item" : touched
            if declaration.judgedSignificant {
                return reason(.mustWithdraw, declaration, dispensable: true, rules: [significance] + rules.declaringAtMeetings,
                              "You have an interest in \(subject) (\(label)) judged so significant that a reasonable member of the public would think it likely to impair your judgement. Withdraw, take no part, and do not seek to influence the outcome." + sensitiveNote(declaration))
            }
            return reason(.mustDeclare, declaration, dispensable: true, rules: [significance] + rules.declaringAtMeetings,
                          "You have an interest in \(subject) (\(label)). Declare it. If a reasonable member of the public with all the facts would think it so significant as to impair your judgement, withdraw; ask the Monitoring Officer if in doubt." + sensitiveNote(declaration))

        case .closeRelationship(let relationship):
            return relationshipReason(declaration, relationship, match: match, person: person, touched: touched, context: context)

        case .recruitment(let link):
            return recruitmentReason(declaration, link, match: match, touched: touched, context: context)

        case .restriction:
            return nil
        }
    }

    private static func relationshipReason(_ declaration: Declaration, _ relationship: CloseRelationship, match: Match,
                                           person: PersonRef, touched: String, context: Context) -> ConflictReason? {
        let rules = context.rules
        guard let other = otherParty(of: declaration, for: person) else { return nil }
        let name = displayName(other, org: context.org)
        let nature = relationship.nature.displayName
        if case .member = person, case .officer = other {
            // TH 5.3: "a Councillor should not sit on a body or participate in any decision which
            // directly affects the Officer on a personal basis".
            let bar = rules.profile.declarations.relatedOfficerDecisionBar
            guard match.isDirect else {
                return reason(.mustDeclare, declaration, dispensable: false,
                              rules: (bar.inForce ? [rules.relatedOfficer] : [RegisterRules.areaInterestDefault]) + rules.relationshipGuidance,
                              "This item concerns \(touched), where \(name) works, with whom a close relationship (\(nature)) has been declared. Declare it; if the item directly affects them personally, take no part.")
            }
            if bar.inForce {
                return reason(.mustWithdraw, declaration, dispensable: false, rules: [rules.relatedOfficer],
                              "This item directly affects \(name), with whom a close relationship (\(nature)) has been declared. Take no part in a decision that directly affects them personally.")
            }
            return reason(.mustDeclare, declaration, dispensable: false, rules: [rules.relatedOfficer] + rules.relationshipGuidance,
                          "This item directly affects \(name), with whom a close relationship (\(nature)) has been declared. The protocol sets no bar, but declare the relationship and take care not to be seen to influence the outcome.")
        }
        let significance = rules.significantInterest(officer: { if case .officer = person { true } else { false } }())
        let extra = rules.profile.declarations.relatedOfficerDecisionBar.inForce ? [rules.relatedOfficer] : []
        guard match.isDirect else {
            return reason(.mustDeclare, declaration, dispensable: false, rules: [RegisterRules.areaInterestDefault, significance],
                          "This item concerns \(touched), connected with \(name), with whom a close relationship (\(nature)) has been declared. Declare it.")
        }
        if declaration.judgedSignificant || relationship.jeopardisesCouncilWork {
            return reason(.mustWithdraw, declaration, dispensable: false, rules: [significance] + extra,
                          "This item directly affects \(name), with whom a close relationship (\(nature)) has been declared and judged significant. Withdraw and take no part.")
        }
        return reason(.mustDeclare, declaration, dispensable: false, rules: [significance] + extra,
                      "This item directly affects \(name), with whom a close relationship (\(nature)) has been declared. Declare it, and withdraw if a reasonable member of the public would think it likely to impair your judgement.")
    }

    private static func recruitmentReason(_ declaration: Declaration, _ link: RecruitmentLink, match: Match,
                                          touched: String, context: Context) -> ConflictReason? {
        let rule = context.rules.profile.declarations.recruitment
        let reference = rule.inForce ? context.rules.recruitment : RegisterRules.recruitmentDefault
        let decider = rule.inForce ? "the \(rule.parameters.to.first?.displayName ?? "HR director")" : "the officer responsible for the appointment"
        guard match.isDirect else {
            return reason(.mustDeclare, declaration, dispensable: false, rules: [RegisterRules.areaInterestDefault, reference],
                          "This item concerns \(touched), connected with a candidate you are related to. Declare the relationship.")
        }
        let post = link.post.isEmpty ? "this post" : link.post
        guard let determination = link.determination else {
            return reason(.mustWithdraw, declaration, dispensable: false, rules: [reference],
                          "You have declared a relationship to a candidate for \(post). Take no further part in the selection or appointment until \(decider) decides whether you may.")
        }
        let note = determination.note.isEmpty ? "" : " (\(determination.note))"
        if determination.mayContinue {
            return reason(.mustDeclare, declaration, dispensable: false, rules: [reference],
                          "You have declared a relationship to a candidate for \(post). On \(determination.decidedOn.displayLong) \(decider) decided that you may continue\(note). Declare the relationship to the panel.")
        }
        return reason(.mustWithdraw, declaration, dispensable: false, rules: [reference],
                      "You have declared a relationship to a candidate for \(post). On \(determination.decidedOn.displayLong) \(decider) decided that you may take no further part in this selection or appointment\(note).")
    }

    // MARK: - Building reasons

    static func reason(_ outcome: ConflictOutcome, _ declaration: Declaration, dispensable: Bool, rules: [RuleReference],
                       _ explanation: String) -> ConflictReason {
        var seen: Set<String> = []
        let unique = rules.filter { seen.insert($0.ruleId).inserted }
        return ConflictReason(outcome: outcome, ruleOutcome: outcome, declarationID: declaration.id,
                              declarationLabel: declaration.kind.label, explanation: explanation, rules: unique,
                              dispensable: dispensable, dispensationID: nil, notes: [],
                              sensitive: declaration.sensitivity.isWithheld)
    }

    static func sensitiveNote(_ declaration: Declaration) -> String {
        declaration.sensitivity.isWithheld
            ? " The interest is sensitive: at the meeting say only that you have an interest, not its details." : ""
    }

    /// "land at 1 High Street and the body Acme Widgets Ltd".
    static func describe(_ tags: [InterestTag], org: OrgSnapshot) -> String {
        let phrases = tags.map { tag -> String in
            switch tag {
            case .person(let person): displayName(person, org: org)
            case .department(let id):
                org.services[id]?.name ?? org.directorates[id]?.name ?? "a department"
            default: tag.phrase
            }
        }
        var seen: Set<String> = []
        let unique = phrases.filter { seen.insert($0).inserted }
        switch unique.count {
        case 0: return "this item"
        case 1: return unique[0]
        default: return unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "")
        }
    }

    static func displayName(_ person: PersonRef, org: OrgSnapshot) -> String {
        switch person {
        case .officer(let id): org.officers[id]?.name ?? "an officer"
        case .member(let id): org.members[id].map { memberTitle($0.name) } ?? "a member"
        }
    }

    /// "Cllr Ann Smith", leaving a name that already has a title as it is.
    static func memberTitle(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        for title in ["Cllr", "Councillor", "Mayor"] where trimmed.hasPrefix(title + " ") { return trimmed }
        return "Cllr \(trimmed)"
    }
}
