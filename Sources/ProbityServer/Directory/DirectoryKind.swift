/// The kinds of record in an authority's directory. Raw values are the URL and API slugs.
enum DirectoryKind: String, CaseIterable, Sendable, Codable {
    case wards
    case groups
    case members
    case committees
    case committeeMemberships = "committee-memberships"
    case directorates
    case services
    case officers
    case assistants
    case partyWorkers = "party-workers"

    var plural: String {
        switch self {
        case .wards: "Wards and divisions"
        case .groups: "Political groups"
        case .members: "Members"
        case .committees: "Committees"
        case .committeeMemberships: "Committee memberships"
        case .directorates: "Directorates"
        case .services: "Services"
        case .officers: "Officers"
        case .assistants: "Political group assistants"
        case .partyWorkers: "Party workers"
        }
    }

    var singular: String {
        switch self {
        case .wards: "Ward or division"
        case .groups: "Political group"
        case .members: "Member"
        case .committees: "Committee"
        case .committeeMemberships: "Committee membership"
        case .directorates: "Directorate"
        case .services: "Service"
        case .officers: "Officer"
        case .assistants: "Political group assistant"
        case .partyWorkers: "Party worker"
        }
    }

    /// A phrase for sentences: "a ward", "an officer".
    var article: String {
        let lower = singular.lowercased()
        return (["a", "e", "i", "o", "u"].contains(lower.first.map(String.init) ?? "") ? "an " : "a ") + lower
    }

    /// Short description shown on the directory index.
    var summary: String {
        switch self {
        case .wards: "Electoral wards or divisions, with their ONS GSS codes."
        case .groups: "Party political groups, their leaders and whips."
        case .members: "Councillors, the Mayor or Chair, and co-opted members."
        case .committees: "Cabinet, scrutiny, regulatory and other committees."
        case .committeeMemberships: "Who sits on which committee."
        case .directorates: "Directorates and their directors."
        case .services: "Services, their Heads of Service, liaison and complaints officers."
        case .officers: "Council employees, their posts and line management."
        case .assistants: "Political group assistants and the members they act for."
        case .partyWorkers: "Party workers: people with no entitlements to council information."
        }
    }

    /// The JSON schema name in the OpenAPI document.
    var schemaName: String {
        switch self {
        case .wards: "Ward"
        case .groups: "PoliticalGroup"
        case .members: "Member"
        case .committees: "Committee"
        case .committeeMemberships: "CommitteeMembership"
        case .directorates: "Directorate"
        case .services: "Service"
        case .officers: "Officer"
        case .assistants: "GroupAssistant"
        case .partyWorkers: "PartyWorker"
        }
    }
}
