/// How rules are cited to users: "Tower Hamlets protocol 13.5", or "Probity default (protocol silent)".
extension Citation {
    /// `<document.citationName> <reference>`; an override citing its own document names that
    /// document instead of the profile's.
    public func text(in document: SourceDocument) -> String {
        let name = self.document ?? document.citationName
        let reference = self.reference
        return reference.isEmpty ? name : "\(name) \(reference)"
    }
}

extension RuleSource {
    /// How every silent rule is cited.
    public static let silentCitationText = "Probity default (protocol silent)"

    public func citationText(in document: SourceDocument) -> String {
        switch self {
        case .cited(let citation): citation.text(in: document)
        case .silent: RuleSource.silentCitationText
        }
    }

    public var isSilent: Bool {
        if case .silent = self { return true }
        return false
    }

    public var citation: Citation? {
        if case .cited(let citation) = self { return citation }
        return nil
    }

    /// Why Probity's default applies, for a silent rule.
    public var silentReason: String? {
        if case .silent(let reason) = self { return reason }
        return nil
    }
}

extension Rule {
    /// "Tower Hamlets protocol 13.5" or "Probity default (protocol silent)".
    public func citationText(in document: SourceDocument) -> String {
        source.citationText(in: document)
    }

    /// What a case records when this rule acts on it.
    public func reference(in document: SourceDocument) -> RuleReference {
        RuleReference(ruleId: id, statement: statement, citation: citationText(in: document))
    }
}
