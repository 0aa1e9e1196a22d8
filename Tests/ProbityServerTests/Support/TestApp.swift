import Fluent
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import ProbityServer

/// The databases the suite runs against: SQLite always; PostgreSQL when
/// `PROBITY_TEST_POSTGRES_URL` is set (as `.ci/run` and `scripts/test` do).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["PROBITY_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }
}

/// A clock tests can move.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = .init(start) }
    var now: Date { current.withLockedValue { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
    var clock: Clock { Clock { [current] in current.withLockedValue { $0 } } }
}

/// Builds a migrated Probity app on a fresh database (in-memory SQLite, or a private PostgreSQL
/// schema — which keeps parallel tests apart — dropped afterwards), runs `body`, and shuts down.
func withProbity(
    _ database: TestDatabase = .sqlite,
    clock: TestClock = TestClock(),
    configure: (inout Settings) -> Void = { _ in },
    _ body: (Application, TestClock) async throws -> Void
) async throws {
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    var settings: Settings
    switch database {
    case .sqlite:
        settings = Settings(database: .sqliteMemory)
    case .postgres:
        guard let url = TestDatabase.postgresURL else { return }
        settings = Settings(database: .postgres(url: url))
        settings.postgresSchema = String(schema)
    }
    settings.bcryptCost = 4
    settings.dataDirectory = NSTemporaryDirectory()
    configure(&settings)

    let app = try await Application.make(.testing)
    do {
        try await app.configureProbity(settings: settings, clock: clock.clock)
        try await app.prepareDatabase()
        try await body(app, clock)
        if database == .postgres {
            try await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: String(schema)) CASCADE").run()
        }
        try await app.asyncShutdown()
    } catch {
        if database == .postgres {
            try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: String(schema)) CASCADE").run()
        }
        try? await app.asyncShutdown()
        throw error
    }
}
