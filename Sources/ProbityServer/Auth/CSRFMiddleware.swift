import Vapor

/// Synchroniser-token CSRF protection (ASVS 5 V3.5). Every state-changing request made with a
/// session cookie must carry the session's token, in the form field `csrf` or the
/// `X-CSRF-Token` header. Bearer-token API calls carry no ambient credentials and are exempt.
/// The sign-in form, made before any session exists, uses a double-submit cookie instead.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf"
    static let header = "X-CSRF-Token"
    static let preSessionCookie = "probity_presession"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        if case .token = req.actor?.via { return try await next.respond(to: req) }

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
