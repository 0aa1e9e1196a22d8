import Fluent
import SQLKit

/// The delivery worker's lease on an outbox message, and when the mail server accepted it.
struct AddEmailDelivery: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await db.schema(Notification.schema).field("email_lease_token", .string).update()
        try await db.schema(Notification.schema).field("email_lease_until", .datetime).update()
        try await db.schema(Notification.schema).field("email_sent_at", .datetime).update()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX IF NOT EXISTS notifications_email_due ON notifications (email_status, email_next_attempt_at)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS notifications_email_due").run()
        }
        for field in ["email_lease_token", "email_lease_until", "email_sent_at"] {
            try await db.schema(Notification.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
