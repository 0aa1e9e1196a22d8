import Foundation
import Yams

extension YAMLReader {
    /// Largest text read as a profile or override; protocols are a few hundred lines.
    static let maximumLength = 1_000_000

    /// Deepest flow nesting read; guards the recursive composer against pathological input.
    static let maximumNesting = 64

    /// The root of the single YAML document in `yaml`, or nil with the problem reported (malformed
    /// YAML becomes one issue at the parser's line).
    func document(_ yaml: String, path: String, expecting expectation: String) -> Field? {
        guard yaml.utf8.count <= Self.maximumLength else {
            report(path, line: nil, column: nil, "\(subject) is too long (\(yaml.utf8.count) bytes) to be a protocol profile")
            return nil
        }
        if let line = Self.lineExceedingNesting(yaml) {
            report(path, line: line, column: nil, "\(subject) nests lists or mappings in [brackets] or {braces} more than \(Self.maximumNesting) deep: check for unclosed brackets")
            return nil
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reportSyntax(error, in: yaml, path: path)
            return nil
        } catch {
            report(path, line: nil, column: nil, "\(subject) could not be read as YAML: \(error)")
            return nil
        }
        guard let root, !Self.isNull(root) else {
            report(path, line: 1, column: 1, "\(subject) is empty: expected \(expectation)")
            return nil
        }
        return Field(node: root, path: path, mark: root.mark)
    }

    /// How messages about the text as a whole name it.
    private var subject: String { mode == .profile ? "the file" : "the override" }

    private func reportSyntax(_ error: YamlError, in yaml: String, path: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // An unclosed quote is found at the end of the file; point at where it opened.
            let quoteOpened = context.map { $0.text.contains("quoted scalar") } ?? false
            let at = quoteOpened ? (context?.mark ?? mark) : mark
            let lineText = Self.line(at.line, of: yaml)
            let technical = [problem, context.map { "\($0.text) at line \($0.mark.line)" }].compactMap { $0 }.joined(separator: ", ")
            let explanation = Self.explain(problem: problem, context: context?.text, lineText: lineText)
            report(path, line: at.line, column: at.column, "\(subject) is not valid YAML: \(explanation) (\(technical))")
        case .reader(let problem, let offset, _, _):
            let position = offset.map { Self.position(ofCharacterOffset: $0, in: yaml) }
            report(path, line: position?.line, column: position?.column,
                   "\(subject) is not a text file of YAML (\(problem)): check that this is the right file")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            report(path, line: context.mark.line, column: context.mark.column,
                   "\(subject) is not valid YAML: the key \(keys) appears more than once in the same mapping; give each key once")
        default:
            report(path, line: nil, column: nil, "\(subject) could not be read as YAML: \(error)")
        }
    }

    /// A plain-English reading of libyaml's common complaints.
    private static func explain(problem: String, context: String?, lineText: String) -> String {
        if lineText.contains("\t") || problem.contains("tab") {
            return "indent with spaces, not tabs"
        }
        if let context, context.contains("quoted scalar") {
            return "a quoted text is not closed; add the closing quote"
        }
        if problem.contains("mapping values are not allowed") {
            return "a key cannot start here: check the indentation, and put text containing ': ' in quotes"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") || problem.contains("did not find expected '-'") {
            return "this line does not line up with the lines above it: check the indentation"
        }
        if problem.contains("did not find expected ',' or ']'") {
            return "a list in [brackets] is not closed with ']'"
        }
        if problem.contains("did not find expected ',' or '}'") {
            return "a mapping in {braces} is not closed with '}'"
        }
        if problem.contains("undefined alias") {
            return "an alias (*name) refers to an anchor (&name) that is not defined"
        }
        if problem.contains("another document") {
            return "a profile is a single document: remove the '---' separator"
        }
        return "the file cannot be parsed here"
    }

    /// The line where `[`/`{` nesting first exceeds the limit, counting brackets even inside text
    /// (a profile never comes near the limit, so a stray bracket in a statement cannot trip it).
    private static func lineExceedingNesting(_ text: String) -> Int? {
        var depth = 0
        var line = 1
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "\n"):
                line += 1
            default:
                break
            }
        }
        return nil
    }

    private static func line(_ number: Int, of text: String) -> String {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line) }
            current += 1
        }
        return ""
    }

    private static func position(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(max(0, offset)) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
