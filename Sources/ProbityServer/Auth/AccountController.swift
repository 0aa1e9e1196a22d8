import Fluent
import Vapor

/// The signed-in user's own account: details, password, API tokens, sign out everywhere.
/// Web pages under `/account`; API under `/api/v1/me` and `/api/v1/tokens`.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("account")
        account.get(use: page)
        account.post("password", use: changePassword)
        account.post("tokens", use: createToken)
        account.post("tokens", ":tokenID", "revoke", use: revokeToken)
        account.post("sign-out-everywhere", use: signOutEverywhere)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("me", use: me)
        routes.get("tokens", use: apiListTokens)
        routes.post("tokens", use: apiCreateToken)
        routes.delete("tokens", ":tokenID", use: apiRevokeToken)
    }

    struct Page: Encodable {
        var email: String
        var role: String
        var authority: String
        var tokens: [TokenRow]
        var newToken: String?
        var tokenName: String
        struct TokenRow: Encodable { var id: String; var name: String; var prefix: String; var created: String; var lastUsed: String; var revoked: Bool }
    }

    func page(req: Request) async throws -> Response {
        try await render(req: req, errors: [], newToken: nil, tokenName: "", status: .ok)
    }

    private func render(req: Request, errors: [FieldError], newToken: String?, tokenName: String, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == actor.userID).sort(\.$createdAt, .descending).all()
        let rows = tokens.map { t in
            Page.TokenRow(id: t.id?.uuidString ?? "", name: t.name, prefix: t.prefix, created: DisplayFormat.dateTime(t.createdAt),
                          lastUsed: t.lastUsedAt.map(DisplayFormat.dateTime) ?? "Never", revoked: t.revokedAt != nil)
        }
        return try await req.renderResponse("account", title: "Your account",
                                            content: Page(email: actor.email, role: actor.roleDescription, authority: actor.authority.name,
                                                          tokens: rows, newToken: newToken, tokenName: tokenName),
                                            errors: errors, status: status).noStore()
    }

    func changePassword(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try FormBody(req)
        let current = form["currentPassword"] ?? ""
        let new = form["newPassword"] ?? ""
        var errors: [FieldError] = []
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AppError(.unauthenticated, detail: "Sign in again.") }
        let matches = (try? await req.password.async.verify(current, created: user.passwordHash)) ?? false
        if !matches { errors.append(FieldError(field: "currentPassword", message: "Enter your current password correctly")) }
        errors += PasswordPolicy.problems(new, field: "newPassword")
        if new == current && errors.isEmpty { errors.append(FieldError(field: "newPassword", message: "Choose a password different from your current one")) }
        guard errors.isEmpty else { return try await render(req: req, errors: errors, newToken: nil, tokenName: "", status: .unprocessableEntity) }
        let hash = try await req.password.async.hash(new)
        let now = req.now
        var currentSession: UUID?
        if case .session(let id, _) = actor.via { currentSession = id }
        let keep = currentSession
        try await req.write { db in
            user.passwordHash = hash
            try await user.update(on: db)
            // Other sessions end: whoever knew the old password is signed out (ASVS 5 V7.4.3).
            let sessions = try await UserSession.query(on: db).filter(\.$user.$id == actor.userID).filter(\.$endedAt == nil).all()
            for session in sessions where session.id != keep {
                session.endedAt = now
                try await session.update(on: db)
            }
            try await AuditLog.append(actor.auditEvent("auth.password.change", resourceType: "user", resourceID: actor.userID.uuidString), on: db, at: now)
        }
        return req.redirect(to: "/account", flash: "Your password has been changed. Other sessions have been signed out.")
    }

    func createToken(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let name = try FormBody(req)["name"] ?? ""
        let errors = TokenService.validateName(name)
        guard errors.isEmpty else { return try await render(req: req, errors: errors, newToken: nil, tokenName: name, status: .unprocessableEntity) }
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AppError(.unauthenticated, detail: "Sign in again.") }
        let now = req.now
        let issued = try await req.write { db in
            try await TokenService.issue(for: user, name: name, on: db, at: now, actor: actor.auditEvent("token.create"))
        }
        return try await render(req: req, errors: [], newToken: issued.token, tokenName: "", status: .created)
    }

    func revokeToken(req: Request) async throws -> Response {
        _ = try await revoke(req: req)
        return req.redirect(to: "/account", flash: "Token revoked")
    }

    private func revoke(req: Request) async throws -> APIToken {
        let actor = try req.requireActor()
        guard let id = req.parameters.get("tokenID").flatMap(UUID.init(uuidString:)),
              let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == actor.userID).first()
        else { throw AppError.notFound("The token") }
        let now = req.now
        try await req.write { db in
            if token.revokedAt == nil {
                token.revokedAt = now
                try await token.update(on: db)
                try await AuditLog.append(actor.auditEvent("token.revoke", resourceType: "api-token", resourceID: id.uuidString, detail: ["name": token.name]), on: db, at: now)
            }
        }
        return token
    }

    func signOutEverywhere(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let now = req.now
        try await req.write { db in
            let ended = try await SignInService.endAllSessions(of: actor.userID, on: db, at: now)
            try await AuditLog.append(actor.auditEvent("auth.sign-out-everywhere", detail: ["sessions": String(ended)]), on: db, at: now)
        }
        let response = req.redirect(to: "/sign-in")
        response.clearSessionCookie()
        return response
    }

    // MARK: API

    struct Me: Encodable {
        var id: UUID
        var email: String
        var displayName: String
        var personKind: String
        var personId: UUID?
        var isAdministrator: Bool
        var isPlatformAdmin: Bool
        var roles: [String]
        var authority: Actor.AuthoritySummary
    }

    func me(req: Request) async throws -> Response {
        let a = try req.requireActor()
        return try APIResponse.json(encodable: Me(id: a.userID, email: a.email, displayName: a.displayName, personKind: a.personKind.rawValue,
                                                  personId: a.personID, isAdministrator: a.isAdministrator, isPlatformAdmin: a.isPlatformAdmin,
                                                  roles: a.designations.sorted(), authority: a.authority))
    }

    func apiListTokens(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == actor.userID).sort(\.$createdAt, .descending).all()
        return try APIResponse.json(encodable: ["items": tokens.map(TokenService.summary)])
    }

    struct CreateTokenBody: Decodable { var name: String }
    struct CreatedToken: Encodable { var token: String; var details: TokenService.Summary }

    func apiCreateToken(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = body.keys.filter { $0 != "name" }.sorted().map { FieldError(field: $0, message: "'\($0)' is not a field of a token") }
        guard case .string(let name)? = body["name"] else {
            throw AppError.validation(errors + [FieldError(field: "name", message: "Enter a name for the token (a string)")])
        }
        errors += TokenService.validateName(name)
        guard errors.isEmpty else { throw AppError.validation(errors) }
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AppError(.unauthenticated, detail: "Sign in again.") }
        let now = req.now
        let issued = try await req.write { db in
            try await TokenService.issue(for: user, name: name, on: db, at: now, actor: actor.auditEvent("token.create"))
        }
        return try APIResponse.json(encodable: CreatedToken(token: issued.token, details: TokenService.summary(issued.record)), status: .created)
    }

    func apiRevokeToken(req: Request) async throws -> Response {
        _ = try await revoke(req: req)
        return Response(status: .noContent)
    }
}
