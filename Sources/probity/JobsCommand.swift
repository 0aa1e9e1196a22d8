import ArgumentParser
import Foundation
import ProbityServer

/// `probity jobs`: the background work the server does on a schedule.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Background jobs: chasing overdue cases, delivering messages.",
        subcommands: [List.self, Run.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the jobs and what each does.")
        @OptionGroup var common: CommonOptions
        func run() async throws {
            for job in try await ProbityRuntime.jobDescriptions(settings: common.bootstrap()) {
                print("\(job.name.padding(toLength: 28, withPad: " ", startingAt: 0))  \(job.summary)")
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every job once and exit. Safe alongside running servers: work is never done twice.")
        @Flag(help: "Run once and exit (the only mode; the server runs jobs on its own schedule).") var once = false
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard once else { throw ValidationError("Use --once: `probity jobs run --once`. `probity serve` runs jobs on a schedule.") }
        }

        func run() async throws {
            let outcomes = try await ProbityRuntime.runJobsOnce(settings: common.bootstrap())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(outcomes), as: UTF8.self))
            } else if outcomes.isEmpty {
                print("No jobs are registered.")
            } else {
                for o in outcomes { print("\(o.job): \(o.done) done, \(o.skipped) already done, \(o.failed) failed") }
            }
            if outcomes.contains(where: { $0.failed > 0 }) { throw ExitCode(1) }
        }
    }
}
