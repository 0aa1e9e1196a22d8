import ArgumentParser
import Foundation
import ProbityServer

/// `probity bench`: tools for the benchmarks in Benchmarks/ (not for a live council's database).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark tools: fill an empty database with a large fictional authority.",
        subcommands: [Seed.self, BareServe.self, Jobs.self])

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seed a large authority with years of history (70 members, 3,000 officers, 200,000 enquiries, 5,000 complaints, 20,000 declarations by default).",
            discussion: "Writes into the configured database (DATABASE_URL or the SQLite file). Sign-ins use the password \(BenchmarkSeeder.password).")
        @Option(help: "The authority's slug.") var slug = "bench"
        @Option(help: "Members.") var members = 70
        @Option(help: "Officers.") var officers = 3_000
        @Option(help: "Enquiries.") var enquiries = 200_000
        @Option(help: "Complaints.") var complaints = 5_000
        @Option(help: "Declarations of interest.") var declarations = 20_000
        @Option(help: "Years of history.") var years = 10
        @Option(help: "Rows per INSERT.") var batchSize = 500
        @Flag(help: "Print a JSON summary.") var json = false
        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard (12...1_000).contains(members) else { throw ValidationError("--members must be from 12 to 1,000") }
            guard (300...100_000).contains(officers) else { throw ValidationError("--officers must be from 300 to 100,000") }
            guard (1...10_000_000).contains(enquiries) else { throw ValidationError("--enquiries must be from 1 to 10,000,000") }
            guard (0...1_000_000).contains(complaints), (0...1_000_000).contains(declarations) else {
                throw ValidationError("--complaints and --declarations must be from 0 to 1,000,000")
            }
            guard (1...50).contains(years) else { throw ValidationError("--years must be from 1 to 50") }
            guard (1...1_000).contains(batchSize) else { throw ValidationError("--batch-size must be from 1 to 1,000") }
        }

        func run() async throws {
            var options = BenchmarkSeeder.Options()
            options.slug = slug
            options.members = members
            options.officers = officers
            options.enquiries = enquiries
            options.complaints = complaints
            options.declarations = declarations
            options.years = years
            options.batchSize = batchSize
            options.progress = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            do {
                let summary = try await ProbityRuntime.seedBenchmark(settings: common.bootstrap(), options: options)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    print(String(decoding: try encoder.encode(summary), as: UTF8.self))
                } else {
                    print("Seeded \(summary.authority) (\(summary.slug)) in \(String(format: "%.1f", summary.seconds)) s: \(summary.members) members, "
                          + "\(summary.officers) officers, \(summary.enquiries) enquiries (\(summary.openEnquiries) open, \(summary.overdueEnquiries) overdue), "
                          + "\(summary.complaints) complaints, \(summary.declarations) declarations.")
                    print("Sign-ins (password \(BenchmarkSeeder.password)): \(summary.listUserEmail) sees every enquiry; \(summary.createUserEmail) raises them.")
                }
            } catch let error as ProbityRuntime.CommandError {
                throw ValidationError(error.description)
            }
        }
    }

    struct BareServe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bare-serve",
            abstract: "Serve only GET /api/v1/enquiries from a bare Vapor app running the same SQL as the overdue list (no auth), for comparison.")
        @Option(help: "The seeded authority's slug.") var slug = "bench"
        @Option(name: .long, help: "Address to listen on.") var hostname = "127.0.0.1"
        @Option(name: .long, help: "Port to listen on.") var port = 8090
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await BareListServer.serve(settings: common.bootstrap(), slug: slug, hostname: hostname, port: port)
        }
    }

    struct Jobs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run each background job once in this process and print how long each run took (JSON lines).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for run in try await ProbityRuntime.timeJobs(settings: common.bootstrap()) {
                print(String(decoding: try encoder.encode(run), as: UTF8.self))
            }
        }
    }
}
