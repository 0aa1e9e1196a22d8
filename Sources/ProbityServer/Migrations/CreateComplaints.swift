import Fluent
import SQLKit

/// Complaints, breach-of-protocol and improper-influence reports: the cases, who takes part in
/// each, investigation items, and the acknowledgement chases sent.
struct CreateComplaints: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ComplaintRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("reference", .string, .required)
            .field("reference_year", .int, .required)
            .field("reference_number", .int, .required)
            .field("kind", .string, .required)
            .field("category", .string, .required)
            .field("stage", .string, .required)
            .field("route_rule_id", .string)
            .field("procedure", .string)
            .field("complainant_kind", .string, .required)
            .field("complainant_id", .uuid, .required)
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("handler_kind", .string)
            .field("handler_id", .uuid)
            .field("received_at", .datetime, .required)
            .field("received_on", .string, .required)
            .field("acknowledge_by", .string, .required)
            .field("acknowledged_at", .datetime)
            .field("acknowledged_on", .string)
            .field("outcome", .string)
            .field("referred", .bool, .required)
            .field("closed_at", .datetime)
            .field("closed_on", .string)
            .field("updated_at", .datetime, .required)
            .field("details", .string, .required)
            .field("incident_dates", .string, .required)
            .field("disclosed_allegation", .string)
            .field("routing", .string, .required)
            .field("state", .string, .required)
            .unique(on: "authority_id", "reference")
            .unique(on: "authority_id", "reference_year", "reference_number")
            .create()

        try await db.schema(ComplaintPerson.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("complaint_id", .uuid, .required, .references(ComplaintRecord.schema, "id", onDelete: .cascade))
            .field("person_kind", .string, .required)
            .field("person_id", .uuid, .required)
            .unique(on: "complaint_id", "person_kind", "person_id")
            .create()

        try await db.schema(ComplaintItem.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("complaint_id", .uuid, .required, .references(ComplaintRecord.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("added_at", .datetime, .required)
            .field("added_by", .string, .required)
            .create()

        try await db.schema(ComplaintChase.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("complaint_id", .uuid, .required, .references(ComplaintRecord.schema, "id", onDelete: .cascade))
            .field("step_key", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "complaint_id", "step_key")
            .create()

        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "complaints_authority_stage").on(ComplaintRecord.schema)
                .column("authority_id").column("stage").run()
            try await sql.create(index: "complaint_people_person").on(ComplaintPerson.schema)
                .column("authority_id").column("person_kind").column("person_id").run()
            try await sql.create(index: "complaint_items_complaint").on(ComplaintItem.schema)
                .column("complaint_id").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ComplaintChase.schema).delete()
        try await db.schema(ComplaintItem.schema).delete()
        try await db.schema(ComplaintPerson.schema).delete()
        try await db.schema(ComplaintRecord.schema).delete()
    }
}
