import Foundation

/// Restrictions, which act on kinds of business (council tax setting, rents, staff
/// negotiations), and the bars that stand against a member on every item of a matter.
extension ConflictCheck {
    static func restrictionReasons(_ declaration: Declaration, match: Match, person: PersonRef, item: PreparedItem,
                                   context: Context) -> [ConflictReason] {
        guard case .restriction(let restriction) = declaration.kind, case .member = person else { return [] }
        let rules = context.rules
        switch restriction {
        case .councilTaxArrears(let months):
            // LGFA 1992 s.106; TH 3.29–3.30: disclose the fact, and do not vote.
            guard months >= rules.councilTaxArrearsMonths, item.has(.councilTaxSetting) else { return [] }
            return [reason(.maySpeakNotVote, declaration, dispensable: false, rules: [rules.councilTaxArrears, Statute.councilTaxArrears],
                           "Your council tax has been unpaid for \(months) months. Say so at the start of the item; you may speak but must not vote on it.")]

        case .councilTenancy(_, let rentArrearsMonths):
            // TH 3.28: declare the tenancy; speak and vote on general housing matters unless the
            // item relates solely to the member's home; no vote on rents when two months or more
            // in rent arrears.
            if match.isDirect {
                return [reason(.mustWithdraw, declaration, dispensable: true, rules: [rules.councilTenancy, Statute.pecuniaryInterestBar],
                               "This item concerns your own home, which you rent from the council. Declare the tenancy and take no part.")]
            }
            if item.has(.housingRents), rentArrearsMonths >= RentArrears.votingBarMonths {
                return [reason(.maySpeakNotVote, declaration, dispensable: false, rules: [rules.councilTenancy],
                               "You are a council tenant \(rentArrearsMonths) months in arrears with your rent. Declare the tenancy; you may speak but must not vote on council rents.")]
            }
            if item.has(.housingRents) || item.has(.councilHousing) {
                return [reason(.mustDeclare, declaration, dispensable: false, rules: [rules.councilTenancy],
                               "Declare your council tenancy. You may speak and vote on general housing matters.")]
            }
            return []

        case .tradeUnion(let union, let role):
            // TH 14.9: officials and employees of a trade union represented at the council do not
            // serve on bodies that negotiate with the unions.
            if item.has(.staffNegotiations) {
                return [reason(.mustWithdraw, declaration, dispensable: false, rules: [rules.tradeUnionNegotiations],
                               "You are \(role == .official ? "an official" : "an employee") of \(union). Take no part in negotiations with staff and the trade unions.")]
            }
            if match.isDirect {
                return [reason(.mustDeclare, declaration, dispensable: false, rules: [rules.significantInterest(officer: false)],
                               "This item concerns \(union), of which you are \(role == .official ? "an official" : "an employee"). Declare it.")]
            }
            return []

        case .otherAuthorityEmployment(let authority):
            // TH 14.9: "The same restriction applies to a Councillor employed by another local authority."
            guard item.has(.staffNegotiations) else { return [] }
            return [reason(.mustWithdraw, declaration, dispensable: false, rules: [rules.tradeUnionNegotiations],
                           "You are employed by \(authority). Take no part in negotiations with staff and the trade unions.")]

        case .politicallyRestrictedPost:
            return []  // a standing bar on every item: see standingReasons
        }
    }

    /// Bars that apply to a member on every item of the matter, whatever it touches.
    static func standingReasons(person: PersonRef, entries: DeclarationIndex.Entries, current: (Int) -> Bool,
                                index: DeclarationIndex, context: Context) -> [ConflictReason] {
        guard case .member = person else { return [] }
        let rules = context.rules
        var reasons: [ConflictReason] = []
        for position in entries.restrictions where current(position) {
            let declaration = index.declarations[position]
            guard case .restriction(.politicallyRestrictedPost(let post, let authority)) = declaration.kind else { continue }
            reasons.append(reason(.mustWithdraw, declaration, dispensable: false,
                                  rules: [Statute.politicalRestriction] + [rules.politicallyRestrictedPosts].compactMap { $0 },
                                  "You have declared that you hold a politically restricted post (\(post), \(authority)), which disqualifies you from being a member. Take no part, and speak to the Monitoring Officer."))
        }
        // TH 14.15: no seat on the committee for a department where a spouse, partner or close
        // relative does significant work, or where the relationship would jeopardise the council's work.
        let bar = rules.profile.declarations.relativeInDepartmentBarsCommittee
        if bar.inForce, let committee = context.matter.committee, !committee.departments.isEmpty {
            for position in entries.relationships where current(position) {
                let declaration = index.declarations[position]
                guard let relationship = declaration.kind.relationship, relationship.barsDepartmentCommittee,
                      let other = otherParty(of: declaration, for: person), case .officer = other else { continue }
                let shared = officerDepartments(of: declaration, for: person, org: context.org).intersection(committee.departments)
                guard !shared.isEmpty else { continue }
                let departments = describe(shared.sorted { $0.uuidString < $1.uuidString }.map(InterestTag.department), org: context.org)
                reasons.append(reason(.mustWithdraw, declaration, dispensable: false, rules: [rules.relativeInDepartment],
                                      "\(displayName(other, org: context.org)), with whom you have declared a close relationship (\(relationship.nature.displayName)), does significant work in \(departments), for which \(committee.name) is responsible. You should not sit on this committee."))
            }
        }
        return reasons
    }
}
