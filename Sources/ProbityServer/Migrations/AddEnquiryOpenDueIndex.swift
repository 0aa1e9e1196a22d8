import Fluent
import SQLKit

/// The overdue list and the chasing scan ask for an authority's open enquiries past their due
/// date; without this index both read every enquiry (Benchmarks/RESULTS.md, 200,000 enquiries:
/// 153 ms a scan without it, 17 ms with it).
struct AddEnquiryOpenDueIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX IF NOT EXISTS enquiries_open_due ON enquiries (authority_id, status, respond_by)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS enquiries_open_due").run()
        }
    }
}
