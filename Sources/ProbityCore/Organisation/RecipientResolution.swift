import Foundation

/// Who a routing-table entry names in one case, or why nobody could be found.
public struct ResolvedRecipient: Sendable, Hashable {
    public var recipient: Recipient
    public var people: [PersonRef]
    /// Set when `people` is empty: what is missing from the directory, in plain English.
    public var unresolved: String?
}

extension OrgSnapshot {
    /// The people `recipient` names in a case with these parties. External bodies (the
    /// independent person, the Standards Committee) resolve to nobody with an explanation.
    public func resolve(_ recipient: Recipient, parties: CaseParties) -> ResolvedRecipient {
        let people = resolvePeople(recipient, parties: parties)
        var reason: String?
        if people.isEmpty {
            switch recipient.role {
            case .independentPerson, .standardsCommittee:
                reason = "\(recipient.role.displayName.capitalizedFirst) is outside the directory: send it by the statutory route."
            default:
                reason = "Nobody in the directory is \(recipient.displayName)."
            }
        }
        return ResolvedRecipient(recipient: recipient, people: people, unresolved: reason)
    }

    /// The first entry of an ordered preference list that names somebody (e.g. the Head of
    /// Service, or failing that the service's liaison officer).
    public func firstResolvable(_ recipients: [Recipient], parties: CaseParties) -> ResolvedRecipient? {
        recipients.lazy.map { resolve($0, parties: parties) }.first { !$0.people.isEmpty }
    }

    /// Everyone every entry names, without repeats, in order.
    public func resolveAll(_ recipients: [Recipient], parties: CaseParties) -> [PersonRef] {
        var seen: Set<PersonRef> = []
        return recipients.flatMap { resolvePeople($0, parties: parties) }.filter { seen.insert($0).inserted }
    }

    private func resolvePeople(_ recipient: Recipient, parties: CaseParties) -> [PersonRef] {
        guard let anchor = recipient.anchor else { return absolute(recipient.role) }
        guard let party = parties[anchor] else { return [] }
        return relative(recipient.role, of: party)
    }

    private func absolute(_ role: OrgRole) -> [PersonRef] {
        switch role {
        case .chiefExecutive:
            return chiefExecutiveID.map { [.officer($0)] } ?? []
        case .monitoringOfficer, .chiefFinanceOfficer, .hrDirector, .governanceDirector, .complaintsOfficer,
             .communications, .memberServices, .foiOfficer:
            return holders(of: role).map { .officer($0) }
        case .corporateManagementTeam:
            return officers.values.filter { $0.post == .chiefExecutive || $0.post.isDirector }
                .map(\.id).sorted().map { .officer($0) }
        case .chair:
            return members.values.filter { $0.position == "chair" || $0.position == "mayor" }.map(\.id).sorted().map { .member($0) }
        case .leader:
            return members.values.filter { $0.executiveRole == "leader" }.map(\.id).sorted().map { .member($0) }
        case .deputyLeader:
            return members.values.filter { $0.executiveRole == "deputy-leader" }.map(\.id).sorted().map { .member($0) }
        case .independentPerson, .standardsCommittee:
            return []
        case .lineManager, .headOfService, .liaisonOfficer, .assistantDirector, .director, .groupLeader,
             .groupWhip, .leadMember, .wardMembers, .self_:
            return []  // relative roles need an anchor; the profile loader refuses them without one
        }
    }

    private func relative(_ role: OrgRole, of party: PartyRef) -> [PersonRef] {
        switch (role, party) {
        case (.self_, .officer(let id)): return officers[id] == nil ? [] : [.officer(id)]
        case (.self_, .member(let id)): return members[id] == nil ? [] : [.member(id)]
        case (.lineManager, .officer(let id)): return manager(of: id).map { [.officer($0)] } ?? []
        case (.headOfService, .officer(let id)):
            return officers[id]?.serviceID.flatMap { services[$0]?.headOfServiceID }.map { [.officer($0)] } ?? []
        case (.headOfService, .service(let id)): return services[id]?.headOfServiceID.map { [.officer($0)] } ?? []
        case (.liaisonOfficer, .service(let id)): return services[id]?.liaisonOfficerID.map { [.officer($0)] } ?? []
        case (.liaisonOfficer, .officer(let id)):
            return officers[id]?.serviceID.flatMap { services[$0]?.liaisonOfficerID }.map { [.officer($0)] } ?? []
        case (.assistantDirector, .officer(let id)): return assistantDirectorID(of: id).map { [.officer($0)] } ?? []
        case (.director, .officer(let id)): return directorID(of: id).map { [.officer($0)] } ?? []
        case (.director, .service(let id)): return directorID(ofService: id).map { [.officer($0)] } ?? []
        case (.groupLeader, .member(let id)):
            return members[id]?.groupID.flatMap { groups[$0]?.leaderID }.map { [.member($0)] } ?? []
        case (.groupLeader, .group(let id)): return groups[id]?.leaderID.map { [.member($0)] } ?? []
        case (.groupWhip, .member(let id)):
            return members[id]?.groupID.flatMap { groups[$0]?.whipID }.map { [.member($0)] } ?? []
        case (.groupWhip, .group(let id)): return groups[id]?.whipID.map { [.member($0)] } ?? []
        case (.wardMembers, .ward(let id)):
            return members.values.filter { $0.wardID == id }.map(\.id).sorted().map { .member($0) }
        case (.wardMembers, .member(let id)):
            guard let ward = members[id]?.wardID else { return [] }
            return members.values.filter { $0.wardID == ward }.map(\.id).sorted().map { .member($0) }
        default:
            // Includes lead-member: portfolios are free text in the directory, so no service or
            // ward maps to one; the caller shows the recipient as unresolved.
            return []
        }
    }
}

extension String {
    /// "the director" → "The director".
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
