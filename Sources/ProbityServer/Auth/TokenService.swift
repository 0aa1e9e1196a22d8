import Fluent
import Vapor

/// Personal API tokens: created (shown once), listed and revoked by their owner.
enum TokenService {
    struct Issued: Sendable {
        var token: String
        var record: APIToken
    }

    static func validateName(_ name: String) -> [FieldError] {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [FieldError(field: "name", message: "Enter a name for the token, such as the program that will use it")] }
        if trimmed.count > 80 { return [FieldError(field: "name", message: "Name must be 80 characters or fewer")] }
        return []
    }

    /// Creates a token inside the caller's transaction and audits it.
    static func issue(for user: User, name: String, on db: any Database, at now: Date, actor: AuditEvent? = nil) async throws -> Issued {
        let token = Secrets.apiTokenPrefix + Secrets.randomToken()
        let record = APIToken(userID: try user.requireID(), name: name.trimmingCharacters(in: .whitespaces),
                              tokenHash: Secrets.sha256(token), prefix: String(token.prefix(10)), at: now)
        try await record.create(on: db)
        let event = actor ?? AuditEvent(authorityID: user.$authority.id, actorUserID: user.id, actorName: user.displayName, action: "token.create")
        var e = event
        e.action = "token.create"
        e.resourceType = "api-token"
        e.resourceID = record.id?.uuidString
        e.detail["name"] = record.name
        e.detail["owner"] = user.email
        try await AuditLog.append(e, on: db, at: now)
        return Issued(token: token, record: record)
    }

    struct Summary: Content {
        var id: UUID
        var name: String
        var prefix: String
        var createdAt: Date
        var lastUsedAt: Date?
        var revokedAt: Date?
    }

    static func summary(_ t: APIToken) -> Summary {
        Summary(id: t.id ?? UUID(), name: t.name, prefix: t.prefix, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt)
    }
}
