import Fluent
import Foundation
import ProbityCore

/// A user's choice of e-mail: each message, or a daily digest (`DigestPolicy`).
final class NotificationPreference: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "notification_preferences"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "user_id") var userID: UUID
    /// `immediate` or `daily-digest`.
    @Field(key: "email") var email: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var preference: EmailPreference { EmailPreference(rawValue: email) ?? .immediate }

    static func of(user: UUID, in authority: UUID, on db: any Database) async throws -> EmailPreference {
        try await scoped(to: authority, on: db).filter(\.$userID == user).first()?.preference ?? .immediate
    }
}

struct CreateNotificationPreferences: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(NotificationPreference.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(NotificationPreference.schema).delete()
    }
}
