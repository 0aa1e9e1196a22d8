import Foundation

/// Raw values for a directory record from a form, a CSV row or a JSON body, turned into typed
/// field values with a message for every field that is wrong.
enum DirectoryInput {
    /// Form and CSV input: every value is text; several values of one field come as a list.
    /// `partial` leaves fields that are absent unchanged (API PATCH); otherwise absent means empty.
    static func parse(text: [String: [String]], specs: [FieldSpec], partial: Bool) -> (values: [String: FieldValue], errors: [FieldError]) {
        var values: [String: FieldValue] = [:]
        var errors: [FieldError] = []
        for spec in specs {
            let raw = text[spec.key]
            if partial && raw == nil { continue }
            switch parseText(raw ?? [], spec: spec) {
            case .success(let v): values[spec.key] = v
            case .failure(let e): errors.append(e)
            }
        }
        return (values, errors)
    }

    /// JSON input: types are checked strictly and unknown keys are refused.
    static func parse(json: [String: JSONValue], specs: [FieldSpec], partial: Bool) -> (values: [String: FieldValue], errors: [FieldError]) {
        var values: [String: FieldValue] = [:]
        var errors: [FieldError] = []
        let known = Set(specs.map(\.key))
        for key in json.keys.sorted() where !known.contains(key) {
            errors.append(FieldError(field: key, message: key == "id" ? "The id is set by Probity and cannot be written" : "'\(key)' is not a field of this record"))
        }
        for spec in specs {
            guard let value = json[spec.key] else {
                if !partial {
                    if spec.required { errors.append(FieldError(field: spec.key, message: missingMessage(spec))) }
                    else { values[spec.key] = spec.emptyValue }
                }
                continue
            }
            let asText: [String]
            switch (spec.kind, value) {
            case (_, .null):
                asText = []
            case (.flag, .bool(let b)):
                values[spec.key] = .flag(b)
                continue
            case (.flag, _):
                errors.append(FieldError(field: spec.key, message: "\(spec.label) must be true or false, not \(value.typeName)"))
                continue
            case (.choices, .array(let items)), (.references, .array(let items)):
                var strings: [String] = []
                for item in items {
                    guard case .string(let s) = item else {
                        errors.append(FieldError(field: spec.key, message: "\(spec.label) must be a list of strings"))
                        strings = []
                        break
                    }
                    strings.append(s)
                }
                if strings.count != items.count { continue }
                asText = strings
            case (.choices, _), (.references, _):
                errors.append(FieldError(field: spec.key, message: "\(spec.label) must be a list, not \(value.typeName)"))
                continue
            case (.text, .string(let s)), (.longText, .string(let s)):
                asText = [s]
            case (_, .string(let s)) where s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                // The document gives these a format or pattern an empty string cannot meet;
                // null is how a JSON client leaves an optional one unset.
                errors.append(FieldError(field: spec.key, message: "\(spec.label) must not be empty: send null to leave it unset"))
                continue
            case (_, .string(let s)):
                asText = [s]
            default:
                errors.append(FieldError(field: spec.key, message: "\(spec.label) must be a string, not \(value.typeName)"))
                continue
            }
            switch parseText(asText, spec: spec) {
            case .success(let v): values[spec.key] = v
            case .failure(let e): errors.append(e)
            }
        }
        return (values, errors)
    }

    private static func missingMessage(_ spec: FieldSpec) -> String {
        switch spec.kind {
        case .choice, .reference: "Choose \(spec.label.lowercased())"
        default: "Enter \(spec.label.lowercased())"
        }
    }

    private static func parseText(_ raw: [String], spec: FieldSpec) -> Result<FieldValue, FieldError> {
        let items = raw.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        func fail(_ message: String) -> Result<FieldValue, FieldError> { .failure(FieldError(field: spec.key, message: message)) }
        if spec.required && items.isEmpty { return fail(missingMessage(spec)) }
        let single = items.first
        if items.count > 1 {
            switch spec.kind {
            case .choices, .references: break
            default: return fail("\(spec.label) takes one value")
            }
        }
        switch spec.kind {
        case .text(let max), .longText(let max):
            guard let s = single else { return .success(.text(nil)) }
            if s.unicodeScalars.count > max { return fail("\(spec.label) must be \(max) characters or fewer") }
            if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
                return fail("\(spec.label) must not contain control characters")
            }
            return .success(.text(s))
        case .email:
            guard let s = single else { return .success(.text(nil)) }
            if s.unicodeScalars.count > 254 || !isPlausibleEmail(s) { return fail("Enter an email address in the correct format, like name@example.gov.uk") }
            return .success(.text(s.lowercased()))
        case .pattern(let regex, let example, let max):
            guard let s = single else { return .success(.text(nil)) }
            if s.unicodeScalars.count > max || s.range(of: regex, options: .regularExpression) == nil {
                return fail("\(spec.label) must look like \(example)")
            }
            return .success(.text(s))
        case .flag:
            guard let s = single?.lowercased() else { return .success(.flag(false)) }
            switch s {
            case "true", "yes", "y", "1", "on": return .success(.flag(true))
            case "false", "no", "n", "0", "off": return .success(.flag(false))
            default: return fail("\(spec.label) must be yes or no")
            }
        case .choice(let choices):
            guard let s = single else { return .success(.text(nil)) }
            guard choices.contains(where: { $0.value == s }) else {
                return fail("\(spec.label) must be one of: \(choices.map(\.value).joined(separator: ", "))")
            }
            return .success(.text(s))
        case .choices(let choices):
            var seen: [String] = []
            for s in items {
                guard choices.contains(where: { $0.value == s }) else {
                    return fail("'\(s)' is not one of: \(choices.map(\.value).joined(separator: ", "))")
                }
                if !seen.contains(s) { seen.append(s) }
            }
            return .success(.texts(seen))
        case .reference:
            guard let s = single else { return .success(.reference(nil)) }
            guard let id = UUID(uuidString: s) else { return fail("Choose \(spec.label.lowercased()) from the list") }
            return .success(.reference(id))
        case .references:
            var ids: [UUID] = []
            for s in items {
                guard let id = UUID(uuidString: s) else { return fail("Choose \(spec.label.lowercased()) from the list") }
                if !ids.contains(id) { ids.append(id) }
            }
            return .success(.references(ids))
        }
    }

    static func isPlausibleEmail(_ s: String) -> Bool {
        s.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
    }
}
