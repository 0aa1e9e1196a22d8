import Fluent
import Vapor

extension Request {
    /// Runs `body` in one database transaction, serialised with every other write of this process.
    /// Everything a state change writes — the record, its audit entry, its outbox messages —
    /// goes through here so it commits or rolls back as one.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(body)
    }
}

extension Application {
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let gate = probity.writeGate
        await gate.acquire()
        do {
            let result = try await db.transaction { db in try await body(db) }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}
