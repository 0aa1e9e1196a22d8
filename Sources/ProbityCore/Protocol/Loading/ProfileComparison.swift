/// One row of a side-by-side comparison of two profiles.
public struct RuleComparison: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var section: ProfileSection
    public var title: String
    /// The rule in the first profile, if it has it (routes and guidance differ between profiles).
    public var left: RuleSummary?
    /// The rule in the second profile, if it has it.
    public var right: RuleSummary?

    /// The rule acts differently: only one profile has it, or its parameters, whether it is in
    /// force, or whether the protocol is silent on it differ. Wording and citations always differ
    /// between protocols and do not count.
    public var differs: Bool {
        guard let left, let right else { return true }
        return left.parameters != right.parameters || left.inForce != right.inForce || left.isSilent != right.isSilent
    }
}

extension ProtocolProfile {
    /// Both profiles' rules matched by id, section by section: this profile's order first, then
    /// rules only the other has.
    public func compared(with other: ProtocolProfile) -> [RuleComparison] {
        let mine = allRules
        let theirs = other.allRules
        let theirsByID = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let mineIDs = Set(mine.map(\.id))
        var rows: [RuleComparison] = []
        for section in ProfileSection.allCases {
            for rule in mine where rule.section == section {
                rows.append(RuleComparison(id: rule.id, section: section, title: rule.title, left: rule, right: theirsByID[rule.id]))
            }
            for rule in theirs where rule.section == section && !mineIDs.contains(rule.id) {
                rows.append(RuleComparison(id: rule.id, section: section, title: rule.title, left: nil, right: rule))
            }
        }
        return rows
    }
}
