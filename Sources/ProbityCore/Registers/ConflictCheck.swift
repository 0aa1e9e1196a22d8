import Foundation

/// Given a matter and who takes part, what each participant must do on each item, and why.
///
/// Each item's tags are compared with each participant's current declarations (own, and close
/// relationships in which they are the other person). The rules, most restrictive first:
///
/// | declaration | item | outcome | authority |
/// |---|---|---|---|
/// | disclosable pecuniary interest (own, or spouse's or partner's) | touches it directly | must withdraw | Localism Act 2011 s.31(4), (10); s.30(3) |
/// | politically restricted post (a member) | every item | must withdraw | LGHA 1989 s.1(1); LC 5, Wigan 8.2 |
/// | close relationship: spouse, partner, close relative, or jeopardising, with an officer in the committee's department | every item of that committee | must withdraw | TH 14.15, where in force |
/// | close relationship with an officer | directly affects that officer | must withdraw where TH 5.3 is in force, else must declare | TH 5.3 |
/// | relationship to a candidate | that selection process | must withdraw until the HR director determines; then as determined | TH 14.2 |
/// | council tenancy | concerns the member's own home | must withdraw | TH 3.28; s.31(4) |
/// | council tenancy, two months or more in rent arrears | council housing rents | may speak, not vote | TH 3.28 |
/// | council tenancy | council housing or rents | must declare | TH 3.28 |
/// | council tax two months or more (the profile's months) in arrears | council tax setting | may speak, not vote | LGFA 1992 s.106; TH 3.29–3.30 |
/// | trade union official or employee, or another authority's employee | staff negotiations | must withdraw | TH 14.9 |
/// | other registerable or non-registerable interest | touches it directly | must declare; must withdraw where judged significant | TH 3.26–3.27, 4.17–4.18 |
/// | any interest | touches only its ward or department | must declare, and ask the Monitoring Officer | Probity default |
///
/// Where the protocol is silent the check cites the statute or "Probity default (protocol
/// silent)", never an invented paragraph. Dispensations (`Dispensation`) then ease what they may.
public enum ConflictCheck {
    /// Checks `matter` against `declarations`, indexing only the participants' entries.
    public static func run(
        matter: Matter, participants: [MatterParticipant], declarations: [Declaration], dispensations: [Dispensation],
        profile: ProtocolProfile, org: OrgSnapshot
    ) -> ConflictReport {
        let index = DeclarationIndex(declarations, people: Set(participants.map(\.person)))
        return run(matter: matter, participants: participants, index: index, dispensations: dispensations, profile: profile, org: org)
    }

    /// Checks `matter` against a prebuilt index (one index serves many checks).
    public static func run(
        matter: Matter, participants: [MatterParticipant], index: DeclarationIndex, dispensations: [Dispensation],
        profile: ProtocolProfile, org: OrgSnapshot
    ) -> ConflictReport {
        let context = Context(matter: matter, rules: RegisterRules(profile: profile), org: org,
                              dispensations: DispensationBook(dispensations, matter: matter, org: org))
        let items = matter.items.map { PreparedItem($0, committee: matter.committee) }
        let rows = participants.map { participant in
            check(participant, items: items, index: index, context: context)
        }
        return ConflictReport(matterID: matter.id, date: matter.date, participants: rows)
    }

    struct Context {
        let matter: Matter
        let rules: RegisterRules
        let org: OrgSnapshot
        let dispensations: DispensationBook
        var date: CalendarDate { matter.date }
    }

    /// An item's tags in normalised form, each with the tag as written for explanations, in a
    /// fixed order so explanations read the same on every run.
    struct PreparedItem {
        let item: MatterItem
        let tags: [InterestTag: InterestTag]
        let ordered: [(normalised: InterestTag, original: InterestTag)]
        let departments: Set<UUID>

        init(_ item: MatterItem, committee: DecisionBody?) {
            self.item = item
            var tags: [InterestTag: InterestTag] = [:]
            for tag in item.tags { tags[tag.normalised] = tag }
            if committee?.negotiatesWithStaff == true, tags[.staffNegotiations] == nil {
                tags[.staffNegotiations] = .staffNegotiations
            }
            self.tags = tags
            self.ordered = tags.map { (normalised: $0.key, original: $0.value) }
                .sorted { $0.normalised.sortKey < $1.normalised.sortKey }
            self.departments = Set(tags.keys.compactMap { if case .department(let id) = $0 { id } else { nil } })
        }

