import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: the 28-day registration reminders")
struct RegistrationReminderTests {
    typealias W = RegisterWorld
    static let day: TimeInterval = 86_400

    func reminders(_ app: Application, _ world: W, _ who: W.Who) async throws -> [ProbityServer.Notification] {
        try await world.messages(app, to: who, category: "registration.reminder")
    }

    @Test("Reminders go 14 and 7 days before the last day, once each, never before they are due nor to a member who has registered; then overdue to the member and the Monitoring Officer", arguments: TestDatabase.all)
    func reminders(_ database: TestDatabase) async throws {
        let clock = TestClock(ComplaintWorld.monday)
        try await withProbity(database, clock: clock) { app, clock in
            let world = try await W.make(app)
            let mo = try await world.api(app, .monitoringOfficer)
            for who in [W.Who.memberA, .memberB] {
                let duty = try await mo.call(.POST, "/api/v1/registration-duties", json: #"{"person":"\#(world.ref(who))","trigger":"took-office","date":"2026-11-30"}"#)
                #expect(duty.status == .created, "\(duty.body)")
                #expect(duty.string("lastDay") == "2026-12-27", "28 days beginning with the day of taking office (s.30(1))")
                #expect(duty.body.contains("Localism Act 2011 s.30(1)"))
            }
            #expect(try await world.messages(app, to: .memberA, category: "registration.duty").count == 1)
            #expect(try await mo.call(.POST, "/api/v1/registration-duties", json: #"{"person":"\#(world.ref(.memberA))","trigger":"took-office","date":"2026-11-30"}"#).status == .conflict)

            // Not before it is due.
            _ = await app.runJobsOnce()
            clock.advance(12 * Self.day)  // Saturday 12 December
            _ = await app.runJobsOnce()
            #expect(try await reminders(app, world, .memberA).isEmpty)

            // Member B registers and confirms on the 12th.
            let memberB = try await world.api(app, .memberB)
            try await world.declare(app, .memberB, #"{"kind":"other-registerable","category":"charitable","description":"Trustee of Riverside Trust"}"#)
            let confirmed = try await memberB.call(.POST, "/api/v1/registration-duties/confirmation")
            #expect(confirmed.status == .ok, "\(confirmed.body)")
            #expect(confirmed["met"] == .number(1))

            clock.advance(Self.day)  // Sunday 13 December: 14 days before the last day
            let outcomes = await app.runJobsOnce()
            #expect(outcomes.first { $0.job == "registration-reminders" }?.done == 1)
            let first = try await reminders(app, world, .memberA)
            #expect(first.count == 1)
            #expect(first.first?.body.contains("Register your interests by Sunday 27 December 2026: 14 days left.") == true, "\(first.first?.body ?? "")")
            #expect(first.first?.body.contains("Localism Act 2011 s.30(1)") == true)
            #expect(try await reminders(app, world, .memberB).isEmpty, "member B has registered")

            // Not twice.
            _ = await app.runJobsOnce()
            clock.advance(3 * 3600)
            _ = await app.runJobsOnce()
            #expect(try await reminders(app, world, .memberA).count == 1)

            clock.advance(7 * Self.day)  // Sunday 20 December: 7 days before
            _ = await app.runJobsOnce()
            _ = await app.runJobsOnce()
            #expect(try await reminders(app, world, .memberA).count == 2)

            clock.advance(8 * Self.day)  // Monday 28 December: overdue
            _ = await app.runJobsOnce()
            _ = await app.runJobsOnce()
            #expect(try await world.messages(app, to: .memberA, category: "registration.overdue").count == 1)
            #expect(try await world.messages(app, to: .monitoringOfficer, category: "registration.overdue").count == 1)
            #expect(try await world.messages(app, to: .memberB, category: "registration.overdue").isEmpty)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "registration.reminder").count() == 3)

            // Registered late: the duty says so, and nothing more is sent.
            let memberA = try await world.api(app, .memberA)
            _ = try await memberA.call(.POST, "/api/v1/registration-duties/confirmation")
            let duties = try await memberA.call(.GET, "/api/v1/registration-duties")
            #expect(duties.body.contains("registered-late"))
            clock.advance(Self.day)
            _ = await app.runJobsOnce()
            #expect(try await world.messages(app, to: .memberA, category: "registration.overdue").count == 1)
        }
    }

    @Test("Only the Monitoring Officer records a duty; bad input is refused by field", arguments: TestDatabase.all)
    func recording(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let member = try await world.api(app, .memberA)
            #expect(try await member.call(.POST, "/api/v1/registration-duties", json: #"{"person":"\#(world.ref(.memberA))","trigger":"took-office","date":"2026-11-30"}"#).status == .forbidden)
            #expect(try await world.refusals(app, "registration-duty.create") == 1)
            #expect(try await member.call(.GET, "/api/v1/registration-duties?scope=all").status == .forbidden)
            let mo = try await world.api(app, .monitoringOfficer)
            let bad = try await mo.call(.POST, "/api/v1/registration-duties", json: #"{"person":"\#(world.ref(.highwaysOfficer))","trigger":"elected","date":"2026-13-01","when":1}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["when"])
            let bad2 = try await mo.call(.POST, "/api/v1/registration-duties", json: #"{"person":"\#(world.ref(.highwaysOfficer))","trigger":"elected","date":"2027-01-01"}"#)
            #expect(bad2.errorFields.sorted() == ["date", "person", "trigger"])
            #expect(try await RegistrationDutyRecord.query(on: app.db).count() == 0)
        }
    }
}
