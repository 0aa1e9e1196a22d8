import Fluent

struct CreateNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Notification.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("person_kind", .string, .required)
            .field("person_id", .uuid, .required)
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("category", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("urgent", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("deliver_after", .datetime, .required)
            .field("read_at", .datetime)
            .field("dedupe_key", .string, .required)
            .field("email_address", .string)
            .field("email_status", .string, .required)
            .field("email_attempts", .int, .required)
            .field("email_next_attempt_at", .datetime)
            .field("email_last_error", .string)
            .unique(on: "authority_id", "dedupe_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Notification.schema).delete()
    }
}
