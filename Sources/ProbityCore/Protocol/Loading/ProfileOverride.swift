/// An authority's replacement for one rule of its chosen profile: the whole rule again, in the
/// same shape as in the profile, citing the authority's own document (`cite: {document: …,
/// paragraphs: […]}`) or `silent:`.
public struct ProfileOverride: Sendable, Hashable, Codable {
    /// e.g. `enquiries.responseDeadline`, `complaints.routes.member-about-officer`.
    public var ruleId: String
    /// The rule as a YAML mapping, e.g. "statement: …\ncite: {document: …, paragraphs: [\"3\"]}\nworkingDays: 5".
    public var yaml: String

    public init(ruleId: String, yaml: String) {
        self.ruleId = ruleId
        self.yaml = yaml
    }
}

extension ProtocolProfile {
    /// This profile with each override's rule replaced. Every override is validated like the
    /// profile itself; problems (paths start with the rule id, lines count within the override's
    /// text) are reported together, and nothing is applied unless all are valid.
    public func applying(_ overrides: [ProfileOverride]) throws(ProfileValidationError) -> ProtocolProfile {
        var profile = self
        var issues: [ProfileIssue] = []
        var seen: Set<String> = []
        let slots = ruleSlots
        for override in overrides {
            guard seen.insert(override.ruleId).inserted else {
                issues.append(ProfileIssue(path: override.ruleId, message: "is overridden more than once: give one override per rule"))
                continue
            }
            guard let slot = slots.first(where: { $0.id == override.ruleId }) else {
                let hint = Suggestion.hint(for: override.ruleId, in: slots.map(\.id))
                issues.append(ProfileIssue(path: override.ruleId, message: "unknown rule id '\(override.ruleId)'\(hint): the \(id) profile has no such rule; ids look like 'enquiries.responseDeadline'"))
                continue
            }
            let reader = YAMLReader(mode: .override)
            if let field = reader.document(override.yaml, path: override.ruleId, expecting: YAMLReader.ruleExpectation) {
                let replaced = slot.replace(&profile, field, reader)
                if !replaced, reader.issues.isEmpty {
                    reader.report(override.ruleId, at: field.mark, "the override could not be applied")
                }
            }
            issues += reader.sortedIssues
        }
        guard issues.isEmpty else { throw ProfileValidationError(file: nil, issues: issues) }
        return profile
    }

    /// `applying(_:)` with overrides given as rule id → YAML text, applied in rule-id order.
    public func applying(overrides: [String: String]) throws(ProfileValidationError) -> ProtocolProfile {
        try applying(overrides.sorted { $0.key < $1.key }.map { ProfileOverride(ruleId: $0.key, yaml: $0.value) })
    }
}
