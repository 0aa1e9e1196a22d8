import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// The framework's own limit for the enquiry list, for Benchmarks/load: a bare Vapor
/// application with one route that runs the same SQL as Probity's overdue list for an officer
/// who sees every enquiry (the count, then the first page in the list's order), on the same
/// database, through the same SQL drivers, and answers the first page as JSON. No Fluent models, sessions, tokens, protocol, policy or audit: only
/// Vapor, SQLKit and the driver. `probity bench bare-serve` runs it.
public enum BareListServer {
    public static func serve(settings: Settings, slug: String, hostname: String, port: Int) async throws {
        var env = Environment.production
        env.arguments = ["bare", "serve", "--hostname", hostname, "--port", String(port)]
        let app = try await Application.make(env)
        do {
            switch settings.database {
            case .sqliteFile(let path): app.databases.use(.sqlite(.file(path)), as: .sqlite)
            case .sqliteMemory: app.databases.use(.sqlite(.memory), as: .sqlite)
            case .postgres(let url): app.databases.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql)
            }
            if case .sqliteFile = settings.database {
                for loop in app.eventLoopGroup.makeIterator() {
                    guard let sql = app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase else { continue }
                    try await sql.raw("PRAGMA journal_mode = WAL").run()
                }
            }
            guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            guard let row = try await sql.select().column("id").from("authorities").where("slug", .equal, slug).first() else {
                throw Abort(.notFound, reason: "No authority has the slug \(slug)")
            }
            let authorityID = try row.decode(column: "id", as: UUID.self)
            let open = ["received", "acknowledged", "reopened"]

            struct Item: Content {
                var id: UUID
                var reference: String
                var subject: String
                var status: String
                var respondBy: String
            }
            struct Page: Content {
                var items: [Item]
                var total: Int
            }
            app.get("api", "v1", "enquiries") { req async throws -> Page in
                let perPage = min(max(req.query[Int.self, at: "perPage"] ?? 20, 1), 200)
                let today = Self.londonToday()
                let db = req.db as! any SQLDatabase
                // As Probity narrows for a Chief Executive who manages every officer: handled by
                // someone in the directory (EnquiryService.handledByTeamCondition, no one outside).
                let handled = SQLQueryString("""
                    (SELECT COUNT(*) FROM \(ident: "enquiry_handlers") JOIN \(ident: "officers") ON \(ident: "officers").\(ident: "id") = \(ident: "enquiry_handlers").\(ident: "officer_id") \
                    WHERE \(ident: "enquiry_handlers").\(ident: "enquiry_id") = \(ident: "enquiries").\(ident: "id") \
                    AND \(ident: "officers").\(ident: "authority_id") = \(bind: authorityID)) > 0
                    """)
                func overdue(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
                    select.from("enquiries")
                        .where("authority_id", .equal, authorityID)
                        .where(handled)
                        .where("status", .in, open)
                        .where("respond_by", .lessThan, today)
                }
                let total = try await overdue(db.select().column(SQLFunction("count", args: SQLLiteral.all), as: "count"))
                    .first()?.decode(column: "count", as: Int.self) ?? 0
                let rows = try await overdue(db.select().column("*"))
                    .orderBy(SQLQueryString("CASE WHEN \(ident: "status") IN (\(binds: open)) AND \(ident: "respond_by") < \(bind: today) THEN 0 ELSE 1 END"))
                    .orderBy("respond_by").orderBy("reference")
                    .limit(perPage).offset(0)
                    .all()
                let items = try rows.map { row in
                    Item(id: try row.decode(column: "id", as: UUID.self), reference: try row.decode(column: "reference", as: String.self),
                         subject: try row.decode(column: "subject", as: String.self), status: try row.decode(column: "status", as: String.self),
                         respondBy: try row.decode(column: "respond_by", as: String.self))
                }
                return Page(items: items, total: total)
            }
            FileHandle.standardOutput.write(Data("Bare list server at http://\(hostname):\(port)/api/v1/enquiries\n".utf8))
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Today in London, `YYYY-MM-DD`, as Probity's list compares `respond_by`.
    static func londonToday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
