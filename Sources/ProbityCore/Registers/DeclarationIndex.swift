/// Declarations indexed by person and by what they touch, so a conflict check looks up only a
/// participant's own entries under each tag an item carries. Build it once for many checks
/// (`ConflictCheck.run(matter:participants:index:…)`), or let `run(…declarations:…)` build a
/// small one for just the participants.
public struct DeclarationIndex: Sendable {
    /// A person's entries, as positions in `declarations`.
    struct Entries: Sendable {
        /// Interests, relationships and recruitment links under each tag they touch (normalised).
        var byTag: [InterestTag: [Int]] = [:]
        /// Restrictions, which act on kinds of business rather than tags.
        var restrictions: [Int] = []
        /// Close relationships the person declared or was named in.
        var relationships: [Int] = []
        /// Non-registerable interests that name items rather than tags.
        var itemDeclared: [Int] = []
        /// Every entry the person made or is named in.
        var all: [Int] = []

        mutating func addOwn(_ declaration: Declaration, at position: Int) {
            all.append(position)
            switch declaration.kind {
            case .restriction: restrictions.append(position)
            case .closeRelationship: relationships.append(position)
            case .nonRegisterable(_, let items) where !items.isEmpty: itemDeclared.append(position)
            default: break
            }
            for tag in declaration.effectiveTags { byTag[tag, default: []].append(position) }
        }

        /// The other person in a relationship: engaged where an item affects the declarant.
        mutating func addNamed(_ declaration: Declaration, at position: Int) {
            all.append(position)
            relationships.append(position)
            byTag[.person(declaration.declarant), default: []].append(position)
        }
    }

    public let declarations: [Declaration]
    let entries: [PersonRef: Entries]
    /// Day numbers from which, and before which, each declaration is current (see `Declaration.isCurrent`).
    private let fromDay: [Int]
    private let untilDay: [Int]

    /// Indexes every declaration, or only those of (or naming) `people`.
    public init(_ declarations: [Declaration], people: Set<PersonRef>? = nil) {
        var kept: [Declaration] = []
        var entries: [PersonRef: Entries] = [:]
        kept.reserveCapacity(people == nil ? declarations.count : min(declarations.count, 1_024))
        for offset in declarations.indices {
            // Read the two people in place; copy the declaration only once it is kept.
            let declarantIncluded = people?.contains(declarations[offset].declarant) ?? true
            var counterpart: PersonRef?
            if case .closeRelationship(let relationship) = declarations[offset].kind { counterpart = relationship.with }
            let counterpartIncluded = counterpart.map { people?.contains($0) ?? true } ?? false
            guard declarantIncluded || counterpartIncluded else { continue }
            let declaration = declarations[offset]
            let position = kept.count
            kept.append(declaration)
            // Modified in place through the subscript: no copy of a person's entries per declaration.
            if declarantIncluded {
                entries[declaration.declarant, default: Entries()].addOwn(declaration, at: position)
            }
            if counterpartIncluded, let counterpart {
                entries[counterpart, default: Entries()].addNamed(declaration, at: position)
            }
        }
        self.declarations = kept
        self.entries = entries
        self.fromDay = kept.map(\.registeredOn.dayNumber)
        self.untilDay = kept.map { $0.ceasedOn?.dayNumber ?? Int.max }
    }

    /// Whether the declaration at `position` is current on the day numbered `day`.
    func isCurrent(_ position: Int, day: Int) -> Bool {
        fromDay[position] <= day && day < untilDay[position]
    }

    /// Every declaration made by or naming `person` that is current on `date`.
    public func declarations(of person: PersonRef, on date: CalendarDate) -> [Declaration] {
        (entries[person]?.all ?? []).map { declarations[$0] }.filter { $0.isCurrent(on: date) }
    }
}
