import Fluent
import SQLKit

/// Registers of declarations: the entries, the Monitoring Officer's dispensations, and the
/// duties to register within the registration period.
struct CreateRegisters: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(DeclarationRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("declarant_kind", .string, .required)
            .field("declarant_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("counterpart_kind", .string)
            .field("counterpart_id", .uuid)
            .field("sensitivity", .string, .required)
            .field("registered_on", .string, .required)
            .field("ceased_on", .string)
            .field("withdrawn_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("state", .string, .required)
            .create()

        try await db.schema(DispensationRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid)
            .field("granted_on", .string, .required)
            .field("expires_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("state", .string, .required)
            .create()

        try await db.schema(RegistrationDutyRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("person_kind", .string, .required)
            .field("person_id", .uuid, .required)
            .field("trigger", .string, .required)
            .field("trigger_on", .string, .required)
            .field("last_day", .string, .required)
            .field("registered_on", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "authority_id", "person_kind", "person_id", "trigger", "trigger_on")
            .create()

        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "declarations_declarant").on(DeclarationRecord.schema)
                .column("authority_id").column("declarant_kind").column("declarant_id").run()
            try await sql.create(index: "declarations_counterpart").on(DeclarationRecord.schema)
                .column("authority_id").column("counterpart_id").run()
            try await sql.create(index: "declarations_authority_kind").on(DeclarationRecord.schema)
                .column("authority_id").column("kind").run()
            try await sql.create(index: "registration_duties_open").on(RegistrationDutyRecord.schema)
                .column("authority_id").column("registered_on").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(RegistrationDutyRecord.schema).delete()
        try await db.schema(DispensationRecord.schema).delete()
        try await db.schema(DeclarationRecord.schema).delete()
    }
}
