/// The kinds of entry the registers hold (TH 3.24: disclosable pecuniary interests, other
/// registerable interests and non-registerable interests; relationships, recruitment links and
/// restrictions from the protocols' own paragraphs).
public enum DeclarationKind: Sendable, Hashable, Codable {
    /// A disclosable pecuniary interest (Localism Act 2011 s.30; the 2012 Regulations).
    case disclosablePecuniary(PecuniaryInterestCategory, holder: InterestHolder)
    /// An interest the authority's code asks to be registered that is not a disclosable
    /// pecuniary interest (TH 3.26).
    case otherRegisterable(OtherInterestCategory)
    /// An interest declared at one meeting that is not on the register (TH 3.27, 4.18).
    case nonRegisterable(meetingID: String, itemIDs: Set<String>)
    /// A close personal relationship between a member and an officer (LC 9; TH 5.2, 14.14).
    case closeRelationship(CloseRelationship)
    /// A relationship to a candidate in a selection or appointment process (TH 14.2).
    case recruitment(RecruitmentLink)
    /// A restriction on taking part (council tax or rent arrears, union office, …).
    case restriction(Restriction)

    /// Entries of the statutory register, which are registered within the registration period
    /// and published (Localism Act 2011 ss.29–30).
    public var isRegisterable: Bool {
        switch self {
        case .disclosablePecuniary, .otherRegisterable: true
        case .nonRegisterable, .closeRelationship, .recruitment, .restriction: false
        }
    }

    /// Short label: "Disclosable pecuniary interest (Land)", "Close personal relationship".
    public var label: String {
        switch self {
        case .disclosablePecuniary(let category, _): "Disclosable pecuniary interest (\(category.displayName))"
        case .otherRegisterable(let category): "Other registerable interest (\(category.displayName))"
        case .nonRegisterable: "Non-registerable interest"
        case .closeRelationship: "Close personal relationship"
        case .recruitment: "Relationship to a candidate"
        case .restriction(let restriction): restriction.displayName
        }
    }

    public var relationship: CloseRelationship? {
        if case .closeRelationship(let relationship) = self { return relationship }
        return nil
    }

    public var recruitmentLink: RecruitmentLink? {
        if case .recruitment(let link) = self { return link }
        return nil
    }
}

/// Whether an interest's details are withheld from the published register because disclosure
/// could lead to the member, or someone connected with them, being subject to violence or
/// intimidation (Localism Act 2011 s.32(1)).
public enum Sensitivity: String, Sendable, Hashable, Codable {
    case none
    /// The member has asked; the Monitoring Officer has not yet decided. Withheld meanwhile:
    /// once published, details cannot be unpublished.
    case requested
    /// The Monitoring Officer agrees that the interest is sensitive (s.32(1)(b)).
    case agreed
    /// The Monitoring Officer does not agree; the interest is published in full.
    case refused

    /// Withheld from every published or inspectable copy of the register (s.32(2)).
    public var isWithheld: Bool { self == .requested || self == .agreed }
}
