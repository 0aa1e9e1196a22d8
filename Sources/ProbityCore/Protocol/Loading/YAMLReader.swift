import Foundation
import Yams

/// A value in the composed YAML tree, with its path in the profile and where to report problems.
struct Field {
    let node: Node
    /// e.g. `enquiries.responseDeadline.workingDays`, `complaints.routes[2].routing.to[0]`.
    let path: String
    /// Where a problem with the value as a whole is reported: the line of the key that introduces
    /// it (so a missing sub-key points at `responseDeadline:`), else the value's own position.
    let mark: Mark?

    /// The value's own position, where a wrong word is.
    var valueMark: Mark? { node.mark ?? mark }
}

/// Walks a composed YAML tree and collects every problem found, rather than stopping at the first.
final class YAMLReader {
    /// A whole profile, or one rule given again by an authority's override.
    enum Mode {
        case profile
        case override
    }

    let mode: Mode
    private(set) var issues: [ProfileIssue] = []

    init(mode: Mode = .profile) {
        self.mode = mode
    }

    func report(_ path: String, at mark: Mark?, _ message: String) {
        report(path, line: mark?.line, column: mark?.column, message)
    }

    func report(_ path: String, line: Int?, column: Int?, _ message: String) {
        issues.append(ProfileIssue(path: path, line: line, column: column, message: message))
    }

    /// The issues in file order (problems without a position last, in the order found).
    var sortedIssues: [ProfileIssue] {
        issues.enumerated().sorted { a, b in
            let left = (a.element.line ?? Int.max, a.element.column ?? Int.max, a.offset)
            let right = (b.element.line ?? Int.max, b.element.column ?? Int.max, b.offset)
            return left < right
        }.map(\.element)
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A word from the file as shown in a message: at most 60 characters, on one line.
    static func shown(_ word: String) -> String {
        let line = word.replacingOccurrences(of: "\n", with: " ")
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }

    /// A short description of what was found, for messages: "'ten'", "a list", "nothing".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing" }
            return "'\(shown(scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)))'"
        case .mapping:
            return "a mapping of keys and values"
        case .sequence:
            return "a list"
        case .alias:
            return "an alias"
        }
    }

    /// `key:` with nothing after it, `~` or `null` (unquoted).
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        switch scalar.style {
        case .plain, .any:
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        default:
            return false
        }
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return isNull(scalar) }
        return false
    }
}

/// Reads one YAML mapping, remembering which keys were asked for, so that every key nobody asked
/// for is reported as unknown (with the nearest known key as a suggestion).
final class MappingReader {
    struct Entry {
        let key: String
        let keyMark: Mark?
        let value: Node
    }

    /// What a missing key is, for the message.
    enum Requirement {
        case key
        case section
        case rule
    }

    let path: String
    /// Where problems with the mapping as a whole are reported.
    let mark: Mark?
    let reader: YAMLReader
    private let entries: [Entry]
    private var asked: [String] = []

    /// Nil (with the problem reported) when the field is not a mapping.
    init?(_ field: Field, reader: YAMLReader, expecting expectation: String) {
        guard case .mapping(let mapping) = field.node else {
            reader.report(field.path, at: field.mark, "must be \(expectation), found \(YAMLReader.describe(field.node))")
            return nil
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                reader.report(field.path, at: key.mark ?? field.mark, "a key must be a plain word, found \(YAMLReader.describe(key))")
                continue
            }
            entries.append(Entry(key: scalar.string, keyMark: key.mark, value: value))
        }
        self.path = field.path
        self.mark = field.mark
        self.reader = reader
        self.entries = entries
    }

    /// The value of `key`, or nil if it is absent.
    func optional(_ key: String) -> Field? {
        if !asked.contains(key) { asked.append(key) }
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        return Field(node: entry.value, path: YAMLReader.join(path, key), mark: entry.keyMark ?? entry.value.mark)
    }

    /// The value of `key`; reports it missing if absent.
    func required(_ key: String, _ requirement: Requirement = .key) -> Field? {
        if let field = optional(key) { return field }
        let message: String
        switch requirement {
        case .key:
            message = "required key '\(key)' is missing"
        case .section:
            message = "required section '\(key)' is missing"
        case .rule:
            message = "required rule '\(key)' is missing: a protocol that says nothing on it still needs the rule, with `silent:` and Probity's default"
        }
        reader.report(YAMLReader.join(path, key), at: mark, message)
        return nil
    }

    /// The raw text of a scalar value, without reporting anything; for ids derived from a value.
    func peekText(_ key: String) -> String? {
        guard let field = optional(key), case .scalar(let scalar) = field.node, !YAMLReader.isNull(scalar) else { return nil }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reports every key that was never asked for.
    func finish() {
        for entry in entries where !asked.contains(entry.key) {
            let key = YAMLReader.shown(entry.key)
            let message: String
            if let suggestion = Suggestion.closest(to: entry.key, in: asked) {
                message = "unknown key '\(key)' (did you mean '\(suggestion)'?)"
            } else if asked.isEmpty {
                message = "unknown key '\(key)': nothing else is expected here"
            } else {
                message = "unknown key '\(key)': expected one of \(asked.joined(separator: ", "))"
            }
            reader.report(YAMLReader.join(path, key), at: entry.keyMark ?? mark, message)
        }
    }
}
