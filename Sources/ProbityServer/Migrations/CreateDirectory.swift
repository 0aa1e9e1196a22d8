import Fluent
import SQLKit

/// The directory tables. Directorates and services name officers and officers name them, so the
/// officer columns of directorates and services are added after the officers table exists
/// (PostgreSQL needs the referenced table first).
struct CreateDirectory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let authority = FieldKey("authority_id")
        func scoped(_ schema: String) -> SchemaBuilder {
            db.schema(schema)
                .id()
                .field(authority, .uuid, .required, .references(Authority.schema, "id", onDelete: .restrict))
        }

        try await scoped(Ward.schema)
            .field("name", .string, .required)
            .field("gss_code", .string)
            .unique(on: authority, "name")
            .create()

        try await scoped(PartyGroup.schema)
            .field("name", .string, .required)
            .field("is_administration", .bool, .required)
            .unique(on: authority, "name")
            .create()

        try await scoped(Member.schema)
            .field("name", .string, .required)
            .field("position", .string, .required)
            .field("ward_id", .uuid, .references(Ward.schema, "id", onDelete: .restrict))
            .field("group_id", .uuid, .references(PartyGroup.schema, "id", onDelete: .restrict))
            .field("executive_role", .string, .required)
            .field("portfolio", .string)
            .field("email", .string)
            .create()

        try await db.schema(PartyGroup.schema)
            .field("leader_member_id", .uuid, .references(Member.schema, "id", onDelete: .restrict))
            .update()
        try await db.schema(PartyGroup.schema)
            .field("whip_member_id", .uuid, .references(Member.schema, "id", onDelete: .restrict))
            .update()

        try await scoped(Committee.schema)
            .field("name", .string, .required)
            .field("committee_kind", .string, .required)
            .field("chair_member_id", .uuid, .references(Member.schema, "id", onDelete: .restrict))
            .field("terms_of_reference", .string)
            .unique(on: authority, "name")
            .create()

        try await scoped(CommitteeMembership.schema)
            .field("committee_id", .uuid, .required, .references(Committee.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required, .references(Member.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "committee_id", "member_id")
            .create()

        try await scoped(Directorate.schema)
            .field("name", .string, .required)
            .unique(on: authority, "name")
            .create()

        try await scoped(Service.schema)
            .field("name", .string, .required)
            .field("directorate_id", .uuid, .required, .references(Directorate.schema, "id", onDelete: .restrict))
            .unique(on: authority, "name")
            .create()

        try await scoped(Officer.schema)
            .field("name", .string, .required)
            .field("job_title", .string, .required)
            .field("post", .string, .required)
            .field("designations", .array(of: .string), .required)
            .field("directorate_id", .uuid, .references(Directorate.schema, "id", onDelete: .restrict))
            .field("service_id", .uuid, .references(Service.schema, "id", onDelete: .restrict))
            .field("line_manager_officer_id", .uuid, .references(Officer.schema, "id", onDelete: .restrict))
            .field("politically_restricted", .bool, .required)
            .field("email", .string)
            .create()

        try await db.schema(Directorate.schema)
            .field("director_officer_id", .uuid, .references(Officer.schema, "id", onDelete: .restrict))
            .update()
        for column in ["head_of_service_officer_id", "liaison_officer_id", "complaints_officer_id"] {
            try await db.schema(Service.schema)
                .field(.init(stringLiteral: column), .uuid, .references(Officer.schema, "id", onDelete: .restrict))
                .update()
        }

        try await scoped(GroupAssistant.schema)
            .field("name", .string, .required)
            .field("group_id", .uuid, .required, .references(PartyGroup.schema, "id", onDelete: .restrict))
            .field("acts_for_member_ids", .array(of: .uuid), .required)
            .field("email", .string)
            .create()

        try await scoped(PartyWorker.schema)
            .field("name", .string, .required)
            .field("group_id", .uuid, .references(PartyGroup.schema, "id", onDelete: .restrict))
            .field("notes", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [PartyWorker.schema, GroupAssistant.schema] {
            try await db.schema(schema).delete()
        }
        // PostgreSQL refuses to drop a table another table still references, so the circular
        // references go first. SQLite cannot drop a foreign-key column at all, and needs not to:
        // it drops a referenced table once no row refers to it.
        if (db as? any SQLDatabase)?.dialect.name != "sqlite" {
            try await db.schema(Service.schema).deleteField("head_of_service_officer_id").deleteField("liaison_officer_id").deleteField("complaints_officer_id").update()
            try await db.schema(Directorate.schema).deleteField("director_officer_id").update()
            try await db.schema(PartyGroup.schema).deleteField("leader_member_id").deleteField("whip_member_id").update()
        }
        for schema in [Officer.schema, Service.schema, Directorate.schema, CommitteeMembership.schema, Committee.schema, Member.schema, PartyGroup.schema, Ward.schema] {
            try await db.schema(schema).delete()
        }
    }
}
