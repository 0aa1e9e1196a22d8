import Fluent
import SQLKit
import Testing
import Vapor
@testable import ProbityServer

@Suite("Audit trail tamper detection")
struct AuditTamperTests {
    /// Writes `count` entries through the same path every capability uses.
    private func appendEntries(_ app: Application, count: Int) async throws {
        for i in 1...count {
            let event = AuditEvent(authorityID: nil, actorUserID: nil, actorName: "tester", action: "test.\(i)", detail: ["i": "\(i)"])
            try await app.write { db in try await AuditLog.append(event, on: db, at: Date(timeIntervalSince1970: 1_795_000_000 + Double(i))) }
        }
    }

    private func sql(_ app: Application) throws -> any SQLDatabase {
        try #require(app.db as? any SQLDatabase)
    }

    @Test("An intact chain verifies", arguments: TestDatabase.all)
    func intact(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.isIntact)
            #expect(result.checked == 5)
        }
    }

    @Test("Editing an entry's content is detected and named", arguments: TestDatabase.all)
    func edited(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            try await sql(app).raw("UPDATE audit_entries SET actor_name = 'someone else' WHERE seq = 3").run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.problem?.seq == 3)
            #expect(result.problem?.message.contains("edited") == true)
        }
    }

    @Test("Editing an entry and recomputing its hash breaks the next link", arguments: TestDatabase.all)
    func editedAndRehashed(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$seq == 2).first())
            entry.detail = #"{"i":"forged"}"#
            entry.hash = AuditCanonical(entry).hash
            try await entry.update(on: app.db)
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.problem?.seq == 3)
        }
    }

    @Test("Deleting an entry is detected", arguments: TestDatabase.all)
    func deleted(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            try await sql(app).raw("DELETE FROM audit_entries WHERE seq = 2").run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.problem?.seq == 2)
            #expect(result.problem?.message.contains("missing") == true)
        }
    }

    @Test("Deleting the last entries is detected through the chain head", arguments: TestDatabase.all)
    func truncated(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            try await sql(app).raw("DELETE FROM audit_entries WHERE seq >= 4").run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.problem?.seq == 4)
        }
    }

    @Test("Reordering entries (swapping sequence numbers) is detected", arguments: TestDatabase.all)
    func reordered(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            try await appendEntries(app, count: 5)
            let db = try sql(app)
            try await db.raw("UPDATE audit_entries SET seq = -1 WHERE seq = 2").run()
            try await db.raw("UPDATE audit_entries SET seq = 2 WHERE seq = 3").run()
            try await db.raw("UPDATE audit_entries SET seq = 3 WHERE seq = -1").run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(result.problem?.seq == 2)
        }
    }

    @Test("The API reports the break to the Monitoring Officer and refuses others", arguments: TestDatabase.all)
    func apiVerify(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let fixtures = try await Fixtures.make(app)
            let mo = APIClient(app: app, token: try await Fixtures.token(app, fixtures.north.moEmail))
            let member = APIClient(app: app, token: try await Fixtures.token(app, fixtures.north.memberEmail))
            let ok = try await mo.call(.GET, "/api/v1/audit/verify")
            #expect(ok.status == .ok)
            #expect(ok["intact"] == .bool(true))
            let refused = try await member.call(.GET, "/api/v1/audit/verify")
            #expect(refused.status == .forbidden)
            #expect(refused.isProblem)
            try await sql(app).raw("UPDATE audit_entries SET action = 'x' WHERE seq = 1").run()
            let broken = try await mo.call(.GET, "/api/v1/audit/verify")
            #expect(broken["intact"] == .bool(false))
            #expect(broken["brokenAt"] == .number(1))
        }
    }
}
