import Foundation
import Vapor

/// A JSON object body read field by field: unknown keys and wrong types are field errors, all
/// reported together.
struct JSONBody {
    var object: [String: JSONValue]
    var errors: [FieldError] = []

    init(_ req: Request, allowed: Set<String>, what: String) throws {
        object = try APIRequest.jsonObject(req)
        errors = object.keys.filter { !allowed.contains($0) }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of \(what)") }
    }

    init(object: [String: JSONValue], allowed: Set<String>, what: String, prefix: String) {
        self.object = object
        errors = object.keys.filter { !allowed.contains($0) }.sorted().map { FieldError(field: "\(prefix)\($0)", message: "'\($0)' is not a field of \(what)") }
    }

    mutating func string(_ key: String) -> String? {
        switch object[key] {
        case .string(let s)?: return s
        case nil, .null?: return nil
        default:
            errors.append(FieldError(field: key, message: "\(key) must be a string"))
            return nil
        }
    }

    mutating func bool(_ key: String) -> Bool {
        switch object[key] {
        case .bool(let b)?: return b
        case nil, .null?: return false
        default:
            errors.append(FieldError(field: key, message: "\(key) must be true or false"))
            return false
        }
    }

    /// A required true/false: nil (and an error) when absent.
    mutating func requiredBool(_ key: String) -> Bool? {
        switch object[key] {
        case .bool(let b)?: return b
        case nil, .null?:
            errors.append(FieldError(field: key, message: "\(key) is required: true or false"))
            return nil
        default:
            errors.append(FieldError(field: key, message: "\(key) must be true or false"))
            return nil
        }
    }

    mutating func strings(_ key: String) -> [String] {
        switch object[key] {
        case .array(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    errors.append(FieldError(field: key, message: "\(key) must be a list of strings"))
                    return []
                }
                out.append(s)
            }
            return out
        case nil, .null?: return []
        default:
            errors.append(FieldError(field: key, message: "\(key) must be a list of strings"))
            return []
        }
    }

    mutating func objects(_ key: String) -> [[String: JSONValue]] {
        switch object[key] {
        case .array(let items)?:
            var out: [[String: JSONValue]] = []
            for item in items {
                guard case .object(let o) = item else {
                    errors.append(FieldError(field: key, message: "\(key) must be a list of objects"))
                    return []
                }
                out.append(o)
            }
            return out
        case nil, .null?: return []
        default:
            errors.append(FieldError(field: key, message: "\(key) must be a list of objects"))
            return []
        }
    }

    func check() throws {
        if !errors.isEmpty { throw AppError.validation(errors) }
    }
}
