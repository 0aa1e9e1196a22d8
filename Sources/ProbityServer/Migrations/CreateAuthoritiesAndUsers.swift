import Fluent

struct CreateAuthoritiesAndUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Authority.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("profile_id", .string, .required)
            .field("region", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()

        try await db.schema(User.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .restrict))
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("person_kind", .string, .required)
            .field("person_id", .uuid)
            .field("is_administrator", .bool, .required)
            .field("is_platform_admin", .bool, .required)
            .field("disabled_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()

        try await db.schema(UserSession.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("acting_authority_id", .uuid, .references(Authority.schema, "id", onDelete: .setNull))
            .field("ended_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await db.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await db.schema(SignInThrottle.schema)
            .id()
            .field("email_hash", .string, .required)
            .field("failures", .int, .required)
            .field("locked_until", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "email_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [SignInThrottle.schema, APIToken.schema, UserSession.schema, User.schema, Authority.schema] {
            try await db.schema(schema).delete()
        }
    }
}
