import Yams

/// What a parameter reader needs besides the rule's mapping.
struct ParameterContext {
    let reader: YAMLReader
    /// Whether the rule is in force: a rule that does not apply may leave its lists empty.
    let inForce: Bool
}

/// A rule's typed parameters, read from the same mapping as its statement and citation.
protocol ProfileParameters: Sendable, Hashable {
    /// Reads every parameter key (asking for all of them even when one is wrong, so nothing is
    /// reported as unknown by mistake); nil once a problem is reported.
    static func read(from map: MappingReader, _ context: ParameterContext) -> Self?
    /// A short human rendering: "10 working days", "to: chief executive". Empty for none.
    var summary: String { get }
}

extension YAMLReader {
    static let ruleExpectation = "a rule: a mapping with `statement:`, `cite:` or `silent:`, and its parameters"

    /// Reads the rule at `field`, assigning it `id`.
    func rule<P: ProfileParameters>(_ field: Field, id: String) -> Rule<P>? {
        guard let map = MappingReader(field, reader: self, expecting: Self.ruleExpectation) else { return nil }
        return rule(map, id: id)
    }

    /// Reads the rule held by `map` (common keys and parameters), assigning it `id`.
    func rule<P: ProfileParameters>(_ map: MappingReader, id: String) -> Rule<P>? {
        let statement = statement(of: map)
        let source = source(of: map)
        let inForce = optional(map.optional("inForce"), bool)
        // With `inForce` itself wrong, do not also insist on what only a rule in force needs.
        let inForceForChecks: Bool
        switch inForce {
        case .some(.some(let value)): inForceForChecks = value
        case .some(.none): inForceForChecks = true
        case .none: inForceForChecks = false
        }
        let parameters = P.read(from: map, ParameterContext(reader: self, inForce: inForceForChecks))
        map.finish()
        guard let statement, let source, let inForce, let parameters else { return nil }
        let rule = Rule(id: id, statement: statement, source: source, inForce: inForce ?? true, parameters: parameters)
        if let mismatch = SilentDefaults.mismatch(rule) {
            report(map.path, at: map.mark, "is `silent:`, so it takes Probity's documented default of \(mismatch.expected), found \(mismatch.found): cite the paragraph that sets it, or use the default")
            return nil
        }
        return rule
    }

    func statement(of map: MappingReader) -> String? {
        guard let field = map.optional("statement") else {
            report(YAMLReader.join(map.path, "statement"), at: map.mark, "missing: every rule needs a `statement:` in plain English")
            return nil
        }
        return text(field)
    }

    /// `cite:` or `silent:`, exactly one of them.
    func source(of map: MappingReader) -> RuleSource? {
        let cite = map.optional("cite")
        let silent = map.optional("silent")
        switch (cite, silent) {
        case (.some, .some):
            report(map.path, at: map.mark, "has both `cite:` and `silent:`: a rule either cites the protocol or says it is silent, not both")
            return nil
        case (nil, nil):
            report(map.path, at: map.mark, "missing: every rule needs `cite:` (the paragraphs that say it) or `silent:` (the protocol says nothing; explain the default Probity applies)")
            return nil
        case (let cite?, nil):
            return citation(cite).map(RuleSource.cited)
        case (nil, let silent?):
            return text(silent).map { RuleSource.silent(reason: $0) }
        }
    }

    /// `"13.5"`, `["13.4", "13.5"]`, or `{paragraphs: [..], heading: "…", document: "…"}`.
    func citation(_ field: Field) -> Citation? {
        let citation: Citation?
        switch field.node {
        case .scalar:
            citation = paragraph(field).map { Citation(paragraphs: [$0]) }
        case .sequence:
            citation = paragraphs(field).map { Citation(paragraphs: $0) }
        case .mapping:
            citation = citationMapping(field)
        case .alias:
            report(field.path, at: field.mark, "must be a paragraph such as \"13.5\", a list of them, or {paragraphs: [..], heading: \"…\"}")
            citation = nil
        }
        guard let citation else { return nil }
        if mode == .override, citation.document == nil {
            report(field.path, at: field.mark, "an override must cite the authority's own document, e.g. cite: {document: \"Standards Committee resolution, 12 March 2026\", paragraphs: [\"3\"]}")
            return nil
        }
        return citation
    }

    private func citationMapping(_ field: Field) -> Citation? {
        guard let map = MappingReader(field, reader: self, expecting: "a citation") else { return nil }
        let paragraphsField = map.optional("paragraphs")
        let heading = optional(map.optional("heading"), text)
        let document = optional(map.optional("document"), text)
        map.finish()
        var paragraphs: [String]?
        var paragraphsValid = true
        if let paragraphsField {
            if case .scalar = paragraphsField.node {
                paragraphs = paragraph(paragraphsField).map { [$0] }
            } else {
                paragraphs = self.paragraphs(paragraphsField)
            }
            paragraphsValid = paragraphs != nil
        }
        guard paragraphsValid, let heading, let document else { return nil }
        if paragraphs == nil, document == nil {
            report(YAMLReader.join(field.path, "paragraphs"), at: field.mark, "missing: a citation needs `paragraphs:`, such as {paragraphs: [\"13\"], heading: \"Formal complaint by a Member about an officer\"}")
            return nil
        }
        return Citation(paragraphs: paragraphs ?? [], heading: heading, document: document)
    }

    private func paragraph(_ field: Field) -> String? {
        guard case .scalar(let scalar) = field.node, !YAMLReader.isNull(scalar),
              !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            report(field.path, at: field.valueMark, "must be a paragraph reference as printed, such as \"13.5\" or \"3(e)\", found \(YAMLReader.describe(field.node))")
            return nil
        }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func paragraphs(_ field: Field) -> [String]? {
        guard let items = list(field, example: "[\"13.4\", \"13.5\"]") else { return nil }
        guard !items.isEmpty else {
            report(field.path, at: field.mark, "must name at least one paragraph; a rule the protocol says nothing on takes `silent:` instead")
            return nil
        }
        let paragraphs = items.map(paragraph)
        guard paragraphs.allSatisfy({ $0 != nil }) else { return nil }
        return paragraphs.compactMap { $0 }
    }
}
