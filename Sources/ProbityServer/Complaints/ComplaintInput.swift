import Foundation
import ProbityCore
import Vapor

/// The values of a complaints form or JSON body, read the same way for pages and the API:
/// every field as a list of strings. A JSON body must be an object whose values are strings,
/// booleans, null or arrays of strings; anything else, and any key the action does not take,
/// is refused by name.
struct ComplaintInput: Sendable {
    var values: [String: [String]]
    /// Keys a JSON body sent as true or false: a text field refuses them (the document says string).
    var booleanKeys: Set<String> = []

    init(values: [String: [String]]) { self.values = values }

    init(form: FormBody) {
        var values = form.values
        values["csrf"] = nil
        self.values = values
    }

    init(json object: [String: JSONValue], allowed: [String]) throws {
        var values: [String: [String]] = [:]
        var booleans: Set<String> = []
        var errors: [FieldError] = []
        for key in object.keys.sorted() {
            guard allowed.contains(key) else {
                errors.append(FieldError(field: key, message: "'\(key)' is not a field of this request"))
                continue
            }
            switch object[key] {
            case .string(let s)?: values[key] = [s]
            case .bool(let b)?: values[key] = [b ? "true" : "false"]; booleans.insert(key)
            case .null?, nil: break
            case .array(let items)?:
                var strings: [String] = []
                for item in items {
                    if case .string(let s) = item { strings.append(s) } else {
                        errors.append(FieldError(field: key, message: "\(key) must be a list of strings"))
                        break
                    }
                }
                values[key] = strings
            case .some(let other):
                errors.append(FieldError(field: key, message: "\(key) must be a string, not \(other.typeName)"))
            }
        }
        if !errors.isEmpty { throw AppError.validation(errors) }
        self.values = values
        self.booleanKeys = booleans
    }

    /// The trimmed value, or "" when absent.
    func text(_ key: String) -> String {
        (values[key]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func list(_ key: String) -> [String] {
        (values[key] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

/// Reading and checking the values complaints take.
enum ComplaintFields {
    static let maxNarrative = 10_000
    static let maxStatement = 4_000
    static let maxTitle = 200
    static let maxDates = 20

    /// Required text of at most `max` characters.
    static func required(_ input: ComplaintInput, _ key: String, _ missing: String, max: Int, errors: inout [FieldError]) -> String {
        let value = input.text(key)
        if input.booleanKeys.contains(key) { errors.append(FieldError(field: key, message: "\(key) must be text, not true or false")) }
        else if value.isEmpty { errors.append(FieldError(field: key, message: missing)) }
        else if value.unicodeScalars.count > max { errors.append(FieldError(field: key, message: "Keep this to \(max) characters or fewer")) }
        return value
    }

    /// Optional text of at most `max` characters; nil when blank.
    static func optional(_ input: ComplaintInput, _ key: String, max: Int, errors: inout [FieldError]) -> String? {
        let value = input.text(key)
        if input.booleanKeys.contains(key) {
            errors.append(FieldError(field: key, message: "\(key) must be text, not true or false"))
            return nil
        }
        if value.unicodeScalars.count > max { errors.append(FieldError(field: key, message: "Keep this to \(max) characters or fewer")) }
        return value.isEmpty ? nil : value
    }

    static func choice<T: RawRepresentable>(_ input: ComplaintInput, _ key: String, _ missing: String, errors: inout [FieldError]) -> T? where T.RawValue == String {
        let raw = input.text(key)
        guard let value = T(rawValue: raw) else {
            errors.append(FieldError(field: key, message: missing))
            return nil
        }
        return value
    }

    /// `officer:<id>` or `member:<id>` naming someone in the directory.
    static func person(_ input: ComplaintInput, _ key: String, _ missing: String, org: OrgSnapshot, errors: inout [FieldError]) -> PersonRef? {
        let raw = input.text(key)
        guard !raw.isEmpty else {
            errors.append(FieldError(field: key, message: missing))
            return nil
        }
        guard let person = parsePerson(raw), !org.complaintSubjectKinds(of: person).isEmpty else {
            errors.append(FieldError(field: key, message: "Choose someone in the directory"))
            return nil
        }
        return person
    }

    static func parsePerson(_ raw: String) -> PersonRef? {
        let parts = raw.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "officer": return .officer(id)
        case "member": return .member(id)
        default: return nil
        }
    }

    /// Dates written YYYY-MM-DD, separated by commas or spaces; none after `today`.
    static func dates(_ input: ComplaintInput, _ key: String, today: CalendarDate, errors: inout [FieldError]) -> [CalendarDate] {
        let words = input.list(key).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init) }
        guard words.count <= maxDates else {
            errors.append(FieldError(field: key, message: "Give at most \(maxDates) dates"))
            return []
        }
        var dates: [CalendarDate] = []
        for word in words {
            guard let date = CalendarDate(iso: word) else {
                errors.append(FieldError(field: key, message: "'\(word)' is not a date: write each date as YYYY-MM-DD, for example 2026-11-12"))
                return []
            }
            if date > today {
                errors.append(FieldError(field: key, message: "\(date.displayLong) is in the future: give the dates it happened"))
                return []
            }
            if !dates.contains(date) { dates.append(date) }
        }
        return dates.sorted()
    }

    /// `true`/`yes` or `false`/`no`; nil when blank.
    static func yesNo(_ input: ComplaintInput, _ key: String, errors: inout [FieldError]) -> Bool? {
        switch input.text(key).lowercased() {
        case "": return nil
        case "true", "yes": return true
        case "false", "no": return false
        default:
            errors.append(FieldError(field: key, message: "Answer yes or no"))
            return nil
        }
    }
}
