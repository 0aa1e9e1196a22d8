/// One piece of guidance to show with a complaint, with where the protocol says it.
public struct ComplaintGuidanceItem: Sendable, Hashable, Codable {
    /// `guidance.no-insisting-on-discipline`.
    public var ruleId: String
    public var audience: GuidanceAudience
    public var statement: String
    /// "London Councils protocol 13 (Formal complaint by a Member about an officer)".
    public var citation: String

    public init(ruleId: String, audience: GuidanceAudience, statement: String, citation: String) {
        self.ruleId = ruleId
        self.audience = audience
        self.statement = statement
        self.citation = citation
    }

    public var reference: RuleReference { RuleReference(ruleId: ruleId, statement: statement, citation: citation) }
}

/// The profile's guidance for the `complaints` context, shown at the moment it matters: to a
/// member raising a complaint (LC 13: do not insist on discipline; Wigan 4.1, Leicestershire 9:
/// never raise an officer's conduct in public or the press), to officers handling one (LC 13:
/// witnesses told only what they need to know).
public enum ComplaintGuidance {
    /// Guidance addressed to `audience` and to everyone, in profile order; every rule in force.
    /// `.everyone` gives only what is addressed to everyone.
    public static func items(for audience: GuidanceAudience, profile: ProtocolProfile) -> [ComplaintGuidanceItem] {
        all(profile).filter { $0.audience == audience || $0.audience == .everyone }
    }

    /// Every complaints guidance rule in force, in profile order.
    public static func all(_ profile: ProtocolProfile) -> [ComplaintGuidanceItem] {
        profile.guidance
            .filter { $0.inForce && $0.parameters.context == .complaints }
            .map {
                ComplaintGuidanceItem(ruleId: $0.id, audience: $0.parameters.audience, statement: $0.statement,
                                      citation: $0.citationText(in: profile.document))
            }
    }
}
