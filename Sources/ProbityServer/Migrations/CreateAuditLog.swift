import Fluent

struct CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema)
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("authority_id", .uuid)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("resource_type", .string)
            .field("resource_id", .string)
            .field("outcome", .string, .required)
            .field("detail", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()

        try await db.schema(AuditHead.schema)
            .id()
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AuditHead.schema).delete()
        try await db.schema(AuditEntry.schema).delete()
    }
}
