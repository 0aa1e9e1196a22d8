import Vapor

/// Synchroniser-token CSRF protection (ASVS 5 V3.5). Every state-changing request made with a
/// session cookie must carry the session's token, in the form field `csrf` or the
/// `X-CSRF-Token` header. Bearer-token API calls carry no ambient credentials and are exempt.
/// The sign-in form, made before any session exists, uses a double-submit cookie instead.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf"
    static let header = "X-CSRF-Token"
    static let preSessionCookie = "probity_presession"
    /// The largest url-encoded form any route takes (CSV import).
    static let maxFormBytes = 5 * 1024 * 1024
    /// The largest multipart form any route takes (an enquiry with its attachments).
    static let maxMultipartBytes = 110 * 1024 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        if case .token = req.actor?.via { return try await next.respond(to: req) }
        // An API call with no credentials at all is answered 401 by the API's own check.
        if req.isAPI && req.actor == nil && req.headers.bearerAuthorization == nil { return try await next.respond(to: req) }
        // The token may be in the body, which may still be arriving: collect it first (within
        // the largest body any form route accepts) so a long form is never mistaken for a forgery.
        if req.headers.first(name: Self.header) == nil, let type = req.headers.contentType {
            if type == .urlEncodedForm {
                _ = try await req.body.collect(max: Self.maxFormBytes).get()
            } else if type.type == "multipart" {
                _ = try await req.body.collect(max: Self.maxMultipartBytes).get()
            }
        }

        let presented = req.headers.first(name: Self.header) ?? Self.formToken(req)
        let expected: String?
        if let actor = req.actor {
            expected = actor.csrfToken
        } else {
            expected = req.cookies[Self.preSessionCookie]?.string
        }
        guard let expected, !expected.isEmpty, let presented, Secrets.constantTimeEquals(expected, presented) else {
            throw AppError(.forbidden, title: "The form has expired",
                           detail: "The request was refused because its security token was missing or out of date. Go back, reload the page and try again.")
        }
        return try await next.respond(to: req)
    }

    private static func formToken(_ req: Request) -> String? {
        guard let type = req.headers.contentType, type == .urlEncodedForm || type.type == "multipart" else { return nil }
        return try? req.content.get(String.self, at: field)
    }
}
