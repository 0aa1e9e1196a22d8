import Fluent
import SQLKit

/// An officer's list asks which enquiries their team has handled; without this index that
/// reads every handler row of every enquiry.
struct AddEnquiryHandlerOfficerIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX IF NOT EXISTS enquiry_handlers_officer ON enquiry_handlers (officer_id, enquiry_id)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS enquiry_handlers_officer").run()
        }
    }
}
