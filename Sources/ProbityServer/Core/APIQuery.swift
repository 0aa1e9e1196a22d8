import Vapor

/// Query parameters read the way the OpenAPI document describes them.
///
/// A page's filter form sends every field, empty ones too (`?service=`), and an empty value there
/// means "no filter". An API client that sends `?service=` has sent a value the document's
/// `format: uuid` refuses, so on the API an empty value is an error, not a silent "any".
enum APIQuery {
    static func isAPI(_ req: Request) -> Bool { req.url.path.hasPrefix("/api/") }

    /// Everything a JSON Schema `\S` pattern treats as blank, as the fuzzer's regex engines count it:
    /// Unicode white space, the C0 separators U+001C–U+001F and the byte order mark.
    static let blank: CharacterSet = {
        var set = CharacterSet.whitespacesAndNewlines
        set.insert(charactersIn: "\u{1C}\u{1D}\u{1E}\u{1F}\u{FEFF}")
        return set
    }()

    /// The parameter's value; nil when absent, or when empty on a page. Empty on the API adds an error.
    static func value(_ req: Request, _ key: String, errors: inout [FieldError], describe: String, maxLength: Int? = nil) -> String? {
        guard let raw = req.query[String.self, at: key] else { return nil }
        let value = raw.trimmingCharacters(in: blank)
        if value.isEmpty {
            if isAPI(req) { errors.append(FieldError(field: key, message: "\(key) must be \(describe); leave it out for no filter")) }
            return nil
        }
        if let maxLength, value.unicodeScalars.count > maxLength {
            errors.append(FieldError(field: key, message: "\(key) must be \(maxLength) characters or fewer"))
            return nil
        }
        return value
    }

    /// A parameter that must be one of `allowed` when present.
    static func choice(_ req: Request, _ key: String, allowed: [String]) throws -> String? {
        guard let raw = req.query[String.self, at: key] else { return nil }
        guard allowed.contains(raw) else {
            throw AppError(.badRequest, detail: "The query is not valid.",
                           fieldErrors: [FieldError(field: key, message: "\(key) must be \(allowed.joined(separator: " or "))")])
        }
        return raw
    }
}
