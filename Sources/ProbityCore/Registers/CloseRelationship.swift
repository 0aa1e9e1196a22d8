/// A close personal relationship between a member and an officer (LC 9: "close personal,
/// family or business"; TH 14.14: "family, business or sexual"; Leicestershire 8; Wigan 4.9–4.10).
public struct CloseRelationship: Sendable, Hashable, Codable {
    /// The other person: the officer a member declares, or the member an officer declares.
    public var with: PersonRef
    public var nature: RelationshipNature
    /// The declarant thinks the relationship might be seen as unduly influencing their work, so
    /// the Monitoring Officer is told where the profile says so (TH 5.2).
    public var mightBeSeenAsUndulyInfluencing: Bool
    /// The Monitoring Officer or the declarant judges that the relationship would jeopardise
    /// the work of the council (TH 14.15, fourth limb).
    public var jeopardisesCouncilWork: Bool

    public init(with: PersonRef, nature: RelationshipNature, mightBeSeenAsUndulyInfluencing: Bool = false,
                jeopardisesCouncilWork: Bool = false) {
        self.with = with
        self.nature = nature
        self.mightBeSeenAsUndulyInfluencing = mightBeSeenAsUndulyInfluencing
        self.jeopardisesCouncilWork = jeopardisesCouncilWork
    }

    /// Married, partners, or closely related such as siblings, parents and grandparents, or a
    /// relationship judged to jeopardise the council's work: the relationships TH 14.15 names.
    public var barsDepartmentCommittee: Bool {
        switch nature {
        case .spouseOrCivilPartner, .partner, .closeRelative: true
        case .otherRelative, .business, .closeFriendship, .intimate: jeopardisesCouncilWork
        }
    }
}

public enum RelationshipNature: String, Sendable, Hashable, Codable, CaseIterable {
    case spouseOrCivilPartner = "spouse-or-civil-partner"
    case partner = "partner"
    /// Brother, sister, parent, grandparent, child or grandchild (TH 14.15).
    case closeRelative = "close-relative"
    case otherRelative = "other-relative"
    case business = "business"
    case closeFriendship = "close-friendship"
    /// A sexual or intimate relationship (TH 14.14).
    case intimate = "intimate"

    public var displayName: String {
        switch self {
        case .spouseOrCivilPartner: "married or civil partners"
        case .partner: "partners"
        case .closeRelative: "close relatives"
        case .otherRelative: "relatives"
        case .business: "a business relationship"
        case .closeFriendship: "a close friendship"
        case .intimate: "a personal relationship"
        }
    }
}
