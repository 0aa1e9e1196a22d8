import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: acknowledgement deadlines on the authority's calendar, and chasing")
struct ComplaintAcknowledgementServerTests {
    typealias W = ComplaintWorld

    @Test("The deadline skips weekends, bank holidays and the council's closure days, and cites the rule", arguments: TestDatabase.all)
    func deadline(_ database: TestDatabase) async throws {
        // Wednesday 23 December 2026: Christmas, the Boxing Day substitute (Mon 28), New Year's Day
        // and the council's closure on Tue 29 December do not count.
        try await withProbity(database, clock: TestClock(CalendarDate(iso: "2026-12-23")!.instant(hour: 15))) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            try await ClosureDay(authorityID: world.authorityID, date: "2026-12-29", title: "Christmas shutdown").create(on: app.db)
            let reply = try await world.complain(app, .memberB, about: .highwaysOfficer)
            #expect(reply.string("acknowledgeBy") == "2027-01-05")
            #expect(reply.string("timeliness", "acknowledgeByDisplay")
                    == "Acknowledge by Tue 5 Jan 2027 — 5 working days (London Councils protocol 13 (Formal complaint by a Member about an officer))")
            let handler = try await world.browser(app, .placeDirector).get("/complaints/\(reply.id)")
            #expect(handler.body.contains("Acknowledge by Tue 5 Jan 2027 — 5 working days (London Councils protocol 13 (Formal complaint by a Member about an officer))"))
        }
    }

    @Test("An overdue acknowledgement is chased once, to the handler and the complaints officer", arguments: TestDatabase.all)
    func chasedOnce(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, clock in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            let acknowledged = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            _ = try await world.step(app, .placeDirector, acknowledged, "acknowledgement", W.acknowledgement)
            let job = ComplaintAcknowledgementChaseJob()

            // Monday 7 December is the deadline itself: not overdue.
            let onTheDay = try await job.run(app, now: CalendarDate(iso: "2026-12-07")!.instant(hour: 17))
            #expect(onTheDay.done == 0)

            clock.advance(8 * 86_400)  // Tuesday 8 December
            let outcomes = await app.runJobsOnce()
            let chase = try #require(outcomes.first { $0.job == "complaint-acknowledgement-chasing" })
            #expect(chase.done == 1, "only the unacknowledged case")
            let messages = try await Notification.query(on: app.db).filter(\.$category == "complaint.acknowledge-overdue").all()
            #expect(Set(messages.map(\.personID)) == [world.ref(.placeDirector).id, world.ref(.complaintsOfficer).id])
            #expect(messages.allSatisfy { $0.link == "/complaints/\(id)" })
            #expect(messages.first?.body.contains("was due by Mon 7 Dec 2026 and is 1 working day overdue") == true)
            #expect(messages.first?.body.contains("London Councils protocol 13") == true)

            let again = try await job.run(app, now: clock.now.addingTimeInterval(86_400))
            #expect(again.done == 0 && again.skipped == 1, "the same deadline is chased once")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.acknowledge-overdue").count() == 2)
            #expect(try await ComplaintChase.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.acknowledgement.chase").count() == 1)

            let page = try await world.browser(app, .complaintsOfficer).get("/complaints")
            #expect(page.body.contains("Overdue"))
        }
    }

    @Test("Two servers chasing at once send one chase", arguments: TestDatabase.all)
    func concurrentChasing(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            _ = try await world.complain(app, .memberB, about: .highwaysOfficer)
            let when = CalendarDate(iso: "2026-12-09")!.instant(hour: 9)
            async let first = ComplaintAcknowledgementChaseJob().run(app, now: when)
            async let second = ComplaintAcknowledgementChaseJob().run(app, now: when)
            let results = try await [first, second]
            #expect(results.map(\.done).reduce(0, +) == 1)
            #expect(results.map(\.skipped).reduce(0, +) == 1)
            #expect(results.map(\.failed).reduce(0, +) == 0)
            #expect(try await ComplaintChase.query(on: app.db).count() == 1)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.acknowledge-overdue").count() == 2)
        }
    }

    @Test("An acknowledgement sent after the deadline is late, and the report says so", arguments: TestDatabase.all)
    func late(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, clock in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            clock.advance(9 * 86_400)  // Wednesday 9 December
            let reply = try await world.step(app, .placeDirector, id, "acknowledgement", W.acknowledgement)
            #expect(reply.string("timeliness", "status") == "late")
            let report = try await world.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report")
            #expect(report.body.contains("\"key\":\"late\""))
        }
    }
}
