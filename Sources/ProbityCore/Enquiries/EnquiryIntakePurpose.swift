/// What an enquiry is for, chosen at intake. The first three are what officers are there to
/// help with; the last four are the purposes a profile may refuse (`enquiries.refusedPurposes`:
/// LC 3(e), TH 6.5 and 13.7, Wigan 6.1 and 6.4).
public enum EnquiryIntakePurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Casework for a constituent or the member's ward (Wigan 6.1: "on behalf of a constituent").
    case wardCasework = "ward-casework"
    /// Information or advice the member needs for their role on the council.
    case councilBusiness = "council-business"
    /// A question of policy: never routine, so routed to the director (TH 13.1, Wigan 4.5).
    case policy
    case partyPolitical = "party-political"
    case campaigning
    case personal
    case privateBusiness = "private-business"

    /// The refusable purpose this is, if it is one the profile may refuse.
    public var refusable: EnquiryPurpose? {
        switch self {
        case .wardCasework, .councilBusiness, .policy: nil
        case .partyPolitical: .partyPolitical
        case .campaigning: .campaigning
        case .personal: .personal
        case .privateBusiness: .privateBusiness
        }
    }

    /// Policy questions always go the non-routine way.
    public var isAlwaysNonRoutine: Bool { self == .policy }

    /// Label for the intake form.
    public var displayName: String {
        switch self {
        case .wardCasework: "Casework for a constituent or the ward"
        case .councilBusiness: "Council business"
        case .policy: "A policy question"
        case .partyPolitical: "Party political business"
        case .campaigning: "Campaigning"
        case .personal: "A personal matter"
        case .privateBusiness: "Private business"
        }
    }

    /// "party political business", for sentences.
    public var phrase: String {
        switch self {
        case .wardCasework: "casework for a constituent or the ward"
        case .councilBusiness: "council business"
        case .policy: "a policy question"
        case .partyPolitical: "party political business"
        case .campaigning: "campaigning"
        case .personal: "a personal matter"
        case .privateBusiness: "private business"
        }
    }
}
