import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import SQLKit
import Vapor

extension Application {
    /// Configures a Vapor application as Probity: database, migrations, views, middleware and
    /// routes. The server, the CLI commands and the tests all build the app through here.
    public func configureProbity(settings: Settings, clock: Clock = .system) async throws {
        probity = ProbityEnvironment(settings: settings, clock: clock)

        switch settings.database {
        case .sqliteFile(let path):
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema = settings.postgresSchema { configuration.searchPath = [schema] }
            databases.use(.postgres(configuration: configuration, sqlLogLevel: .debug), as: .psql)
        }
        migrations.add(ProbityMigrations.all)
        probityJobs.append(EnquiryChasingJob())
        probityJobs.append(ComplaintAcknowledgementChaseJob())
        probityJobs.append(RegistrationReminderJob())
        probityJobs.append(EmailDigestJob())
        probityJobs.append(EmailDeliveryJob())
        passwords.use(.bcrypt(cost: settings.bcryptCost))

        let resources = ProbityResources.directory
        views.use(.leaf)
        leaf.configuration = LeafConfiguration(rootDirectory: resources + "Views/")
        // Sandboxed to the views folder. Leaf's default also refuses any path with a hidden
        // component, which would refuse every view when the app runs from `.build/`.
        leaf.sources = .singleSource(NIOLeafFiles(
            fileio: fileio, limits: [.toSandbox, .requireExtensions],
            sandboxDirectory: resources + "Views/", viewDirectory: resources + "Views/"))
        leaf.cache.isEnabled = environment.isRelease

        routes.defaultMaxBodySize = "1mb"
        middleware = Middlewares()
        middleware.use(RouteLoggingMiddleware(logLevel: .info))
        middleware.use(SecurityHeadersMiddleware())
        middleware.use(ProbityErrorMiddleware())
        middleware.use(FileMiddleware(publicDirectory: resources + "Public/", defaultFile: nil))
        middleware.use(ActorAuthenticator())
        middleware.use(CSRFMiddleware())

        try registerRoutes()
    }

    /// Brings the database schema up to date and applies per-connection SQLite settings.
    public func prepareDatabase() async throws {
        if let schema = probity.settings.postgresSchema, let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            guard schema.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
                throw AppError(.badRequest, detail: "PROBITY_PG_SCHEMA must be lowercase letters, digits and underscores")
            }
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run()
        }
        try await autoMigrate()
        try await applySQLitePragmas()
    }

    /// WAL journal (readers never block the writer), foreign keys on, synchronous FULL (a
    /// committed write survives power loss), and a busy timeout so a CLI command writing while
    /// the server runs waits instead of failing. The pool holds one connection per event loop,
    /// so the per-connection settings are applied on each loop's connection.
    func applySQLitePragmas() async throws {
        guard case .sqliteFile = probity.settings.database else { return }
        for loop in eventLoopGroup.makeIterator() {
            guard let sql = databases.database(.sqlite, logger: logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA synchronous = FULL").run()
            try await sql.raw("PRAGMA foreign_keys = ON").run()
            try await sql.raw("PRAGMA busy_timeout = 5000").run()
        }
    }
}

/// Where the bundled views and public files are.
enum ProbityResources {
    static var directory: String {
        if let override = ProcessInfo.processInfo.environment["PROBITY_RESOURCES_DIR"], !override.isEmpty {
            return override.hasSuffix("/") ? override : override + "/"
        }
        return Bundle.module.bundleURL.appendingPathComponent("Resources").path + "/"
    }
}
