/// One rule of a protocol profile: what it says in plain English, where it comes from, and the
/// typed parameters the software acts on.
///
/// Rule ids are not written in profile files; they are the rule's path in the profile
/// (`enquiries.responseDeadline`, `complaints.routes.member-about-officer`), assigned on load,
/// so an id can never disagree with where the rule sits.
public struct Rule<Parameters: Sendable & Hashable>: Sendable, Hashable {
    public var id: String
    /// Short plain-English statement shown to users where the rule acts.
    public var statement: String
    public var source: RuleSource
    /// Whether the rule is in force for this authority. A profile may carry a rule that the
    /// authority has switched off (with the override's own citation).
    public var inForce: Bool
    public var parameters: Parameters

    public init(id: String, statement: String, source: RuleSource, inForce: Bool = true, parameters: Parameters) {
        self.id = id
        self.statement = statement
        self.source = source
        self.inForce = inForce
        self.parameters = parameters
    }
}

/// A rule with no parameters beyond being in force (e.g. "members cannot set priority").
public struct NoParameters: Sendable, Hashable, Codable {
    public init() {}
}

/// The identity and source of a rule, without its parameters: what a case records when the rule
/// acts on it, and what a page shows ("10 working days (Tower Hamlets protocol 13.5)").
public struct RuleReference: Sendable, Hashable, Codable {
    public var ruleId: String
    public var statement: String
    /// e.g. "Tower Hamlets protocol 13.5", or "Probity default (protocol silent)".
    public var citation: String

    public init(ruleId: String, statement: String, citation: String) {
        self.ruleId = ruleId
        self.statement = statement
        self.citation = citation
    }
}
