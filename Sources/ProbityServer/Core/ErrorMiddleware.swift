import Fluent
import Vapor

/// Turns every error into a clear answer: `application/problem+json` under `/api/`, a friendly
/// page elsewhere. Unexpected errors are logged with the request id and never shown in detail.
struct ProbityErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return await Self.response(for: error, req: req)
        }
    }

    static func describe(_ error: any Error, req: Request) -> (status: HTTPResponseStatus, title: String, detail: String, fields: [FieldError], headers: HTTPHeaders) {
        switch error {
        case let app as AppError:
            return (app.status, app.title, app.detail, app.fieldErrors, [:])
        case let decoding as DecodingError:
            return (.badRequest, "The request could not be understood", Self.explain(decoding), [], [:])
        case let abort as any AbortError:
            let status = abort.status
            let detail: String
            switch status {
            case .notFound: detail = "There is nothing at this address."
            case .payloadTooLarge: detail = "The request body is too large."
            case .unsupportedMediaType: detail = "Send JSON (application/json) or a form."
            case .methodNotAllowed: detail = "This address does not accept that method."
            default: detail = status.code < 500 ? abort.reason : "Something went wrong. Please try again."
            }
            return (status, status.reasonPhrase, detail, [], abort.headers)
        case _ where DatabaseOutage.isOutage(error):
            req.logger.warning("The database is unavailable", metadata: ["error": .string(String(reflecting: error))])
            return (.serviceUnavailable, "The database is unavailable",
                    "Probity cannot reach its database just now. Nothing was saved. Please try again in a few seconds.", [], ["Retry-After": "5"])
        case let db as any DatabaseError where db.isConstraintFailure:
            return (.conflict, "This conflicts with something already recorded",
                    "The change was not saved because other records depend on this one, or it duplicates one.", [], [:])
        default:
            req.logger.error("Unhandled error", metadata: ["error": .string(String(reflecting: error))])
            return (.internalServerError, "Something went wrong", "Something went wrong on our side. Nothing was saved. Please try again.", [], [:])
        }
    }

    static func response(for error: any Error, req: Request) async -> Response {
        let info = describe(error, req: req)
        if info.status.code >= 500 {
            req.logger.error("Request failed", metadata: ["status": "\(info.status.code)"])
        }
        if req.isAPI || req.url.path == "/healthz" || req.url.path == "/readyz" {
            return Problem(status: info.status, title: info.title, detail: info.detail, errors: info.fields)
                .response(status: info.status, headers: info.headers)
        }
        if info.status == .unauthorized {
            let back = req.url.path.hasPrefix("/") && !req.url.path.hasPrefix("//") ? req.url.path : "/"
            return req.redirect(to: "/sign-in?next=\(back.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/")")
        }
        do {
            let page = try await req.render("error", title: info.title, content: ErrorPage(message: info.detail, status: Int(info.status.code)))
            let response = try await page.encodeResponse(status: info.status, for: req)
            for (name, value) in info.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        } catch {
            req.logger.error("Error page failed to render", metadata: ["error": .string(String(reflecting: error))])
            let response = Response(status: info.status, body: .init(string: "\(info.title). \(info.detail)"))
            response.headers.contentType = .plainText
            return response
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "the body" : "'\(p)'"
        }
        switch error {
        case .typeMismatch(_, let c): return "\(path(c)) has the wrong type."
        case .valueNotFound(_, let c): return "\(path(c)) is missing."
        case .keyNotFound(let key, _): return "'\(key.stringValue)' is missing."
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "The body is not valid JSON." : "\(path(c)) is not valid."
        @unknown default: return "The body could not be read."
        }
    }
}

struct ErrorPage: Encodable {
    var message: String
    var status: Int
}
