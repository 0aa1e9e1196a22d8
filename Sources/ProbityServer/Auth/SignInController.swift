import Vapor

/// The sign-in and sign-out pages.
struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in", use: form)
        routes.post("sign-in", use: signIn)
        routes.post("sign-out", use: signOut)
    }

    struct FormPage: Encodable {
        var email: String
        var csrf: String
        var next: String
        var notice: String?
        var emailError: String?
        var passwordError: String?
    }

    func form(req: Request) async throws -> Response {
        if req.actor != nil { return req.redirect(to: "/") }
        let notice = req.query[String.self, at: "expired"] != nil ? "You were signed out because your session ended. Sign in again to continue." : nil
        return try await render(req: req, email: "", errors: [], notice: notice, status: .ok)
    }

    private func render(req: Request, email: String, errors: [FieldError], notice: String?, status: HTTPResponseStatus) async throws -> Response {
        let csrf = Secrets.randomToken()
        let next = Self.safeNext(req.query[String.self, at: "next"] ?? (try? req.content.get(String.self, at: "next")) ?? "/")
        let response = try await req.renderResponse("sign-in", title: "Sign in",
                                                    content: FormPage(email: email, csrf: csrf, next: next, notice: notice,
                                                                      emailError: errors.first { $0.field == "email" }?.message,
                                                                      passwordError: errors.first { $0.field == "password" }?.message),
                                                    errors: errors, status: status)
        response.cookies[CSRFMiddleware.preSessionCookie] = HTTPCookies.Value(
            string: csrf, maxAge: 3600, path: "/sign-in", isSecure: req.probity.settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        return response.noStore()
    }

    func signIn(req: Request) async throws -> Response {
        let form = try FormBody(req)
        let email = form["email"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form["password"] ?? ""
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "email", message: "Enter your email address")) }
        if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
        if password.count > PasswordPolicy.maximum { errors.append(FieldError(field: "password", message: "Password must be \(PasswordPolicy.maximum) characters or fewer")) }
        guard errors.isEmpty else { return try await render(req: req, email: email, errors: errors, notice: nil, status: .unprocessableEntity) }

        switch try await SignInService(req: req).signIn(email: email, password: password) {
        case .signedIn(_, let token):
            let response = req.redirect(to: Self.safeNext(form["next"] ?? "/"))
            response.setSessionCookie(token, secure: req.probity.settings.secureCookies)
            response.cookies[CSRFMiddleware.preSessionCookie] = .expired
            return response
        case .refused:
            return try await render(req: req, email: email, errors: [FieldError(
                field: "email",
                message: "Enter a correct email address and password. After \(req.probity.settings.lockoutThreshold) wrong attempts, sign-in is paused for \(Int(req.probity.settings.lockoutDuration / 60)) minutes."
            )], notice: nil, status: .unprocessableEntity)
        case .rateLimited:
            return try await render(req: req, email: email, errors: [FieldError(
                field: "email", message: "Too many sign-in attempts from this connection. Wait a minute and try again."
            )], notice: nil, status: .tooManyRequests)
        }
    }

    func signOut(req: Request) async throws -> Response {
        try await SignInService(req: req).signOut()
        let response = req.redirect(to: "/sign-in")
        response.clearSessionCookie()
        return response
    }

    /// Only same-site relative paths: never an open redirect.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("://") else { return "/" }
        return next
    }
}
