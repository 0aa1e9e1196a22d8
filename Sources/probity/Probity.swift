import ArgumentParser
import Foundation
import Logging
import ProbityCore
import ProbityServer

/// The `probity` command line: a thin layer that parses options and calls ProbityServer.
@main
struct Probity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probity",
        abstract: "Run a council's Member/Officer Relations Protocol as working software.",
        discussion: """
        Storage is a SQLite file (probity.sqlite in the working directory, or in PROBITY_DATA_DIR) unless
        DATABASE_URL=postgres://… is set. Set PROBITY_LOG_FORMAT=json for JSON log lines.
        """,
        subcommands: [Serve.self, Migrate.self, Demo.self, Users.self, UserCommand.self, Token.self, AuditCommand.self,
                      CalendarCommand.self, ProtocolCommand.self, JobsCommand.self, BenchCommand.self]
    )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "notice"

    func bootstrap() -> Settings {
        let settings = Settings.fromEnvironment()
        let level = Logger.Level(rawValue: logLevel) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = settings.jsonLogs ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return settings
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve Probity until stopped.")

    @Option(name: .long, help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port = 8080
    @Flag(name: .long, help: "Seed the fictional demo authority first (idempotent) and print its sign-ins.") var demo = false
    @OptionGroup var common: CommonOptions

    func run() async throws {
        var options = common
        if options.logLevel == "notice" { options.logLevel = "info" }
        let settings = options.bootstrap()
        try await ProbityRuntime.serve(settings: settings, hostname: hostname, port: port, demo: demo)
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date, then exit.")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let settings = common.bootstrap()
        try await ProbityRuntime.migrate(settings: settings)
        print("Database is up to date (\(settings.databaseDescription)).")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Seed the fictional demo authority (idempotent) and print its sign-ins.")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let summary = try await ProbityRuntime.seedDemo(settings: common.bootstrap())
        print(summary.created ? "Created \(summary.authorityName)." : "\(summary.authorityName) is already present; nothing changed.")
        print("Sign-ins (password for all: \(DemoSeeder.password)):")
        for login in summary.logins { print("  \(login.email)  \(login.role)") }
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List users.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every user of every authority.")
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let users = try await ProbityRuntime.listUsers(settings: common.bootstrap())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(users), as: UTF8.self))
            } else if users.isEmpty {
                print("No users yet. Run `probity demo` or `probity user add`.")
            } else {
                for u in users {
                    let flags = [u.isAdministrator ? "admin" : nil, u.isPlatformAdmin ? "platform-admin" : nil, u.disabled ? "disabled" : nil].compactMap { $0 }
                    print("\(u.email)\t\(u.displayName)\t\(u.authority)\t\(u.personKind)\t\(flags.joined(separator: ","))")
                }
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage a user.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The password is read from standard input (one line), never from the command line.")
        @Option(help: "The authority's short name (slug), e.g. demo.") var authority: String
        @Option(help: "Email address (the sign-in name).") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "member, officer, assistant or none.") var personKind = "none"
        @Option(help: "Id of the member, officer or assistant record this user signs in as.") var personId: String?
        @Flag(help: "Can administer the authority's directory and users.") var administrator = false
        @Flag(help: "Can administer every authority.") var platformAdmin = false
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let settings = common.bootstrap()
            var personID: UUID?
            if let personId {
                guard let id = UUID(uuidString: personId) else { throw ValidationError("--person-id must be a UUID") }
                personID = id
            }
            FileHandle.standardError.write(Data("Password (12 to 128 characters): ".utf8))
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("No password on standard input") }
            do {
                let user = try await ProbityRuntime.addUser(settings: settings, .init(
                    authoritySlug: authority, email: email, displayName: name, password: password, personKind: personKind,
                    personID: personID, isAdministrator: administrator, isPlatformAdmin: platformAdmin))
                print("Added \(user.email) (\(user.id.uuidString.lowercased())) to \(user.authority).")
            } catch let error as ProbityRuntime.CommandError {
                throw ValidationError(error.description)
            }
        }
    }
}

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage personal API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user and print it (shown once).")
        @Option(help: "The user's email address.") var email: String
        @Option(help: "A name to tell the token apart.") var name = "Command line"
        @OptionGroup var common: CommonOptions

        func run() async throws {
            do {
                print(try await ProbityRuntime.createToken(settings: common.bootstrap(), email: email, name: name))
            } catch let error as ProbityRuntime.CommandError {
                throw ValidationError(error.description)
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Work with the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain. Exits 0 when intact, 1 naming the first bad entry otherwise.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let result = try await ProbityRuntime.verifyAudit(settings: common.bootstrap())
            if let problem = result.problem {
                print("Audit chain BROKEN at entry \(problem.seq): \(problem.message)")
                throw ExitCode(1)
            }
            print("Audit chain intact: \(result.checked) entries verified.")
        }
    }
}
