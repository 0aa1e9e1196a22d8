import Fluent
import Vapor

/// Finds the actor for a request from its session cookie or its Bearer token, enforcing idle and
/// absolute session timeouts, disabled accounts and revoked tokens. Never rejects by itself:
/// routes that need an actor ask for one.
struct ActorAuthenticator: AsyncMiddleware {
    static let sessionCookie = "probity_session"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            req.actor = try await actorFromToken(bearer.token, req: req)
            if req.actor == nil {
                throw AppError(.unauthenticated, detail: "The API token is not valid, has been revoked, or belongs to a disabled account.")
            }
        } else if let cookie = req.cookies[Self.sessionCookie]?.string, !cookie.isEmpty {
            req.actor = try await actorFromSession(cookie, req: req)
        }
        return try await next.respond(to: req)
    }

    private func actorFromSession(_ token: String, req: Request) async throws -> Actor? {
        let now = req.now
        let settings = req.probity.settings
        guard let session = try await UserSession.query(on: req.db)
            .filter(\.$tokenHash == Secrets.sha256(token))
            .filter(\.$endedAt == nil)
            .first()
        else { return nil }
        let idleExpired = now.timeIntervalSince(session.lastSeenAt) > settings.sessionIdleTimeout
        let absoluteExpired = now.timeIntervalSince(session.createdAt) > settings.sessionAbsoluteTimeout
        if idleExpired || absoluteExpired {
            try await req.application.write { db in
                session.endedAt = now
                try await session.update(on: db)
            }
            return nil
        }
        guard let user = try await User.find(session.$user.id, on: req.db), !user.isDisabled else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            try await req.application.write { db in
                session.lastSeenAt = now
                try await session.update(on: db)
            }
        }
        let acting = user.isPlatformAdmin ? session.actingAuthorityID : nil
        return try await Self.makeActor(user: user, actingAuthorityID: acting,
                                        via: .session(id: session.requireID(), csrfToken: session.csrfToken),
                                        cache: req.probity.authorityCache, on: req.db)
    }

    private func actorFromToken(_ token: String, req: Request) async throws -> Actor? {
        guard token.hasPrefix(Secrets.apiTokenPrefix) else { return nil }
        // The token and its user in one query: this runs for every API request.
        guard let record = try await APIToken.query(on: req.db)
            .join(User.self, on: \APIToken.$user.$id == \User.$id)
            .filter(\.$tokenHash == Secrets.sha256(token))
            .filter(\.$revokedAt == nil)
            .first()
        else { return nil }
        let user = try record.joined(User.self)
        guard !user.isDisabled else { return nil }
        let now = req.now
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await req.application.write { db in
                record.lastUsedAt = now
                try await record.update(on: db)
            }
        }
        var acting: UUID?
        if user.isPlatformAdmin, let slug = req.headers.first(name: "Probity-Authority") {
            guard let authority = try await Authority.query(on: req.db).filter(\.$slug == slug).first() else {
                throw AppError(.badRequest, detail: "No authority has the slug '\(slug)' given in the Probity-Authority header.")
            }
            acting = authority.id
        }
        return try await Self.makeActor(user: user, actingAuthorityID: acting, via: .token(id: record.requireID()),
                                        cache: req.probity.authorityCache, on: req.db)
    }

    static func makeActor(user: User, actingAuthorityID: UUID?, via: Actor.Via, cache: AuthorityCache, on db: any Database) async throws -> Actor? {
        let authorityID = actingAuthorityID ?? user.$authority.id
        guard let authority = try await cache.summary(authorityID, on: db) else { return nil }
        var designations: Set<String> = []
        if user.personKind == .officer, let personID = user.personID,
           let officer = try await Officer.find(personID, in: user.$authority.id, on: db) {
            designations = Set(officer.designations)
        }
        return Actor(
            userID: try user.requireID(), displayName: user.displayName, email: user.email,
            authority: authority,
            homeAuthorityID: user.$authority.id, personKind: user.personKind, personID: user.personID,
            isAdministrator: user.isAdministrator, isPlatformAdmin: user.isPlatformAdmin,
            designations: designations, via: via
        )
    }
}
