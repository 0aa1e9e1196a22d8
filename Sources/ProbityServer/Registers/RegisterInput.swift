import Foundation
import ProbityCore
import Vapor

/// The values of a registers form or JSON body, read the same way for pages and the API: every
/// field as a list of strings. A JSON value may be a string, a whole number, a boolean, null or
/// a list of strings; anything else, and any key the request does not take, is refused by name.
struct RegisterInput: Sendable {
    var values: [String: [String]]

    init(values: [String: [String]]) { self.values = values }

    /// What each JSON key must be: counts are numbers, flags booleans, lists of names lists of
    /// strings, everything else a string. Anything else, null included, is the wrong type.
    enum Shape: CustomStringConvertible {
        case text, boolean, number, list
        var description: String {
            switch self {
            case .text: "a string"
            case .boolean: "true or false"
            case .number: "a whole number"
            case .list: "a list of strings"
            }
        }
    }

    static let numberKeys: Set<String> = ["months", "rentArrearsMonths"]
    static let booleanKeys: Set<String> = Set(["sensitive", "significant", "undueInfluence", "jeopardises", "negotiatesWithStaff",
                                               "includeCommitteeMembers", "mayContinue"] + RegisterFields.businessKeys)
    static let listKeys: Set<String> = Set(RegisterFields.tagKeys + ["itemIDs"])

    static func shape(of key: String) -> Shape {
        if numberKeys.contains(key) { return .number }
        if booleanKeys.contains(key) { return .boolean }
        if listKeys.contains(key) { return .list }
        return .text
    }

    init(form: FormBody) {
        var values = form.values
        values["csrf"] = nil
        self.values = values
    }

