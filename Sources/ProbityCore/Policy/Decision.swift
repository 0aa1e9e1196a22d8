/// The answer to "may this person do this to that record?", with why. Every refusal and every
/// grant carries the plain-English reasons and the protocol rules that produced it, so a page
/// can say which paragraph refused.
public struct Decision: Sendable, Hashable {
    public var allowed: Bool
    public var reasons: [String]
    public var rules: [RuleReference]

    public init(allowed: Bool, reasons: [String], rules: [RuleReference] = []) {
        self.allowed = allowed
        self.reasons = reasons
        self.rules = rules
    }

    public static func allow(_ reason: String, rules: [RuleReference] = []) -> Decision {
        Decision(allowed: true, reasons: [reason], rules: rules)
    }

    public static func deny(_ reason: String, rules: [RuleReference] = []) -> Decision {
        Decision(allowed: false, reasons: [reason], rules: rules)
    }

    /// "Reason (Tower Hamlets protocol 12.19)".
    public var explanation: String {
        let cited = rules.map(\.citation)
        let because = reasons.joined(separator: " ")
        return cited.isEmpty ? because : "\(because) (\(cited.joined(separator: "; ")))"
    }
}
