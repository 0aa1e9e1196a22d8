import Foundation

/// Everything the server needs to know about where it runs, read once from the environment.
/// Tests build settings directly instead of reading the process environment.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        /// A SQLite file (WAL mode, foreign keys on, synchronous FULL).
        case sqliteFile(path: String)
        /// An in-memory SQLite database, for tests.
        case sqliteMemory
        /// `postgres://user:password@host:port/database`
        case postgres(url: String)
    }

    public var database: DatabaseChoice
    /// Where uploads and the default SQLite file live.
    public var dataDirectory: String
    /// The address users reach the service at; `https://` turns on `Secure` cookies.
    public var publicURL: String?
    /// Sessions end after this much inactivity (ASVS 5 V7.3.1).
    public var sessionIdleTimeout: TimeInterval
    /// Sessions end this long after sign-in whatever the activity (ASVS 5 V7.3.2).
    public var sessionAbsoluteTimeout: TimeInterval
    /// Consecutive failed sign-ins for one email address before it is locked for `lockoutDuration`.
    public var lockoutThreshold: Int
    public var lockoutDuration: TimeInterval
    /// Sign-in attempts allowed per client address per minute.
    public var signInAttemptsPerMinute: Int
    /// bcrypt cost; tests lower it to keep the suite fast.
    public var bcryptCost: Int
    /// Log lines as JSON objects (one per line) instead of text.
    public var jsonLogs: Bool
    /// PostgreSQL schema to keep Probity's tables in (`PROBITY_PG_SCHEMA`); the server's default search path when nil.
    public var postgresSchema: String?
    /// Seconds between runs of the background jobs in `probity serve` (`PROBITY_JOB_INTERVAL_SECONDS`); 0 turns them off.
    public var jobIntervalSeconds: TimeInterval = 300
    /// How long a write transaction on PostgreSQL may take before its connection is closed and
    /// the change refused with 503 (`PROBITY_WRITE_DEADLINE_SECONDS`); see `BoundedPostgresTransaction`.
    public var writeDeadlineSeconds: Int64 = 30
    /// The mail server for e-mail notifications (`PROBITY_SMTP_*`); none means messages wait in the outbox.
    public var smtp: SMTPSettings?

    public init(
        database: DatabaseChoice,
        dataDirectory: String = FileManager.default.currentDirectoryPath,
        publicURL: String? = nil,
        sessionIdleTimeout: TimeInterval = 30 * 60,
        sessionAbsoluteTimeout: TimeInterval = 12 * 60 * 60,
        lockoutThreshold: Int = 5,
        lockoutDuration: TimeInterval = 15 * 60,
        signInAttemptsPerMinute: Int = 20,
        bcryptCost: Int = 12,
        jsonLogs: Bool = false
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.publicURL = publicURL
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionAbsoluteTimeout = sessionAbsoluteTimeout
        self.lockoutThreshold = lockoutThreshold
        self.lockoutDuration = lockoutDuration
        self.signInAttemptsPerMinute = signInAttemptsPerMinute
        self.bcryptCost = bcryptCost
        self.jsonLogs = jsonLogs
        self.postgresSchema = nil
    }

    /// Reads `DATABASE_URL`, `PROBITY_DATA_DIR`, `PROBITY_PUBLIC_URL`, `PROBITY_SESSION_IDLE_MINUTES`,
    /// `PROBITY_SESSION_ABSOLUTE_HOURS`, `PROBITY_LOG_FORMAT` (`json` or `text`).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        let dataDirectory = env["PROBITY_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.currentDirectoryPath
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            database = .postgres(url: url)
        } else {
            database = .sqliteFile(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("probity.sqlite").path)
        }
        var settings = Settings(database: database, dataDirectory: dataDirectory, publicURL: env["PROBITY_PUBLIC_URL"])
        if let minutes = env["PROBITY_SESSION_IDLE_MINUTES"].flatMap(Double.init), minutes > 0 {
            settings.sessionIdleTimeout = minutes * 60
        }
        if let hours = env["PROBITY_SESSION_ABSOLUTE_HOURS"].flatMap(Double.init), hours > 0 {
            settings.sessionAbsoluteTimeout = hours * 3600
        }
        settings.jsonLogs = env["PROBITY_LOG_FORMAT"]?.lowercased() == "json"
        settings.postgresSchema = env["PROBITY_PG_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 }
        if let seconds = env["PROBITY_WRITE_DEADLINE_SECONDS"].flatMap(Int64.init), seconds > 0 {
            settings.writeDeadlineSeconds = seconds
        }
        if let seconds = env["PROBITY_JOB_INTERVAL_SECONDS"].flatMap(Double.init), seconds >= 0 {
            settings.jobIntervalSeconds = seconds
        }
        settings.smtp = SMTPSettings.fromEnvironment(env)
        return settings
    }

    /// Cookies carry `Secure` when the service is published over TLS.
    public var secureCookies: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public var databaseDescription: String {
        switch database {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres: "PostgreSQL"
        }
    }
}
