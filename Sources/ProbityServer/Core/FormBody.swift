import Vapor

/// An `application/x-www-form-urlencoded` body as every value of every name, so that repeated
/// names (checkboxes) keep all their values.
struct FormBody {
    var values: [String: [String]]

    init(_ req: Request) throws {
        guard req.headers.contentType == .urlEncodedForm else {
            throw AppError(.unsupportedMediaType, detail: "Send the form as application/x-www-form-urlencoded.")
        }
        self.init(string: req.body.string ?? "")
    }

    init(string: String) {
        var values: [String: [String]] = [:]
        for pair in string.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            var name = decode(parts[0])
            if name.hasSuffix("[]") { name.removeLast(2) }
            values[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// The fields of a directory form (every spec key; absent keys mean empty).
    func fields(_ specs: [FieldSpec]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for spec in specs { out[spec.key] = values[spec.key] ?? [] }
        return out
    }
}

extension Request {
    /// `?page=` as a positive number (1 when absent or invalid).
    var pageNumber: Int {
        max(1, (try? query.get(Int.self, at: "page")) ?? 1)
    }
}
