import ProbityCore

/// A profile laid out for the protocol pages and the API: header facts and rules by section.
struct ProtocolView: Encodable {
    struct Rule: Encodable {
        var id: String
        var title: String
        var statement: String
        var citation: String
        var isSilent: Bool
        var silentReason: String?
        var inForce: Bool
        var parameters: String
        var overridden: Bool
    }
    struct Section: Encodable {
        var key: String
        var name: String
        var rules: [Rule]
    }

    var id: String
    var name: String
    var authorityName: String
    var documentTitle: String
    var citationName: String
    var date: String
    var region: String
    var sections: [Section]
    var ruleCount: Int
    var silentCount: Int

    init(_ profile: ProtocolProfile, overridden: Set<String> = []) {
        id = profile.id
        name = ProtocolCatalogue.displayName(of: profile)
        authorityName = profile.authorityName
        documentTitle = profile.document.title
        citationName = profile.document.citationName
        date = profile.document.date
        region = profile.region.displayName
        let rules = profile.allRules
        sections = ProfileSection.allCases.compactMap { section in
            let inSection = rules.filter { $0.section == section }.map {
                Rule(id: $0.id, title: $0.title, statement: $0.statement, citation: $0.citation, isSilent: $0.isSilent,
                     silentReason: $0.silentReason, inForce: $0.inForce, parameters: $0.parameters, overridden: overridden.contains($0.id))
            }
            return inSection.isEmpty ? nil : Section(key: section.rawValue, name: section.displayName, rules: inSection)
        }
        ruleCount = rules.count
        silentCount = rules.filter(\.isSilent).count
    }
}

/// Two profiles side by side, rule by rule.
struct ComparisonView: Encodable {
    struct Row: Encodable {
        var id: String
        var section: String
        var title: String
        var left: ProtocolView.Rule?
        var right: ProtocolView.Rule?
        var differs: Bool
    }
    var left: String
    var right: String
    var leftName: String
    var rightName: String
    var rows: [Row]
    var differences: Int

    init(_ a: ProtocolProfile, _ b: ProtocolProfile, onlyDifferences: Bool = false) {
        left = a.id
        right = b.id
        leftName = ProtocolCatalogue.displayName(of: a)
        rightName = ProtocolCatalogue.displayName(of: b)
        func view(_ r: RuleSummary?) -> ProtocolView.Rule? {
            r.map { ProtocolView.Rule(id: $0.id, title: $0.title, statement: $0.statement, citation: $0.citation, isSilent: $0.isSilent,
                                      silentReason: $0.silentReason, inForce: $0.inForce, parameters: $0.parameters, overridden: false) }
        }
        let all = a.compared(with: b)
        rows = all.filter { !onlyDifferences || $0.differs }.map {
            Row(id: $0.id, section: $0.section.displayName, title: $0.title, left: view($0.left), right: view($0.right), differs: $0.differs)
        }
        differences = all.filter(\.differs).count
    }
}
