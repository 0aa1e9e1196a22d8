/// The descriptions of exempt information in Part 1 of Schedule 12A to the Local Government Act
/// 1972 (as substituted by the Local Government (Access to Information) (Variation) Order 2006,
/// SI 2006/88), numbered as TH 12.4 lists them. An exempt (Part II) item names its category.
public enum ExemptCategory: Int, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case individual = 1
    case identityOfIndividual = 2
    case financialOrBusinessAffairs = 3
    case labourRelations = 4
    case legalProfessionalPrivilege = 5
    case noticesOrdersOrDirections = 6
    case crime = 7

    /// "Schedule 12A, paragraph 3".
    public var paragraph: String { "Schedule 12A, paragraph \(rawValue)" }

    /// The category as Schedule 12A describes it (TH 12.4).
    public var statutoryDescription: String {
        switch self {
        case .individual:
            "Information relating to any individual."
        case .identityOfIndividual:
            "Information which is likely to reveal the identity of an individual."
        case .financialOrBusinessAffairs:
            "Information relating to the financial or business affairs of any particular person (including the authority holding that information)."
        case .labourRelations:
            "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority."
        case .legalProfessionalPrivilege:
            "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings."
        case .noticesOrdersOrDirections:
            "Information which reveals that the authority proposes to give under any enactment a notice imposing requirements on a person, or to make an order or direction under any enactment."
        case .crime:
            "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime."
        }
    }

    public var description: String { "exempt information, \(paragraph)" }

    public static func < (lhs: ExemptCategory, rhs: ExemptCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
