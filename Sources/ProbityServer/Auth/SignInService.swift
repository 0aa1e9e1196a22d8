import Fluent
import Vapor

/// Signing in, out and everywhere-out, with lockout that behaves identically whether or not an
/// account exists for the address (ASVS 5 V6.3).
struct SignInService {
    let req: Request

    enum Outcome {
        case signedIn(User, sessionToken: String)
        /// One message for wrong password, unknown address, disabled account and lockout.
        case refused
        case rateLimited
    }

    func signIn(email rawEmail: String, password: String) async throws -> Outcome {
        let now = req.now
        let settings = req.probity.settings
        let client = req.remoteAddress?.ipAddress ?? "unknown"
        guard await req.probity.signInLimiter.allow(client, at: now) else {
            try await req.write { db in
                try await AuditLog.append(AuditEvent(authorityID: nil, actorUserID: nil, actorName: "anonymous",
                                                     action: "auth.sign-in.rate-limited", outcome: .refused,
                                                     detail: ["client": client]), on: db, at: now)
            }
            return .rateLimited
        }

        let email = User.normalise(email: rawEmail)
        let emailHash = Secrets.sha256(email)
        let throttle = try await SignInThrottle.query(on: req.db).filter(\.$emailHash == emailHash).first()
        let locked = throttle?.lockedUntil.map { $0 > now } ?? false
        let user = try await User.query(on: req.db).filter(\.$email == email).first()

        let passwordMatches: Bool
        if let user {
            passwordMatches = (try? await req.password.async.verify(password, created: user.passwordHash)) ?? false
        } else {
            // Hashing costs what verifying costs: an unknown address takes as long as a known one.
            _ = try? await req.password.async.hash(password)
            passwordMatches = false
        }

        if let user, passwordMatches, !user.isDisabled, !locked {
            let token = Secrets.randomToken()
            let userID = try user.requireID()
            try await req.write { db in
                if let throttle { try await throttle.delete(on: db) }
                try await UserSession(userID: userID, tokenHash: Secrets.sha256(token), csrfToken: Secrets.randomToken(), at: now).create(on: db)
                try await AuditLog.append(AuditEvent(authorityID: user.$authority.id, actorUserID: userID, actorName: user.displayName,
                                                     action: "auth.sign-in", detail: ["client": client]), on: db, at: now)
            }
            return .signedIn(user, sessionToken: token)
        }

        let reason = locked ? "locked" : (user == nil ? "unknown-account" : (user!.isDisabled ? "disabled" : "wrong-password"))
        try await req.write { db in
            let record = try await SignInThrottle.query(on: db).filter(\.$emailHash == emailHash).first()
                ?? SignInThrottle(emailHash: emailHash, at: now)
            if !locked {
                record.failures += 1
                if record.failures >= settings.lockoutThreshold {
                    record.lockedUntil = now.addingTimeInterval(settings.lockoutDuration)
                    record.failures = 0
                }
            }
            record.updatedAt = now
            try await record.save(on: db)
            try await AuditLog.append(AuditEvent(authorityID: user?.$authority.id, actorUserID: user?.id, actorName: user?.displayName ?? "anonymous",
                                                 action: "auth.sign-in.failed", outcome: .failure,
                                                 detail: ["reason": reason, "client": client, "email-sha256": String(emailHash.prefix(16))]),
                                      on: db, at: now)
        }
        return .refused
    }

    func signOut() async throws {
        guard let actor = req.actor, case .session(let sessionID, _) = actor.via else { return }
        let now = req.now
        try await req.write { db in
            if let session = try await UserSession.find(sessionID, on: db) {
                session.endedAt = now
                try await session.update(on: db)
            }
            try await AuditLog.append(actor.auditEvent("auth.sign-out"), on: db, at: now)
        }
    }

    /// Ends every session of a user (sign out everywhere, or an administrator disabling them).
    static func endAllSessions(of userID: UUID, on db: any Database, at now: Date) async throws -> Int {
        let sessions = try await UserSession.query(on: db).filter(\.$user.$id == userID).filter(\.$endedAt == nil).all()
        for session in sessions {
            session.endedAt = now
            try await session.update(on: db)
        }
        return sessions.count
    }
}

extension Response {
    func setSessionCookie(_ token: String, secure: Bool) {
        cookies[ActorAuthenticator.sessionCookie] = HTTPCookies.Value(
            string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    func clearSessionCookie() {
        cookies[ActorAuthenticator.sessionCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}
