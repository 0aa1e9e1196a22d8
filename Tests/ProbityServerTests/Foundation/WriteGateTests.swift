import Fluent
import Foundation
import Testing
import Vapor
@testable import ProbityServer

@Suite("Writes: one at a time, committed together, failing alone")
struct WriteGateTests {
    struct Refused: Error {}

    @Test("Concurrent writes are committed together; one that fails is rolled back alone and answered with its own error",
          arguments: TestDatabase.all)
    func groupCommit(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let authority = f.north.authorityID
            let before = try await ClosureDay.query(on: app.db).count()
            let outcomes = await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
                for i in 0..<40 {
                    group.addTask {
                        do {
                            let value = try await app.write { db -> Int in
                                try await ClosureDay(authorityID: authority, date: "2031-01-\(String(format: "%02d", i % 28 + 1))-\(i)",
                                                     title: "Write \(i)").create(on: db)
                                try await AuditLog.append(AuditEvent(authorityID: authority, actorUserID: nil, actorName: "test",
                                                                     action: "test.write", resourceID: "\(i)"), on: db, at: Date())
                                if i % 5 == 0 { throw Refused() }
                                return i
                            }
                            return (i, .success(value))
                        } catch {
                            return (i, .failure(error))
                        }
                    }
                }
                var all: [(Int, Result<Int, any Error>)] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.count == 40)
            for (i, outcome) in outcomes {
                switch outcome {
                case .success(let value): #expect(i % 5 != 0 && value == i, "write \(i) answered \(value)")
                case .failure(let error): #expect(i % 5 == 0 && error is Refused, "write \(i) failed with \(error)")
                }
            }
            let titles = Set(try await ClosureDay.query(on: app.db).all().map(\.title))
            #expect(try await ClosureDay.query(on: app.db).count() == before + 32)
            for i in 0..<40 { #expect(titles.contains("Write \(i)") == (i % 5 != 0), "write \(i)") }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "test.write").count() == 32)
            #expect(try await AuditLog.verify(on: app.db).isIntact)
        }
    }
}
