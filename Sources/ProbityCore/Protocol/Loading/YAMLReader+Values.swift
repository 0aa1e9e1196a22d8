import Foundation
import Yams

/// Typed values. Each returns nil after reporting the problem, so callers read every field first
/// and only then combine them, and every problem in a rule is reported together.
extension YAMLReader {
    /// An optional field: `.some(nil)` when absent, `.some(value)` when valid, `nil` when invalid
    /// (already reported). Use with `guard let`.
    func optional<T>(_ field: Field?, _ read: (Field) -> T?) -> T?? {
        guard let field else { return .some(nil) }
        guard let value = read(field) else { return nil }
        return .some(value)
    }

    /// Non-empty text, trimmed.
    func text(_ field: Field) -> String? {
        guard case .scalar(let scalar) = field.node else {
            report(field.path, at: field.mark, "must be text, found \(Self.describe(field.node))")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !Self.isNull(scalar), !text.isEmpty else {
            report(field.path, at: field.valueMark, "must not be empty")
            return nil
        }
        return text
    }

    /// A lowercase slug: letters, digits and single hyphens, e.g. `member-about-officer`.
    func slug(_ field: Field, example: String) -> String? {
        guard let word = text(field) else { return nil }
        guard Self.isSlug(word) else {
            report(field.path, at: field.valueMark, "must be a short name of lowercase letters, digits and hyphens, such as '\(example)', found '\(Self.shown(word))'")
            return nil
        }
        return word
    }

    static func isSlug(_ word: String) -> Bool {
        guard (1...64).contains(word.count), !word.hasPrefix("-"), !word.hasSuffix("-"), !word.contains("--") else { return false }
        return word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A whole number in `range`; `unit` names what is counted ("working days").
    func integer(_ field: Field, in range: ClosedRange<Int>, of unit: String? = nil) -> Int? {
        let counted = unit.map { " of \($0)" } ?? ""
        let expectation = "must be a whole number\(counted) from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = field.node, !Self.isNull(scalar) else {
            report(field.path, at: field.valueMark, "\(expectation), found \(Self.describe(field.node))")
            return nil
        }
        let word = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let value = Int(word), range.contains(value) else {
            report(field.path, at: field.valueMark, "\(expectation), found '\(Self.shown(word))'")
            return nil
        }
        return value
    }

    /// A finite number accepted by `isValid`; `expectation` says what is wanted.
    func number(_ field: Field, expectation: String, isValid: (Double) -> Bool) -> Double? {
        guard case .scalar(let scalar) = field.node, !Self.isNull(scalar) else {
            report(field.path, at: field.valueMark, "\(expectation), found \(Self.describe(field.node))")
            return nil
        }
        let word = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let value = Double(word), value.isFinite, isValid(value) else {
            report(field.path, at: field.valueMark, "\(expectation), found '\(Self.shown(word))'")
            return nil
        }
        return value
    }

    func bool(_ field: Field) -> Bool? {
        if case .scalar(let scalar) = field.node, !Self.isNull(scalar) {
            switch scalar.string.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        report(field.path, at: field.valueMark, "must be true or false, found \(Self.describe(field.node))")
        return nil
    }

    /// One of a fixed set of words; `what` names the kind of value ("region").
    func choice<Choice: CaseIterable & RawRepresentable>(_ field: Field, _ what: String) -> Choice? where Choice.RawValue == String {
        let options = Choice.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = field.node, !Self.isNull(scalar) else {
            report(field.path, at: field.valueMark, "must be one of \(options.joined(separator: ", ")), found \(Self.describe(field.node))")
            return nil
        }
        let word = scalar.string.trimmingCharacters(in: .whitespaces)
        if let value = Choice(rawValue: word) { return value }
        report(field.path, at: field.valueMark,
               "unknown \(what) '\(Self.shown(word))'\(Suggestion.hint(for: word, in: options)): choose one of \(options.joined(separator: ", "))")
        return nil
    }

    /// The items of a list; `example` shows what a list looks like here.
    func list(_ field: Field, example: String) -> [Field]? {
        guard case .sequence(let sequence) = field.node else {
            let empty = Self.isNull(field.node) ? "; write [] for an empty list" : ""
            report(field.path, at: field.mark, "must be a list, such as \(example), found \(Self.describe(field.node))\(empty)")
            return nil
        }
        return sequence.enumerated().map { index, node in
            Field(node: node, path: "\(field.path)[\(index)]", mark: node.mark ?? field.mark)
        }
    }

    /// A list of recipients (`chief-executive`, `subject.director`); `required` when it must name
    /// at least one.
    func recipients(_ field: Field, required: Bool) -> [Recipient]? {
        guard let items = list(field, example: "[chief-executive, subject.director]") else { return nil }
        var ok = true
        if required, items.isEmpty {
            report(field.path, at: field.mark, "must name at least one recipient; a rule that does not apply takes `inForce: false`")
            ok = false
        }
        var recipients: [Recipient] = []
        for item in items {
            guard case .scalar(let scalar) = item.node, !Self.isNull(scalar) else {
                report(item.path, at: item.valueMark, "must be a recipient such as 'chief-executive' or 'subject.director', found \(Self.describe(item.node))")
                ok = false
                continue
            }
            let word = scalar.string.trimmingCharacters(in: .whitespaces)
            guard let recipient = Recipient(string: word) else {
                report(item.path, at: item.valueMark, Self.recipientProblem(word))
                ok = false
                continue
            }
            if recipients.contains(recipient) {
                report(item.path, at: item.valueMark, "lists '\(Self.shown(word))' twice")
                ok = false
            }
            recipients.append(recipient)
        }
        return ok ? recipients : nil
    }

    /// A list of words from a fixed set, each at most once.
    func choices<Choice: CaseIterable & RawRepresentable & Equatable>(
        _ field: Field, _ what: String, required: Bool
    ) -> [Choice]? where Choice.RawValue == String {
        let example = "[" + Choice.allCases.prefix(2).map(\.rawValue).joined(separator: ", ") + "]"
        guard let items = list(field, example: example) else { return nil }
        var ok = true
        if required, items.isEmpty {
            report(field.path, at: field.mark, "must name at least one \(what); a rule that does not apply takes `inForce: false`")
            ok = false
        }
        var values: [Choice] = []
        for item in items {
            guard let value: Choice = choice(item, what) else {
                ok = false
                continue
            }
            if values.contains(value) {
                report(item.path, at: item.valueMark, "lists '\(value.rawValue)' twice")
                ok = false
            }
            values.append(value)
        }
        return ok ? values : nil
    }

    /// What is wrong with a word that is not a recipient, and how to write one.
    static func recipientProblem(_ fullWord: String) -> String {
        let word = shown(fullWord)
        let howTo = "write a role such as 'chief-executive' or 'anchor.role' such as 'subject.director'"
        let absolute = OrgRole.allCases.filter { !$0.isRelative }.map(\.rawValue)
        let parts = fullWord.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, let role = OrgRole(rawValue: word), role.isRelative {
            return "recipient '\(word)' needs a party of the case: write 'anchor.\(word)' such as 'subject.\(word)' or 'service.\(word)'"
        }
        if parts.count == 1 {
            return "unknown recipient '\(word)': \(howTo)\(Suggestion.hint(for: word, in: absolute))"
        }
        if parts.count == 2 {
            let anchors = RoleAnchor.allCases.map(\.rawValue)
            let roles = OrgRole.allCases.map(\.rawValue)
            if RoleAnchor(rawValue: parts[0]) == nil {
                let suggestion = Suggestion.closest(to: parts[0], in: anchors).map { " (did you mean '\($0).\(parts[1])'?)" } ?? ""
                return "unknown recipient '\(word)'\(suggestion): '\(parts[0])' is not a party of the case; use one of \(anchors.joined(separator: ", "))"
            }
            if OrgRole(rawValue: parts[1]) == nil {
                let suggestion = Suggestion.closest(to: parts[1], in: roles).map { " (did you mean '\(parts[0]).\($0)'?)" } ?? ""
                return "unknown recipient '\(word)': \(howTo)\(suggestion)"
            }
        }
        return "unknown recipient '\(word)': \(howTo)"
    }
}
