import Foundation

/// The dispensations a conflict check honours, and how they ease a reason.
struct DispensationBook: Sendable {
    let dispensations: [Dispensation]
    let matter: Matter
    let valid: Set<UUID>

    init(_ dispensations: [Dispensation], matter: Matter, org: OrgSnapshot) {
        self.dispensations = dispensations
        self.matter = matter
        self.valid = Set(dispensations.filter { $0.isGrantedByMonitoringOfficer(org: org) }.map(\.id))
    }

    /// The reason eased by the most generous dispensation in effect that covers it, with a note
    /// for each that covers it but does not apply.
    func apply(to reason: ConflictReason, person: PersonRef, item: ConflictCheck.PreparedItem) -> ConflictReason {
        guard !dispensations.isEmpty, reason.ruleOutcome > .mustDeclare, case .member(let memberID) = person else { return reason }
        let covering = dispensations.filter { $0.covers(member: memberID) && scopeMatches($0.scope, reason: reason, item: item) }
        guard !covering.isEmpty else { return reason }
        var result = reason
        guard reason.dispensable else {
            result.notes.append("A dispensation is recorded, but no dispensation lifts this bar.")
            return result
        }
        var usable: [Dispensation] = []
        for dispensation in covering {
            if !valid.contains(dispensation.id) {
                result.notes.append("A dispensation dated \(dispensation.grantedOn.displayLong) was not recorded by the Monitoring Officer, so it does not apply.")
            } else if matter.date > dispensation.expiresOn {
                result.notes.append("A dispensation granted on \(dispensation.grantedOn.displayLong) expired on \(dispensation.expiresOn.displayLong), so it does not apply.")
            } else if matter.date < dispensation.grantedOn {
                result.notes.append("A dispensation has effect only from \(dispensation.grantedOn.displayLong), so it does not apply yet.")
            } else {
                usable.append(dispensation)
            }
        }
        guard let best = usable.min(by: { ($0.terms.outcome, $0.expiresOn) < ($1.terms.outcome, $1.expiresOn) }) else { return result }
        result.outcome = min(reason.ruleOutcome, best.terms.outcome)
        result.dispensationID = best.id
        if !result.rules.contains(Statute.dispensations) { result.rules.append(Statute.dispensations) }
        let terms = best.terms == .discussionAndVote ? "take part in the discussion and vote" : "take part in the discussion but not vote"
        result.explanation += " A dispensation granted on \(best.grantedOn.displayLong) lets you \(terms) until \(best.expiresOn.displayLong). Declare the interest."
        return result
    }

    private func scopeMatches(_ scope: Dispensation.Scope, reason: ConflictReason, item: ConflictCheck.PreparedItem) -> Bool {
        switch scope {
        case .anyBusiness: true
        case .declaration(let id): id == reason.declarationID
        case .item(let matterID, let itemID): matterID == matter.id && itemID == item.item.id
        case .tag(let tag): item.has(tag.normalised)
        }
    }
}
