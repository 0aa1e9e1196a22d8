import Fluent
import Testing
import Vapor
@testable import ProbityCore
@testable import ProbityServer

/// Two `probity serve` processes against one PostgreSQL each run the background jobs on their
/// own schedule; every piece of work must still be done once. Two applications here share one
/// database schema but nothing in memory (no write gate, no caches), as two processes would.
@Suite("Jobs on two server instances against one PostgreSQL")
struct TwoInstanceJobsTests {
    @Test("Both instances run every job at the same moment: each overdue enquiry is chased once")
    func chasedOnce() async throws {
        guard TestDatabase.postgresURL != nil else { return }
        try await withProbity(.postgres, clock: TestClock(EnquiryWorkTests.start)) { app, clock in
            let e = try await EnquiryFixture.make(app)
            let member = try await e.api(app, e.base.north.memberEmail)
            var ids: [UUID] = []
            for _ in 0..<6 {
                let raised = try await e.raise(member)
                let id = try #require(raised.string("id"))
                ids.append(try #require(UUID(uuidString: id)))
            }

            let second = try await Application.make(.testing)
            do {
                try await second.configureProbity(settings: app.probity.settings, clock: clock.clock)
                clock.advance(15 * 86_400)  // every enquiry is now overdue
                async let first = app.runJobsOnce()
                async let other = second.runJobsOnce()
                let (a, b) = await (first, other)
                let chased = (a + b).filter { $0.job == "enquiry-chasing" }
                #expect(chased.map(\.done).reduce(0, +) == ids.count, "\(chased)")
                #expect(chased.map(\.failed).reduce(0, +) == 0, "\(chased)")
                #expect(chased.map(\.skipped).reduce(0, +) <= ids.count, "a step the other server sent is skipped, not failed")
                for id in ids {
                    #expect(try await EnquiryChase.query(on: app.db).filter(\.$enquiryID == id).count() == 1)
                }
                let messages = try await Notification.query(on: app.db).filter(\.$category == "enquiry.chased").all()
                #expect(!messages.isEmpty)
                #expect(Set(messages.map { "\(String(describing: $0.personID)) \($0.dedupeKey)" }).count == messages.count, "no message twice")
                #expect(try await AuditLog.verify(on: app.db).isIntact, "the audit chain stays whole with two writers")
                try await second.asyncShutdown()
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
        }
    }
}
