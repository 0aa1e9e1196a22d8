import Foundation

/// The published register of members' interests for one authority (Localism Act 2011
/// s.29(5)–(6)): what the law makes public and nothing more.
///
/// It holds each member's and co-opted member's current disclosable pecuniary interests and
/// other registerable interests, by category, in the member's own words. It never holds:
/// details of a sensitive interest (s.32(2): only the statement that details are withheld, and
/// not even the category, which can itself identify); whose interest it is, or a spouse's or
/// partner's name; non-registerable interests; close relationships; relationships to
/// candidates; restrictions such as council tax arrears or a tenancy; officers' entries;
/// internal ids; ceased entries.
public struct PublicRegister: Sendable, Hashable, Codable {
    public static let withheldStatement =
        "The member has an interest whose details are withheld under section 32(2) of the Localism Act 2011"

    public var authorityName: String
    public var asOf: CalendarDate
    public var members: [Member]
    /// The register's legal basis, for the page footer.
    public var rules: [RuleReference]

    public struct Member: Sendable, Hashable, Codable {
        public var name: String
        public var sections: [Section]
        public var hasNoInterests: Bool { sections.isEmpty }
    }

    public struct Section: Sendable, Hashable, Codable {
        /// "Land", "Bodies directed to charitable purposes", or "Withheld".
        public var heading: String
        public var entries: [Entry]
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var details: String
        public var registeredOn: CalendarDate
        public var withheld: Bool
    }

    /// The register as it stands on `asOf`, with every member of the directory in name order.
    public init(declarations: [Declaration], org: OrgSnapshot, profile: ProtocolProfile, asOf: CalendarDate) {
        self.authorityName = profile.authorityName
        self.asOf = asOf
        self.rules = [Statute.registerOfInterests, Statute.sensitiveInterests]
        var byMember: [UUID: [Declaration]] = [:]
        for declaration in declarations where declaration.kind.isRegisterable && declaration.isCurrent(on: asOf) {
            guard case .member(let id) = declaration.declarant, org.members[id] != nil else { continue }
            byMember[id, default: []].append(declaration)
        }
        self.members = org.members.values
            .sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
            .map { member in Member(name: member.name, sections: Self.sections(byMember[member.id] ?? [])) }
    }

    private static func sections(_ declarations: [Declaration]) -> [Section] {
        var open: [(order: Int, heading: String, entries: [Entry])] = []
        func add(_ entry: Entry, heading: String, order: Int) {
            if let index = open.firstIndex(where: { $0.heading == heading }) {
                open[index].entries.append(entry)
            } else {
                open.append((order, heading, [entry]))
            }
        }
        // By registration date; entries registered the same day keep the order given.
        let sorted = declarations.enumerated().sorted { ($0.element.registeredOn, $0.offset) < ($1.element.registeredOn, $1.offset) }
        for declaration in sorted.map(\.element) {
            if declaration.sensitivity.isWithheld {
                add(Entry(details: withheldStatement, registeredOn: declaration.registeredOn, withheld: true),
                    heading: "Withheld", order: 1_000)
                continue
            }
            let entry = Entry(details: declaration.description, registeredOn: declaration.registeredOn, withheld: false)
            switch declaration.kind {
            case .disclosablePecuniary(let category, _):
                let order = PecuniaryInterestCategory.allCases.firstIndex(of: category) ?? 0
                add(entry, heading: category.displayName, order: order)
            case .otherRegisterable(let category):
                let order = 100 + (OtherInterestCategory.allCases.firstIndex(of: category) ?? 0)
                add(entry, heading: category.displayName, order: order)
            case .nonRegisterable, .closeRelationship, .recruitment, .restriction:
                continue
            }
        }
        return open.sorted { $0.order < $1.order }.map { Section(heading: $0.heading, entries: $0.entries) }
    }
}
