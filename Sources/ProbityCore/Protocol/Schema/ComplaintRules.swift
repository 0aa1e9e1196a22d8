/// Complaints between members and officers, breaches of the protocol and improper influence.
public struct ComplaintRules: Sendable, Hashable {
    /// Written acknowledgement (receipt, intended action, expected time) within N working days.
    public var acknowledgementDeadline: Rule<WorkingDaysPeriod>
    /// Formal routes by who complains about whom. Rule ids: `complaints.routes.<key>`.
    public var routes: [Rule<ComplaintRoute>]
    /// Informal resolution ladder, where the protocol sets one (Wigan 5.1–5.2).
    public var informalLadder: Rule<ResolutionLadder>
    /// A dissatisfied complainant may refer the complaint on for independent assessment.
    public var referral: Rule<Routing>
    /// Who needs to know the full details of a complaint.
    public var needToKnow: Rule<Audience>
    /// The complainant's identity is disclosed only on a need-to-know basis.
    public var complainantIdentityProtected: Rule<NoParameters>
    /// Reports of improper influence or undue pressure on an officer.
    public var improperInfluence: Rule<Routing>
    /// The nominated officer who monitors complaints and reports to the Standards Committee.
    public var monitoring: Rule<Routing>
    /// Indicator for repeated minor complaints by one person (Wigan 5.4).
    public var repeatedComplaintsIndicator: Rule<Threshold>

    public init(
        acknowledgementDeadline: Rule<WorkingDaysPeriod>, routes: [Rule<ComplaintRoute>],
        informalLadder: Rule<ResolutionLadder>, referral: Rule<Routing>, needToKnow: Rule<Audience>,
        complainantIdentityProtected: Rule<NoParameters>, improperInfluence: Rule<Routing>,
        monitoring: Rule<Routing>, repeatedComplaintsIndicator: Rule<Threshold>
    ) {
        self.acknowledgementDeadline = acknowledgementDeadline
        self.routes = routes
        self.informalLadder = informalLadder
        self.referral = referral
        self.needToKnow = needToKnow
        self.complainantIdentityProtected = complainantIdentityProtected
        self.improperInfluence = improperInfluence
        self.monitoring = monitoring
        self.repeatedComplaintsIndicator = repeatedComplaintsIndicator
    }
}

/// Who can complain.
public enum ComplainantKind: String, Sendable, Hashable, Codable, CaseIterable {
    case member, officer
}

/// Whom a complaint can be about.
public enum ComplaintSubjectKind: String, Sendable, Hashable, Codable, CaseIterable {
    case officer                                  // any officer below director
    case director                                 // a (corporate/divisional) director or chief officer
    case chiefExecutive = "chief-executive"
    case monitoringOfficer = "monitoring-officer"
    case member                                   // any member
    case groupLeader = "group-leader"
    case chair                                    // Chair / Mayor
}

public enum ComplaintProcedure: String, Sendable, Hashable, Codable, CaseIterable {
    case formal
    case informal
    /// A statutory procedure outside the protocol, e.g. the Local Authorities (Standing Orders)
    /// Regulations 1993 for the Head of Paid Service, or the Members' Code of Conduct.
    case statutory
}

public struct ComplaintRoute: Sendable, Hashable, Codable {
    /// Stable key used in the rule id, e.g. `member-about-officer`.
    public var key: String
    public var complainant: ComplainantKind
    public var about: ComplaintSubjectKind
    public var procedure: ComplaintProcedure
    public var routing: Routing
    /// For a statutory route: the instrument named by the protocol.
    public var statutoryInstrument: String?
    /// What the complainant is entitled to learn, in the protocol's words.
    public var complainantLearns: String?

    public init(
        key: String, complainant: ComplainantKind, about: ComplaintSubjectKind,
        procedure: ComplaintProcedure, routing: Routing, statutoryInstrument: String? = nil,
        complainantLearns: String? = nil
    ) {
        self.key = key
        self.complainant = complainant
        self.about = about
        self.procedure = procedure
        self.routing = routing
        self.statutoryInstrument = statutoryInstrument
        self.complainantLearns = complainantLearns
    }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension ComplaintRules: Encodable {}
