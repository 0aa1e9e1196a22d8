import Fluent
import NIOConcurrencyHelpers
import SQLKit

/// Serialises write transactions inside one process, and commits the writes that queue up
/// together (group commit).
///
/// SQLite allows one writer at a time, and in WAL mode a transaction that read an older snapshot
/// fails when it tries to write after another commit. Every write appends to the hash-chained
/// audit log, which must read the previous entry and insert the next without another writer
/// between. Queueing writers here keeps both correct; on PostgreSQL the chain is also guarded
/// across processes by a transaction-scoped advisory lock (see `AuditLog`).
///
/// A write that finds the gate free starts a transaction at once. Writes that arrive while it
/// runs wait, and the next transaction takes all of them (up to `batchLimit`), one after another,
/// each inside its own savepoint: a write that fails is rolled back to its savepoint and fails
/// alone, and every write in the batch is answered only after the one commit, so an answered
/// write is durable and a failed commit fails them all. One commit, one `fsync`, for many writes
/// (Benchmarks/RESULTS.md: creates at 64 connections).
actor WriteGate {
    typealias Transaction = @Sendable (@escaping @Sendable (any Database) async throws -> Void) async throws -> Void

    private struct Waiting {
        /// Runs the write in a savepoint; throws only if the savepoint itself could not be handled.
        let run: @Sendable (any Database) async throws -> Void
        /// After the transaction: nil when it committed, else why it did not.
        let finish: @Sendable ((any Error)?) -> Void
        let transaction: Transaction
    }

    /// How many queued writes one transaction may take. On PostgreSQL it is 1 (no grouping):
    /// a batch holds the audit chain's advisory lock from its first write to its commit, so a
    /// later write in it would take row locks after that lock while a single write on another
    /// server takes them before it, and the two could deadlock.
    let batchLimit: Int
    private var waiting: [Waiting] = []
    private var busy = false

    init(batchLimit: Int) {
        self.batchLimit = max(1, batchLimit)
    }

    /// Runs `body` in a transaction begun by `transaction`, in turn with every other write.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T,
                            in transaction: @escaping Transaction) async throws -> T {
        let outcome = NIOLockedValueBox<Result<T, any Error>?>(nil)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiting(
                run: { db in try await Self.inSavepoint(db, body, outcome) },
                finish: { error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume() }
                },
                transaction: transaction))
            if !busy {
                busy = true
                Task { await self.drain() }
            }
        }
        guard let result = outcome.withLockedValue({ $0 }) else {
            throw AppError(.unavailable, detail: "The change was not made. Please try again.")
        }
        return try result.get()
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(batchLimit))
            waiting.removeFirst(batch.count)
            do {
                try await batch[0].transaction { db in
                    for write in batch { try await write.run(db) }
                }
                for write in batch { write.finish(nil) }
            } catch {
                for write in batch { write.finish(error) }
            }
        }
        busy = false
    }

    private static func inSavepoint<T: Sendable>(_ db: any Database, _ body: @Sendable (any Database) async throws -> T,
                                                 _ outcome: NIOLockedValueBox<Result<T, any Error>?>) async throws {
        guard let sql = db as? any SQLDatabase else {
            outcome.withLockedValue { $0 = .failure(AppError(.unavailable, detail: "The database cannot run transactions.")) }
            return
        }
        try await sql.raw("SAVEPOINT probity_write").run()
        do {
            let value = try await body(db)
            try await sql.raw("RELEASE SAVEPOINT probity_write").run()
            outcome.withLockedValue { $0 = .success(value) }
        } catch {
            outcome.withLockedValue { $0 = .failure(error) }
            try await sql.raw("ROLLBACK TO SAVEPOINT probity_write").run()
            try await sql.raw("RELEASE SAVEPOINT probity_write").run()
        }
    }
}
