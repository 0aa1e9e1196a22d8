import Fluent
import Vapor

/// What the `probity` command line does, as library functions the CLI calls and tests exercise.
/// Each opens the configured database, brings it up to date, does its work and shuts down.
public enum ProbityRuntime {
    /// Builds a configured application (not yet serving).
    public static func makeApplication(settings: Settings, environment: Environment = .production,
                                       clock: Clock = .system, arguments: [String] = ["probity"]) async throws -> Application {
        var env = environment
        env.arguments = arguments
        let app = try await Application.make(env)
        do {
            try await app.configureProbity(settings: settings, clock: clock)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    static func withApplication<T>(_ settings: Settings, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await makeApplication(settings: settings)
        do {
            try await app.prepareDatabase()
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Migrates, optionally seeds the demo authority, prints where to go, and serves until SIGINT
    /// or SIGTERM, when Vapor stops accepting connections and finishes in-flight requests.
    public static func serve(settings: Settings, hostname: String, port: Int, demo: Bool) async throws {
        let app = try await makeApplication(settings: settings, arguments: ["probity", "serve", "--hostname", hostname, "--port", String(port)])
        do {
            try await app.prepareDatabase()
            app.logger.info("Database ready", metadata: ["database": .string(settings.databaseDescription)])
            if demo {
                let summary = try await DemoSeeder.seed(app)
                announce(summary.banner(url: "http://\(hostname == "0.0.0.0" ? "localhost" : hostname):\(port)"))
            } else {
                announce("Probity is starting at http://\(hostname == "0.0.0.0" ? "localhost" : hostname):\(port)")
            }
            if settings.jobIntervalSeconds > 0 {
                app.lifecycle.use(JobScheduler(interval: settings.jobIntervalSeconds))
            }
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Written straight to standard output, so it shows at once even when that is a pipe or a log file.
    private static func announce(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func migrate(settings: Settings) async throws {
        try await withApplication(settings) { _ in }
    }

    public static func seedDemo(settings: Settings) async throws -> DemoSeeder.Summary {
        try await withApplication(settings) { try await DemoSeeder.seed($0) }
    }

    public struct UserListing: Codable, Sendable {
        public var id: UUID
        public var email: String
        public var displayName: String
        public var authority: String
        public var personKind: String
        public var isAdministrator: Bool
        public var isPlatformAdmin: Bool
        public var disabled: Bool
    }

    public static func listUsers(settings: Settings) async throws -> [UserListing] {
        try await withApplication(settings) { app in
            let authorities = Dictionary(uniqueKeysWithValues: try await Authority.query(on: app.db).all().map { ($0.id!, $0.slug) })
            return try await User.query(on: app.db).sort(\.$email).all().map { u in
                UserListing(id: u.id!, email: u.email, displayName: u.displayName, authority: authorities[u.$authority.id] ?? "",
                            personKind: u.personKind.rawValue, isAdministrator: u.isAdministrator, isPlatformAdmin: u.isPlatformAdmin, disabled: u.isDisabled)
            }
        }
    }

    public struct NewUserRequest: Sendable {
        public var authoritySlug: String
        public var email: String
        public var displayName: String
        public var password: String
        public var personKind: String
        public var personID: UUID?
        public var isAdministrator: Bool
        public var isPlatformAdmin: Bool
        public init(authoritySlug: String, email: String, displayName: String, password: String, personKind: String,
                    personID: UUID?, isAdministrator: Bool, isPlatformAdmin: Bool) {
            self.authoritySlug = authoritySlug
            self.email = email
            self.displayName = displayName
            self.password = password
            self.personKind = personKind
            self.personID = personID
            self.isAdministrator = isAdministrator
            self.isPlatformAdmin = isPlatformAdmin
        }
    }

    /// Problems with a CLI request, one line each.
    public struct CommandError: Error, CustomStringConvertible {
        public var lines: [String]
        public var description: String { lines.joined(separator: "\n") }
    }

    public static func addUser(settings: Settings, _ request: NewUserRequest) async throws -> UserListing {
        try await withApplication(settings) { app in
            guard let authority = try await Authority.query(on: app.db).filter(\.$slug == request.authoritySlug).first() else {
                throw CommandError(lines: ["No authority has the slug '\(request.authoritySlug)'. Run `probity demo` or create one first."])
            }
            guard let kind = User.PersonKind(rawValue: request.personKind) else {
                throw CommandError(lines: ["--person-kind must be one of: member, officer, assistant, none"])
            }
            let input = UserAdministration.NewUser(email: request.email, displayName: request.displayName, password: request.password,
                                                   personKind: kind, personID: request.personID, isAdministrator: request.isAdministrator,
                                                   isPlatformAdmin: request.isPlatformAdmin)
            let errors = try await UserAdministration.validate(input, authorityID: authority.id!, on: app.db)
            guard errors.isEmpty else { throw CommandError(lines: errors.map { "\($0.field): \($0.message)" }) }
            let hash = try await app.password.async.hash(request.password)
            let now = app.probity.clock.now
            let user = try await app.write { db in
                try await UserAdministration.create(input, hash: hash, authorityID: authority.id!,
                                                    by: AuditEvent(authorityID: authority.id, actorUserID: nil, actorName: "probity CLI", action: "user.create"),
                                                    on: db, at: now)
            }
            return UserListing(id: user.id!, email: user.email, displayName: user.displayName, authority: authority.slug,
                               personKind: user.personKind.rawValue, isAdministrator: user.isAdministrator,
                               isPlatformAdmin: user.isPlatformAdmin, disabled: false)
        }
    }

    /// Creates a personal API token for the user with `email` and returns it (shown once).
    public static func createToken(settings: Settings, email: String, name: String) async throws -> String {
        try await withApplication(settings) { app in
            let normalised = User.normalise(email: email)
            guard let user = try await User.query(on: app.db).filter(\.$email == normalised).first() else {
                throw CommandError(lines: ["No user has the email address \(normalised). See `probity users list`."])
            }
            guard !user.isDisabled else { throw CommandError(lines: ["\(normalised) is disabled; enable the account first."]) }
            let nameErrors = TokenService.validateName(name)
            guard nameErrors.isEmpty else { throw CommandError(lines: nameErrors.map(\.message)) }
            let now = app.probity.clock.now
            return try await app.write { db in
                try await TokenService.issue(for: user, name: name, on: db, at: now,
                                             actor: AuditEvent(authorityID: user.$authority.id, actorUserID: nil, actorName: "probity CLI", action: "token.create")).token
            }
        }
    }

    /// Runs every background job once (`probity jobs run --once`).
    public static func runJobsOnce(settings: Settings) async throws -> [JobOutcome] {
        try await withApplication(settings) { await $0.runJobsOnce() }
    }

    /// The jobs a server runs, with what each does.
    public static func jobDescriptions(settings: Settings) async throws -> [(name: String, summary: String)] {
        let app = try await makeApplication(settings: settings)
        let list = app.probityJobs.map { ($0.name, $0.summary) }
        try await app.asyncShutdown()
        return list
    }

    public static func verifyAudit(settings: Settings) async throws -> AuditVerification {
        try await withApplication(settings) { try await AuditLog.verify(on: $0.db) }
    }
}
