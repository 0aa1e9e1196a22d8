import Vapor

/// The one error type capabilities throw. It knows its HTTP status and how to explain itself,
/// so the error middleware can answer a page with a friendly message and the API with
/// `application/problem+json`.
public struct AppError: Error, Sendable, AbortError {
    public enum Kind: String, Sendable {
        case validation          // 422, with field errors
        case badRequest          // 400
        case unauthenticated     // 401
        case forbidden           // 403 (refusals are audited by the caller)
        case notFound            // 404 (also used for another authority's records)
        case conflict            // 409
        case tooManyRequests     // 429
        case payloadTooLarge     // 413
        case unsupportedMediaType // 415
        case unavailable         // 503
    }

    public var kind: Kind
    public var title: String
    public var detail: String
    public var fieldErrors: [FieldError]

    public init(_ kind: Kind, title: String? = nil, detail: String, fieldErrors: [FieldError] = []) {
        self.kind = kind
        self.title = title ?? AppError.defaultTitle(kind)
        self.detail = detail
        self.fieldErrors = fieldErrors
    }

    public static func validation(_ errors: [FieldError], detail: String = "Some of the information given is not valid.") -> AppError {
        AppError(.validation, detail: detail, fieldErrors: errors)
    }

    public static func notFound(_ what: String) -> AppError {
        AppError(.notFound, detail: "\(what) could not be found.")
    }

    public var status: HTTPResponseStatus {
        switch kind {
        case .validation: .unprocessableEntity
        case .badRequest: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .payloadTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .unavailable: .serviceUnavailable
        }
    }

    public var reason: String { detail }

    static func defaultTitle(_ kind: Kind) -> String {
        switch kind {
        case .validation: "There is a problem with the information given"
        case .badRequest: "The request could not be understood"
        case .unauthenticated: "Sign in to continue"
        case .forbidden: "You do not have access to this"
        case .notFound: "Page not found"
        case .conflict: "This conflicts with something already recorded"
        case .tooManyRequests: "Too many attempts"
        case .payloadTooLarge: "The upload is too large"
        case .unsupportedMediaType: "The content type is not supported"
        case .unavailable: "The service is unavailable"
        }
    }
}

/// A message about one field of a form or JSON body. `field` is the form input id / JSON key.
public struct FieldError: Error, Sendable, Codable, Equatable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