    init(json object: [String: JSONValue], allowed: Set<String>, prefix: String = "") throws {
        var values: [String: [String]] = [:]
        var errors: [FieldError] = []
        for key in object.keys.sorted() {
            let field = prefix + key
            guard allowed.contains(key) else {
                errors.append(FieldError(field: field, message: "'\(key)' is not a field of this request"))
                continue
            }
            switch (object[key], Self.shape(of: key)) {
            case (.string(let s)?, .text): values[key] = [s]
            case (.bool(let b)?, .boolean): values[key] = [b ? "true" : "false"]
            case (.number(let n)?, .number):
                if n.rounded() == n && abs(n) < 1_000_000 { values[key] = [String(Int(n))] } else {
                    errors.append(FieldError(field: field, message: "\(key) must be a whole number"))
                }
            case (.array(let items)?, .list):
                var strings: [String] = []
                for item in items {
                    if case .string(let s) = item { strings.append(s) } else {
                        errors.append(FieldError(field: field, message: "\(key) must be a list of strings"))
                        break
                    }
                }
                values[key] = strings
            case (nil, _): break
            case (.some(let other), let shape):
                errors.append(FieldError(field: field, message: "\(key) must be \(shape.description), not \(other.typeName)"))
            }
        }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        self.values = values
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// The trimmed value, or "" when absent.
    func text(_ key: String) -> String {
        (values[key]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every non-empty value, each line of a multi-line value on its own.
    func list(_ key: String) -> [String] {
        (values[key] ?? []).flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A checkbox or JSON boolean: `true`, `yes`, `on` are true; absent is false.
    func flag(_ key: String, errors: inout [FieldError]) -> Bool {
        switch text(key).lowercased() {
        case "", "false", "no", "off": return false
        case "true", "yes", "on": return true
        default:
            errors.append(FieldError(field: key, message: "Answer yes or no"))
            return false
        }
    }

    /// The value as a lines-joined string, for putting back into a textarea.
    func lines(_ key: String) -> String { list(key).joined(separator: "\n") }
}

/// Reading the values the registers take.
enum RegisterFields {
    static let maxText = 2_000
    static let maxName = 200
    static let maxList = 50

    static func required(_ input: RegisterInput, _ key: String, _ missing: String, max: Int = maxText, errors: inout [FieldError]) -> String {
        let value = input.text(key)
        if value.isEmpty { errors.append(FieldError(field: key, message: missing)) }
        else if value.count > max { errors.append(FieldError(field: key, message: "Keep this to \(max) characters or fewer")) }
        return value
    }

    static func optional(_ input: RegisterInput, _ key: String, max: Int = maxText, errors: inout [FieldError]) -> String? {
        let value = input.text(key)
        if value.count > max { errors.append(FieldError(field: key, message: "Keep this to \(max) characters or fewer")) }
        return value.isEmpty ? nil : value
    }

    static func choice<T: RawRepresentable>(_ input: RegisterInput, _ key: String, _ missing: String, errors: inout [FieldError]) -> T? where T.RawValue == String {
        guard let value = T(rawValue: input.text(key)) else {
            errors.append(FieldError(field: key, message: missing))
            return nil
        }
        return value
    }

    static func number(_ input: RegisterInput, _ key: String, _ missing: String, range: ClosedRange<Int>, errors: inout [FieldError]) -> Int? {
        let raw = input.text(key)
        guard let n = Int(raw), range.contains(n) else {
            errors.append(FieldError(field: key, message: raw.isEmpty ? missing : "\(missing): a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return n
    }

    static func date(_ input: RegisterInput, _ key: String, required: Bool, errors: inout [FieldError]) -> CalendarDate? {
        let raw = input.text(key)
        if raw.isEmpty {
            if required { errors.append(FieldError(field: key, message: "Enter a date as YYYY-MM-DD")) }
            return nil
        }
        guard let date = CalendarDate(iso: raw) else {
            errors.append(FieldError(field: key, message: "'\(raw)' is not a date: write it as YYYY-MM-DD, for example 2026-12-01"))
            return nil
        }
        return date
    }

    /// A directory person, `officer:<id>` or `member:<id>`.
    static func person(_ raw: String, org: OrgSnapshot) -> PersonRef? {
        guard let person = ComplaintFields.parsePerson(raw) else { return nil }
        switch person {
        case .member(let id): return org.members[id] == nil ? nil : person
        case .officer(let id): return org.officers[id] == nil ? nil : person
        }
    }

    /// What an interest or an agenda item touches: wards and departments by directory id,
    /// people as `officer:<id>`/`member:<id>`, names of land, bodies, posts and subjects.
    static let tagKeys = ["wards", "land", "bodies", "people", "posts", "departments", "topics"]
    static let businessKeys = ["councilTaxSetting", "housingRents", "councilHousing", "staffNegotiations"]

    static func tags(_ input: RegisterInput, org: OrgSnapshot, wardIDs: Set<UUID>, prefix: String = "",
                     business: Bool = false, errors: inout [FieldError]) -> Set<InterestTag> {
        var tags: Set<InterestTag> = []
        for key in tagKeys {
            let values = input.list(key)
            if values.count > maxList {
                errors.append(FieldError(field: prefix + key, message: "Give at most \(maxList)"))
                continue
            }
            for value in values {
                if value.count > maxName {
                    errors.append(FieldError(field: prefix + key, message: "Keep each to \(maxName) characters or fewer"))
                    break
                }
                switch key {
                case "wards":
                    guard let id = UUID(uuidString: value), wardIDs.contains(id) else {
                        errors.append(FieldError(field: prefix + key, message: "Choose wards in the directory"))
                        break
                    }
                    tags.insert(.ward(id))
                case "departments":
                    guard let id = UUID(uuidString: value), org.directorates[id] != nil || org.services[id] != nil else {
                        errors.append(FieldError(field: prefix + key, message: "Choose directorates or services in the directory"))
                        break
                    }
                    tags.insert(.department(id))
                case "people":
                    guard let person = person(value, org: org) else {
                        errors.append(FieldError(field: prefix + key, message: "Choose people in the directory"))
                        break
                    }
                    tags.insert(.person(person))
                case "land": tags.insert(.land(value))
                case "bodies": tags.insert(.body(value))
                case "posts": tags.insert(.post(value))
                default: tags.insert(.topic(value))
                }
            }
        }
        if business {
            if input.flag("councilTaxSetting", errors: &errors) { tags.insert(.councilTaxSetting) }
            if input.flag("housingRents", errors: &errors) { tags.insert(.housingRents) }
            if input.flag("councilHousing", errors: &errors) { tags.insert(.councilHousing) }
            if input.flag("staffNegotiations", errors: &errors) { tags.insert(.staffNegotiations) }
        }
        return tags
    }

    /// The tags written back as input values (for editing and for the API's view).
    static func values(of tags: Set<InterestTag>) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for tag in tags {
            switch tag {
            case .ward(let id): values["wards", default: []].append(id.uuidString.lowercased())
            case .department(let id): values["departments", default: []].append(id.uuidString.lowercased())
            case .person(let person): values["people", default: []].append(person.description)
            case .land(let text): values["land", default: []].append(text)
            case .body(let text): values["bodies", default: []].append(text)
            case .post(let text): values["posts", default: []].append(text)
            case .topic(let text): values["topics", default: []].append(text)
            case .recruitment: break
            case .councilTaxSetting: values["councilTaxSetting"] = ["true"]
            case .housingRents: values["housingRents"] = ["true"]
            case .councilHousing: values["councilHousing"] = ["true"]
            case .staffNegotiations: values["staffNegotiations"] = ["true"]
            }
        }
        return values.mapValues { $0.sorted() }
    }
}
