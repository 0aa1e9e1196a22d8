import Foundation
import Vapor

/// Background work that runs on a schedule in `probity serve` and on demand with
/// `probity jobs run --once`. Every job must be idempotent: running it twice, or on two
/// server instances against one PostgreSQL at once, does each piece of work once. Jobs get
/// that from unique keys on what they write (a chase step, a message's dedupe key), so a
/// second attempt fails its transaction and is skipped.
protocol ProbityJob: Sendable {
    /// Short name for logs and the CLI, e.g. `enquiry-chasing`.
    var name: String { get }
    var summary: String { get }
    func run(_ app: Application, now: Date) async throws -> JobOutcome
}

/// What one run of a job did.
public struct JobOutcome: Sendable, Codable, Equatable {
    public var job: String
    /// Pieces of work done (chasers sent, messages delivered).
    public var done: Int
    /// Pieces skipped because another run had already done them.
    public var skipped: Int
    /// Pieces that failed; each is logged and tried again next run.
    public var failed: Int

    public init(job: String, done: Int = 0, skipped: Int = 0, failed: Int = 0) {
        self.job = job
        self.done = done
        self.skipped = skipped
        self.failed = failed
    }
}

extension Application {
    private struct JobsKey: StorageKey { typealias Value = [any ProbityJob] }

    /// The jobs this server runs, in order.
    var probityJobs: [any ProbityJob] {
        get { storage[JobsKey.self] ?? [] }
        set { storage[JobsKey.self] = newValue }
    }

    /// Runs every job once, in order. A failing job is logged and the others still run.
    public func runJobsOnce() async -> [JobOutcome] {
        let now = probity.clock.now
        var outcomes: [JobOutcome] = []
        for job in probityJobs {
            do {
                let outcome = try await job.run(self, now: now)
                if outcome.done + outcome.failed > 0 {
                    logger.info("Job finished", metadata: ["job": .string(job.name), "done": "\(outcome.done)",
                                                           "skipped": "\(outcome.skipped)", "failed": "\(outcome.failed)"])
                }
                outcomes.append(outcome)
            } catch {
                logger.error("Job failed", metadata: ["job": .string(job.name), "error": .string(String(reflecting: error))])
                outcomes.append(JobOutcome(job: job.name, failed: 1))
            }
        }
        return outcomes
    }
}
