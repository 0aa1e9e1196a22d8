/// Registers of interests, close personal relationships, recruitment links and restrictions.
public struct DeclarationRules: Sendable, Hashable {
    /// Register within N calendar days of taking office or of a change (Localism Act 2011 s.30/31).
    public var registrationPeriod: Rule<CalendarDaysPeriod>
    /// Where a member's close personal relationship with an officer is reported.
    public var memberRelationshipRecipients: Rule<Routing>
    /// Where an officer's close personal relationship with a member is reported.
    public var officerRelationshipRecipients: Rule<Routing>
    /// Relationships to candidates on a selection process; who determines whether the declarant continues.
    public var recruitment: Rule<Routing>
    /// Council tax arrears of this many months or more bar voting on the budget (s.106 LGFA 1992).
    public var councilTaxArrearsMonths: Rule<ArrearsThreshold>
    /// A member does not sit on the committee for a department where a close relative or partner works (TH 14.15).
    public var relativeInDepartmentBarsCommittee: Rule<NoParameters>
    /// A member takes no part in decisions affecting an officer with whom they have a close relationship (TH 5.3).
    public var relatedOfficerDecisionBar: Rule<NoParameters>

    public init(
        registrationPeriod: Rule<CalendarDaysPeriod>, memberRelationshipRecipients: Rule<Routing>,
        officerRelationshipRecipients: Rule<Routing>, recruitment: Rule<Routing>,
        councilTaxArrearsMonths: Rule<ArrearsThreshold>, relativeInDepartmentBarsCommittee: Rule<NoParameters>,
        relatedOfficerDecisionBar: Rule<NoParameters>
    ) {
        self.registrationPeriod = registrationPeriod
        self.memberRelationshipRecipients = memberRelationshipRecipients
        self.officerRelationshipRecipients = officerRelationshipRecipients
        self.recruitment = recruitment
        self.councilTaxArrearsMonths = councilTaxArrearsMonths
        self.relativeInDepartmentBarsCommittee = relativeInDepartmentBarsCommittee
        self.relatedOfficerDecisionBar = relatedOfficerDecisionBar
    }
}

public struct ArrearsThreshold: Sendable, Hashable, Codable {
    public var months: Int
    public init(months: Int) { self.months = months }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension DeclarationRules: Encodable {}
