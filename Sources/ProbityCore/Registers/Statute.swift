/// The statutory provisions the registers and the conflict check act on, cited by Act and
/// section. Used where the protocols refer to the law or are silent and the law decides.
public enum Statute {
    public static let registerOfInterests = RuleReference(
        ruleId: "statute.localism-act-2011.s29",
        statement: "The Monitoring Officer keeps a register of members' interests, open to inspection and published on the authority's website.",
        citation: "Localism Act 2011 s.29")

    public static let registration = RuleReference(
        ruleId: "statute.localism-act-2011.s30-1",
        statement: "A member tells the Monitoring Officer of their disclosable pecuniary interests before the end of 28 days beginning with the day they become a member.",
        citation: "Localism Act 2011 s.30(1)")

    public static let spouseOrPartner = RuleReference(
        ruleId: "statute.localism-act-2011.s30-3",
        statement: "An interest of a member's spouse or civil partner, or of someone they live with as such, is the member's interest if the member knows of it.",
        citation: "Localism Act 2011 s.30(3)")

    public static let disclosureAtMeeting = RuleReference(
        ruleId: "statute.localism-act-2011.s31-2",
        statement: "A member with an unregistered disclosable pecuniary interest in a matter at a meeting discloses it there and tells the Monitoring Officer within 28 days beginning with the day of disclosure.",
        citation: "Localism Act 2011 s.31(2) and (3)")

    public static let pecuniaryInterestBar = RuleReference(
        ruleId: "statute.localism-act-2011.s31-4",
        statement: "A member with a disclosable pecuniary interest in a matter takes no part in any discussion of it and does not vote on it, unless a dispensation allows; standing orders may require them to leave the room.",
        citation: "Localism Act 2011 s.31(4) and (10)")

    public static let sensitiveInterests = RuleReference(
        ruleId: "statute.localism-act-2011.s32",
        statement: "Where the Monitoring Officer agrees that disclosing an interest could lead to violence or intimidation, the published register says only that the member has an interest whose details are withheld, and at meetings the member discloses only that they have an interest.",
        citation: "Localism Act 2011 s.32(2) and (3)")

    public static let dispensations = RuleReference(
        ruleId: "statute.localism-act-2011.s33",
        statement: "On a written request the authority may grant a member a dispensation, for up to four years, to take part in the discussion, or the discussion and the vote, despite a disclosable pecuniary interest.",
        citation: "Localism Act 2011 s.33")

    public static let pecuniaryCategories = RuleReference(
        ruleId: "statute.si-2012-1464",
        statement: "Disclosable pecuniary interests are employment, sponsorship, contracts, land, licences, corporate tenancies and securities, of the member or their spouse or partner.",
        citation: "Relevant Authorities (Disclosable Pecuniary Interests) Regulations 2012, Schedule")

    public static let councilTaxArrears = RuleReference(
        ruleId: "statute.lgfa-1992.s106",
        statement: "A member with council tax unpaid for two months or more discloses it at the start of the meeting and does not vote on setting council tax, precepts, or its collection and enforcement.",
        citation: "Local Government Finance Act 1992 s.106")

    public static let politicalRestriction = RuleReference(
        ruleId: "statute.lgha-1989.s1",
        statement: "Someone holding a politically restricted post under a local authority is disqualified from becoming or remaining a member of a local authority.",
        citation: "Local Government and Housing Act 1989 s.1(1)")

    /// The statutory threshold of s.106, used when a profile's own rule is not in force.
    public static let councilTaxArrearsMonths = 2
    /// The longest a dispensation may have effect (s.33(3)).
    public static let dispensationMaximumYears = 4
}
