/// The categories of disclosable pecuniary interest in the Schedule to the Relevant Authorities
/// (Disclosable Pecuniary Interests) Regulations 2012 (TH 3.25 refers to them through
/// paragraph 3.4 of its Code of Conduct for Members).
public enum PecuniaryInterestCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case employment = "employment"
    case sponsorship = "sponsorship"
    case contracts = "contracts"
    case land = "land"
    case licences = "licences"
    case corporateTenancies = "corporate-tenancies"
    case securities = "securities"

    /// The Schedule's heading, as registers print it.
    public var displayName: String {
        switch self {
        case .employment: "Employment, office, trade, profession or vocation"
        case .sponsorship: "Sponsorship"
        case .contracts: "Contracts"
        case .land: "Land"
        case .licences: "Licences"
        case .corporateTenancies: "Corporate tenancies"
        case .securities: "Securities"
        }
    }

    /// What the Schedule covers, in plain English, for the form a member fills in.
    public var guidance: String {
        switch self {
        case .employment:
            "Any employment, office, trade, profession or vocation carried on for profit or gain."
        case .sponsorship:
            "Any payment or financial benefit (other than from the council) towards your expenses as a member or at elections in the last 12 months, including from a trade union."
        case .contracts:
            "Any contract not fully discharged between the council and you, or a body in which you have a beneficial interest, for goods, services or works."
        case .land:
            "Any beneficial interest in land within the council's area."
        case .licences:
            "Any licence, alone or jointly with others, to occupy land in the council's area for a month or longer."
        case .corporateTenancies:
            "Any tenancy where the council is the landlord and the tenant is a body in which you have a beneficial interest."
        case .securities:
            "Any beneficial interest in securities of a body with a place of business or land in the council's area, above £25,000 nominal value or one hundredth of its issued share capital."
        }
    }
}

/// Whose interest a disclosable pecuniary interest is. A spouse's or civil partner's interest,
/// or that of someone the member lives with as such, is the member's own where the member is
/// aware of it (Localism Act 2011 s.30(3)).
public enum InterestHolder: String, Sendable, Hashable, Codable {
    case member = "self"
    case spouseOrPartner = "spouse-or-partner"
}

/// The kinds of interest, other than disclosable pecuniary interests, that authorities' codes
/// ask members to register (TH 3.26 refers to paragraphs 3.5 to 3.8 of its Code; LC footnote 7
/// lists membership of bodies that seek to influence public opinion or policy).
public enum OtherInterestCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A body to which the member was appointed or nominated by the council.
    case appointedByCouncil = "appointed-by-council"
    /// A body exercising functions of a public nature.
    case publicFunctions = "public-functions"
    /// A body directed to charitable purposes.
    case charitable = "charitable"
    /// A body one of whose principal purposes is to influence public opinion or policy,
    /// including a political party or a trade union.
    case publicOpinionOrPolicy = "public-opinion-or-policy"
    /// Gifts or hospitality above the code's threshold.
    case giftsAndHospitality = "gifts-and-hospitality"
    /// Anything else the authority's code asks to be registered.
    case other = "other"

    public var displayName: String {
        switch self {
        case .appointedByCouncil: "Bodies to which you were appointed or nominated by the council"
        case .publicFunctions: "Bodies exercising functions of a public nature"
        case .charitable: "Bodies directed to charitable purposes"
        case .publicOpinionOrPolicy: "Bodies seeking to influence public opinion or policy"
        case .giftsAndHospitality: "Gifts and hospitality"
        case .other: "Other registerable interests"
        }
    }
}