        func has(_ tag: InterestTag) -> Bool { tags[tag] != nil }
    }

    /// The tags an interest and an item share.
    struct Match {
        var direct: [InterestTag] = []
        var area: [InterestTag] = []
        /// Named by id in a non-registerable declaration.
        var namedItem = false
        var isDirect: Bool { namedItem || !direct.isEmpty }
    }

    private static func check(_ participant: MatterParticipant, items: [PreparedItem], index: DeclarationIndex,
                              context: Context) -> ParticipantConflicts {
        let person = participant.person
        guard let entries = index.entries[person] else {
            return ParticipantConflicts(participant: participant, items: items.map {
                ItemConflict(itemID: $0.item.id, title: $0.item.title, outcome: .clear, reasons: [])
            })
        }
        let declarations = index.declarations
        let day = context.date.dayNumber
        let current = { (position: Int) in index.isCurrent(position, day: day) }
        let standing = standingReasons(person: person, entries: entries, current: current, index: index, context: context)
        let relationshipDepartments = entries.relationships.filter(current).map { position in
            (position, officerDepartments(of: declarations[position], for: person, org: context.org))
        }.filter { !$0.1.isEmpty }

        let results = items.map { item -> ItemConflict in
            var matches: [Int: Match] = [:]
            for (tag, original) in item.ordered where tag.reach != .businessKind {
                for position in entries.byTag[tag] ?? [] where current(position) {
                    if tag.reach == .direct { matches[position, default: Match()].direct.append(original) }
                    else { matches[position, default: Match()].area.append(original) }
                }
            }
            for position in entries.itemDeclared where current(position) {
                if case .nonRegisterable(_, let ids) = declarations[position].kind, ids.contains(item.item.id) {
                    matches[position, default: Match()].namedItem = true
                }
            }
            for (position, departments) in relationshipDepartments where !departments.isDisjoint(with: item.departments) {
                let shared = departments.intersection(item.departments).sorted { $0.uuidString < $1.uuidString }
                matches[position, default: Match()].area += shared.map(InterestTag.department)
            }

            var reasons: [ConflictReason] = []
            for (position, match) in matches.sorted(by: { $0.key < $1.key }) {
                let declaration = declarations[position]
                if case .restriction = declaration.kind { continue }
                if let reason = interestReason(declaration, match: match, person: person, item: item, context: context) {
                    reasons.append(reason)
                }
            }
            for position in entries.restrictions where current(position) {
                reasons += restrictionReasons(declarations[position], match: matches[position] ?? Match(), person: person,
                                              item: item, context: context)
            }
            reasons += standing
            reasons = reasons.map { context.dispensations.apply(to: $0, person: person, item: item) }
            return ItemConflict(itemID: item.item.id, title: item.item.title,
                                outcome: reasons.map(\.outcome).max() ?? .clear, reasons: reasons)
        }
        return ParticipantConflicts(participant: participant, items: results)
    }

    /// The directorates and services of the officer in a relationship (the one who is not
    /// `person`), with any departments the declaration names: where they do significant work.
    static func officerDepartments(of declaration: Declaration, for person: PersonRef, org: OrgSnapshot) -> Set<UUID> {
        guard let other = otherParty(of: declaration, for: person), case .officer(let id) = other else { return [] }
        var departments = Set(declaration.tags.compactMap { if case .department(let id) = $0 { id } else { nil } })
        guard let officer = org.officers[id] else { return departments }
        if let service = officer.serviceID {
            departments.insert(service)
            if let directorate = org.services[service]?.directorateID { departments.insert(directorate) }
        }
        if let directorate = officer.directorateID { departments.insert(directorate) }
        return departments
    }

    /// The other person in a relationship declaration, seen from `person`.
    static func otherParty(of declaration: Declaration, for person: PersonRef) -> PersonRef? {
        guard let counterpart = declaration.counterpart else { return nil }
        return declaration.declarant == person ? counterpart : declaration.declarant
    }
}
