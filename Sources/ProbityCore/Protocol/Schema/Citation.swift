/// Where a rule comes from: a paragraph (or several) of the authority's protocol document.
///
/// Some protocols number every paragraph ("13.5"); London Councils numbers sections and
/// titles its sub-sections, so a citation can carry the sub-heading too
/// ("13, Formal complaint by a Member about an officer").
public struct Citation: Sendable, Hashable, Codable {
    /// Paragraph references as printed in the document, e.g. `["13.5"]`, `["3(e)"]`, `["12.6(ii)"]`.
    public var paragraphs: [String]
    /// The sub-heading the paragraphs sit under, where the document's numbering alone is ambiguous.
    public var heading: String?
    /// Set only when the rule comes from another document than the profile's own, e.g. an
    /// authority's override citing its own resolution ("Standards Committee resolution, 12 March 2026").
    public var document: String?

    public init(paragraphs: [String], heading: String? = nil, document: String? = nil) {
        self.paragraphs = paragraphs
        self.heading = heading
        self.document = document
    }

    /// "13.5", "13.4 and 13.5", "13 (Confidentiality)".
    public var reference: String {
        let paras: String
        switch paragraphs.count {
        case 0: paras = ""
        case 1: paras = paragraphs[0]
        default: paras = paragraphs.dropLast().joined(separator: ", ") + " and " + paragraphs.last!
        }
        guard let heading, !heading.isEmpty else { return paras }
        return paras.isEmpty ? heading : "\(paras) (\(heading))"
    }
}

/// Why a rule is in force: the protocol says so, or the protocol is silent and Probity applies a
/// documented default. A silent rule never carries an invented citation.
public enum RuleSource: Sendable, Hashable {
    case cited(Citation)
    /// The protocol says nothing on this; `reason` explains the default Probity uses.
    case silent(reason: String)
}
