import Fluent

/// Authorities' rule overrides and closure days.
struct CreateProtocolAndCalendar: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(RuleOverride.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("rule_id", .string, .required)
            .field("yaml", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .unique(on: "authority_id", "rule_id")
            .create()
        try await db.schema(ClosureDay.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("title", .string, .required)
            .unique(on: "authority_id", "date")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ClosureDay.schema).delete()
        try await db.schema(RuleOverride.schema).delete()
    }
}
