import Fluent
import SQLKit
import Testing
import Vapor
@testable import ProbityServer

@Suite("Migrations")
struct MigrationTests {
    @Test("One set of migrations builds the schema", arguments: TestDatabase.all)
    func migrationsRun(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let fixtures = try await Fixtures.make(app)
            #expect(try await Authority.query(on: app.db).count() == 2)
            #expect(try await User.query(on: app.db).filter(\.$authority.$id == fixtures.north.authorityID).count() == 4)
            // Running the migrations again changes nothing and does not fail.
            try await app.autoMigrate()
            #expect(try await Authority.query(on: app.db).count() == 2)
        }
    }

    @Test("Reverting every migration leaves no Probity table behind", arguments: TestDatabase.all)
    func migrationsRevert(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await app.autoRevert()
            let sql = try #require(app.db as? any SQLDatabase)
            let query: SQLQueryString = database == .sqlite
                ? "SELECT name AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_fluent_migrations'"
                : "SELECT table_name AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '_fluent_migrations'"
            let rows = try await sql.raw(query).all()
            #expect(rows.isEmpty, "tables left: \(rows.compactMap { try? $0.decode(column: "n", as: String.self) })")
        }
    }

    @Test("A SQLite file gets WAL journalling, foreign keys and full synchronous writes")
    func sqlitePragmas() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = Settings(database: .sqliteFile(path: directory.appendingPathComponent("probity.sqlite").path))
        settings.bcryptCost = 4
        let app = try await ProbityRuntime.makeApplication(settings: settings, environment: .testing)
        do {
            try await app.prepareDatabase()
            let sql = try #require(app.db as? any SQLDatabase)
            let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            let keys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            #expect(journal == "wal")
            #expect(keys == 1)
            #expect(sync == 2)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("probity.sqlite").path))
    }

    @Test("Settings choose PostgreSQL only for a postgres URL")
    func settingsFromEnvironment() {
        let sqlite = Settings.fromEnvironment(["PROBITY_DATA_DIR": "/var/lib/probity"])
        #expect(sqlite.database == .sqliteFile(path: "/var/lib/probity/probity.sqlite"))
        let pg = Settings.fromEnvironment(["DATABASE_URL": "postgres://u:p@db:5432/probity"])
        #expect(pg.database == .postgres(url: "postgres://u:p@db:5432/probity"))
        let other = Settings.fromEnvironment(["DATABASE_URL": "mysql://x", "PROBITY_DATA_DIR": "/d"])
        #expect(other.database == .sqliteFile(path: "/d/probity.sqlite"))
        #expect(Settings.fromEnvironment(["PROBITY_PUBLIC_URL": "https://probity.example.gov.uk"]).secureCookies)
        #expect(!Settings.fromEnvironment(["PROBITY_PUBLIC_URL": "http://localhost:8080"]).secureCookies)
    }
}
