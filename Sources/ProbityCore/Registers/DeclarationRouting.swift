/// Who receives a declaration.
///
/// - A member's close relationship with an officer goes where the profile's
///   `declarations.memberRelationshipRecipients` says (LC 9: the Leader of their Party Group;
///   TH 5.2, 14.14: the party whip); an officer's goes where `officerRelationshipRecipients`
///   says (LC 9: the Chief Executive; TH 14.14: their manager; Leicestershire 8: as for a
///   relationship with another employee, their line manager). The rule's `inform` list (TH 5.2:
///   the Monitoring Officer) is told only when the declarant says the relationship might be
///   seen as unduly influencing their work, which is when TH 5.2 asks for it.
/// - A relationship to a candidate goes where `declarations.recruitment` says (TH 14.2: the HR
///   director, who records it and decides whether the declarant may continue).
/// - Interests and restrictions go to the Monitoring Officer, who keeps the register
///   (Localism Act 2011 ss.29–30).
///
/// Where the profile's rule is not in force, the declaration goes to nobody beyond the register,
/// which the Monitoring Officer sees; the route says so.
public enum DeclarationRouting {
    public static func route(_ declaration: Declaration, profile: ProtocolProfile, org: OrgSnapshot) -> DeclarationRoute {
        route(declaration, rules: RegisterRules(profile: profile), org: org)
    }

    static func route(_ declaration: Declaration, rules: RegisterRules, org: OrgSnapshot) -> DeclarationRoute {
        let profile = rules.profile
        switch declaration.kind {
        case .closeRelationship(let relationship):
            let rule: Rule<Routing>
            let reference: RuleReference
            if case .officer = declaration.declarant {
                rule = profile.declarations.officerRelationshipRecipients
                reference = rules.officerRelationships
            } else {
                rule = profile.declarations.memberRelationshipRecipients
                reference = rules.memberRelationships
            }
            return routed(declaration, rule: rule, reference: reference, parties: parties(declaration, relationship),
                          undueInfluence: relationship.mightBeSeenAsUndulyInfluencing, org: org,
                          guidance: rules.relationshipGuidance)
        case .recruitment:
            let rule = profile.declarations.recruitment
            let parties = CaseParties([.declarant: party(declaration.declarant)])
            return routed(declaration, rule: rule, reference: rules.recruitment, parties: parties, undueInfluence: false,
                          org: org, guidance: [])
        case .disclosablePecuniary, .otherRegisterable, .nonRegisterable, .restriction:
            let officers = org.holders(of: .monitoringOfficer).map(PersonRef.officer)
            var route = DeclarationRoute(
                declarationID: declaration.id, to: officers, copyTo: [], informed: [], informedIfUndueInfluence: [],
                rules: [Statute.registerOfInterests, Statute.registration], unresolved: [], notes: [])
            if officers.isEmpty { route.unresolved.append("Nobody in the directory is monitoring officer.") }
            if case .restriction(.councilTaxArrears) = declaration.kind {
                route.rules = [Statute.registerOfInterests, rules.councilTaxArrears, Statute.councilTaxArrears]
            }
            return route
        }
    }

    private static func routed(
        _ declaration: Declaration, rule: Rule<Routing>, reference: RuleReference, parties: CaseParties,
        undueInfluence: Bool, org: OrgSnapshot, guidance: [RuleReference]
    ) -> DeclarationRoute {
        var route = DeclarationRoute(
            declarationID: declaration.id, to: [], copyTo: [], informed: [], informedIfUndueInfluence: [],
            rules: [reference] + guidance, unresolved: [], notes: [])
        guard rule.inForce else {
            route.notes.append("The protocol names nobody to receive this declaration. It is kept on the register, where only you and the Monitoring Officer can see it.")
            return route
        }
        let routing = rule.parameters
        let resolved = routing.to.map { org.resolve($0, parties: parties) }
        route.to = unique(resolved.flatMap(\.people))
        route.unresolved = resolved.compactMap(\.unresolved)
        // LC 9: "the Leader of their Party Group, or another Member of the group if so designated";
        // a member with no group has no leader or whip to tell.
        route.copyTo = unique(org.resolveAll(routing.copyTo, parties: parties)).filter { !route.to.contains($0) }
        let inform = unique(org.resolveAll(routing.inform, parties: parties)).filter { !route.to.contains($0) }
        route.informedIfUndueInfluence = inform
        if undueInfluence { route.informed = inform }
        route.to.removeAll { $0 == declaration.declarant }
        route.copyTo.removeAll { $0 == declaration.declarant }
        route.informed.removeAll { $0 == declaration.declarant }
        if route.to.isEmpty {
            route.notes.append("Nobody in the directory holds the post the protocol names, so the Monitoring Officer should be asked who receives it.")
        }
        return route
    }

    /// The declarant, and the other person as `officer` or `member`, so `declarant.group-leader`,
    /// `declarant.line-manager` and `officer.line-manager` resolve.
    private static func parties(_ declaration: Declaration, _ relationship: CloseRelationship) -> CaseParties {
        var parties = CaseParties([.declarant: party(declaration.declarant)])
        for person in [declaration.declarant, relationship.with] {
            switch person {
            case .officer(let id): if parties[.officer] == nil { parties[.officer] = .officer(id) }
            case .member(let id): if parties[.member] == nil { parties[.member] = .member(id) }
            }
        }
        return parties
    }

    private static func party(_ person: PersonRef) -> PartyRef {
        switch person {
        case .officer(let id): .officer(id)
        case .member(let id): .member(id)
        }
    }

    private static func unique(_ people: [PersonRef]) -> [PersonRef] {
        var seen: Set<PersonRef> = []
        return people.filter { seen.insert($0).inserted }
    }
}
