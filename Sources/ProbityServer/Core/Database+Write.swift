import Fluent
import FluentPostgresDriver
import NIOConcurrencyHelpers
import Vapor

extension Request {
    /// Runs `body` in one database transaction, serialised with every other write of this process
    /// (and committed together with the writes queued behind it: `WriteGate`). Everything a state
    /// change writes — the record, its audit entry, its outbox messages — goes through here so it
    /// commits or rolls back as one.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(body)
    }
}

extension Application {
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let db = self.db
        let deadline = probity.settings.writeDeadline
        return try await probity.writeGate.write(body) { batch in
            if db is any PostgresDatabase {
                try await BoundedPostgresTransaction.run(on: db, deadline: deadline, batch)
            } else {
                try await db.transaction { db in try await batch(db) }
            }
        }
    }
}

extension Settings {
    var writeDeadline: TimeAmount { .seconds(writeDeadlineSeconds) }
}

/// A PostgreSQL transaction that always ends, and always gives its connection back.
///
/// PostgresNIO (1.33) drops a query sent on a connection the server has already closed: the
/// query's future never completes. Fluent's own `transaction` sends `ROLLBACK` after a failure,
/// so when PostgreSQL restarts mid-transaction that `ROLLBACK` waits for ever, holding the pooled
/// connection and this process's write gate: every later write times out and the server never
/// recovers (crash/RESULTS.md, 2026-11-23). Here the transaction is skipped rather than rolled
/// back on a closed connection (the server has already rolled it back), the transaction ends the
/// moment its connection closes, and a deadline closes the connection of a transaction that has
/// not finished, which makes PostgreSQL roll it back and the pool discard the connection.
enum BoundedPostgresTransaction {
    static func run<T: Sendable>(on db: any Database, deadline: TimeAmount,
                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let leased: EventLoopFuture<T> = db.withConnection { (connection: any Database) -> EventLoopFuture<T> in
            let loop = connection.eventLoop
            let promise = loop.makePromise(of: T.self)
            let finished = NIOLockedValueBox(false)
            let raw = NIOLockedValueBox<PostgresConnection?>(nil)
            @Sendable func finish(_ result: Result<T, any Error>) {
                let first = finished.withLockedValue { done in defer { done = true }; return !done }
                if first { promise.completeWith(result) }
            }
            let timer = loop.scheduleTask(in: deadline) {
                finish(.failure(AppError(.unavailable, detail: "The database did not finish the change in time. Nothing was saved; please try again.")))
                if let underlying = raw.withLockedValue({ $0 }) {
                    let closing: EventLoopFuture<Void> = underlying.close()
                    closing.whenFailure { _ in }
                }
            }
            // A query sent after the connection closed would never be answered: end the transaction
            // as soon as it closes. Polled, because a callback on the connection's close would stay
            // registered on the pooled connection after every write.
            let watch = loop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) { _ in
                if raw.withLockedValue({ $0 })?.isClosed == true {
                    finish(.failure(AppError(.unavailable, detail: "The connection to the database was lost. Nothing was saved; please try again.")))
                }
            }
            promise.futureResult.whenComplete { _ in
                timer.cancel()
                watch.cancel()
            }
            Task {
                do {
                    finish(.success(try await transaction(connection, raw: raw, body)))
                } catch {
                    finish(.failure(error))
                }
            }
            return promise.futureResult
        }
        return try await leased.get()
    }

    private static func transaction<T: Sendable>(_ connection: any Database, raw: NIOLockedValueBox<PostgresConnection?>,
                                                 _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let postgres = connection as? any PostgresDatabase {
            let underlying = try await postgres.withConnection { connection.eventLoop.makeSucceededFuture($0) }.get()
            raw.withLockedValue { $0 = underlying }
        }
        guard let control = connection as? any TransactionControlDatabase else {
            throw AppError(.unavailable, detail: "The database cannot run transactions.")
        }
        try await control.beginTransaction().get()
        do {
            let result = try await body(connection)
            try await control.commitTransaction().get()
            return result
        } catch {
            // On a connection the server has closed, PostgreSQL has already rolled back, and a
            // ROLLBACK sent there would never be answered.
            if let underlying = raw.withLockedValue({ $0 }), !underlying.isClosed {
                try? await control.rollbackTransaction().get()
            }
            throw error
        }
    }
}
