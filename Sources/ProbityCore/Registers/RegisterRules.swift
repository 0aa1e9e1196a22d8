/// The protocol rules the registers and the conflict check cite, read from a profile: the
/// `declarations` rules, the guidance on interests where the protocol has it, and for what the
/// protocol is silent on, Probity's documented defaults (cited as "Probity default (protocol
/// silent)", never with an invented paragraph).
public struct RegisterRules: Sendable {
    public let profile: ProtocolProfile

    public let registrationPeriod: RuleReference
    public let memberRelationships: RuleReference
    public let officerRelationships: RuleReference
    public let recruitment: RuleReference
    public let councilTaxArrears: RuleReference
    public let relativeInDepartment: RuleReference
    public let relatedOfficer: RuleReference
    /// Months of council tax arrears that bar voting: the profile's, or the statute's where the
    /// profile has switched its rule off (s.106 applies whatever the protocol says).
    public let councilTaxArrearsMonths: Int
    /// Declaring interests at meetings (TH 3.23–3.25; LC 9(b)).
    public let declaringAtMeetings: [RuleReference]
    /// Council tenancy and rent arrears (TH 3.28), or Probity's default.
    public let councilTenancy: RuleReference
    /// Union officials and other authorities' employees on bodies that negotiate with the
    /// unions (TH 14.9), or Probity's default.
    public let tradeUnionNegotiations: RuleReference
    /// The protocol's own words on politically restricted posts (LC 5, Wigan 8.2), where it has them.
    public let politicallyRestrictedPosts: RuleReference?
    /// The protocol's words on close relationships not influencing decisions (LC 9(a)).
    public let relationshipGuidance: [RuleReference]
    private let memberSignificance: RuleReference
    private let officerSignificance: RuleReference

    /// Reads every reference once, so a conflict check of thousands of reasons builds none again.
    public init(profile: ProtocolProfile) {
        self.profile = profile
        let document = profile.document
        let rules = profile.declarations
        let guidance = Dictionary(profile.guidance.filter(\.inForce).map { ($0.parameters.key, $0.reference(in: document)) },
                                  uniquingKeysWith: { first, _ in first })
        registrationPeriod = rules.registrationPeriod.reference(in: document)
        memberRelationships = rules.memberRelationshipRecipients.reference(in: document)
        officerRelationships = rules.officerRelationshipRecipients.reference(in: document)
        recruitment = rules.recruitment.reference(in: document)
        councilTaxArrears = rules.councilTaxArrearsMonths.reference(in: document)
        relativeInDepartment = rules.relativeInDepartmentBarsCommittee.reference(in: document)
        relatedOfficer = rules.relatedOfficerDecisionBar.reference(in: document)
        councilTaxArrearsMonths = rules.councilTaxArrearsMonths.inForce
            ? rules.councilTaxArrearsMonths.parameters.months : Statute.councilTaxArrearsMonths
        declaringAtMeetings = [guidance["declare-interests-at-meetings"], guidance["declaration-of-interests"]].compactMap { $0 }
        memberSignificance = guidance["members-significant-interest"] ?? Self.significantInterestDefault
        officerSignificance = guidance["officers-significant-interest"] ?? Self.significantInterestDefault
        councilTenancy = guidance["council-tenancy-and-rent-arrears"] ?? Self.councilTenancyDefault
        tradeUnionNegotiations = guidance["trade-union-negotiating-bodies"] ?? Self.tradeUnionDefault
        politicallyRestrictedPosts = guidance["politically-restricted-posts"]
        relationshipGuidance = [guidance["relationship-no-influence"], guidance["avoid-close-familiarity"],
                                guidance["fair-and-unbiased-decisions"]].compactMap { $0 }
    }

    /// A registered or other interest, and withdrawal where it is significant (TH 3.26–3.27 for
    /// members, 4.17–4.18 for officers), or Probity's default.
    public func significantInterest(officer: Bool) -> RuleReference {
        officer ? officerSignificance : memberSignificance
    }

    // MARK: - Probity's defaults where a protocol is silent

    public static let significantInterestDefault = RuleReference(
        ruleId: "registers.default.other-interests",
        statement: "A member declares any registered or other interest an item touches. Where it is so significant that a reasonable member of the public with all the facts would think it likely to impair their judgement, they withdraw.",
        citation: RuleSource.silentCitationText)

    public static let councilTenancyDefault = RuleReference(
        ruleId: "registers.default.council-tenancy",
        statement: "A council tenant declares the tenancy on council housing matters, takes no part where an item concerns their own home, and does not vote on council rents when two months or more in rent arrears.",
        citation: RuleSource.silentCitationText)

    public static let tradeUnionDefault = RuleReference(
        ruleId: "registers.default.trade-union-negotiations",
        statement: "A member who is an official or employee of a trade union, or is employed by another local authority, takes no part in the council's negotiations with staff and the trade unions.",
        citation: RuleSource.silentCitationText)

    public static let recruitmentDefault = RuleReference(
        ruleId: "registers.default.recruitment",
        statement: "Anyone on a selection or appointment process who is related to a candidate takes no further part in it unless it is decided that they may.",
        citation: RuleSource.silentCitationText)

    public static let areaInterestDefault = RuleReference(
        ruleId: "registers.default.area-interest",
        statement: "Where an item concerns a ward or department in which a declared interest lies, the member declares the interest and asks the Monitoring Officer whether the item affects it.",
        citation: RuleSource.silentCitationText)
}
