/// A fact about a member that restricts what they may take part in, whatever their interests.
public enum Restriction: Sendable, Hashable, Codable {
    /// Council tax unpaid for this many whole months (Local Government Finance Act 1992 s.106:
    /// two months or more bars voting on council tax setting; TH 3.29–3.30).
    case councilTaxArrears(months: Int)
    /// A council tenancy (TH 3.28): declared on housing matters; no part where an item concerns
    /// the member's own home; no vote on rents when two months or more in rent arrears.
    case councilTenancy(address: String, rentArrearsMonths: Int)
    /// An official or employee of a trade union represented at the council (TH 14.9).
    case tradeUnion(union: String, role: TradeUnionRole)
    /// Employed by another local authority (TH 14.9).
    case otherAuthorityEmployment(authority: String)
    /// A politically restricted post under a local authority, which disqualifies from being a
    /// member (Local Government and Housing Act 1989 s.1(1); LC 5; Wigan 8.2).
    case politicallyRestrictedPost(post: String, authority: String)

    public var displayName: String {
        switch self {
        case .councilTaxArrears: "Council tax arrears"
        case .councilTenancy: "Council tenancy"
        case .tradeUnion: "Trade union office or employment"
        case .otherAuthorityEmployment: "Employment by another local authority"
        case .politicallyRestrictedPost: "Politically restricted post"
        }
    }
}

public enum TradeUnionRole: String, Sendable, Hashable, Codable {
    case official
    case employee
}

/// TH 3.28: the Secretary of State precluded council tenants from voting on rents "if they are
/// two months or more in rent arrears". No profile parameter carries it, so it is fixed here.
public enum RentArrears {
    public static let votingBarMonths = 2
}
