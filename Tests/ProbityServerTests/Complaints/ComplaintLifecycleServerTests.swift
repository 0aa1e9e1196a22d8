import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: acknowledgement, investigation, outcome, referral to the Chief Executive and closure")
struct ComplaintLifecycleServerTests {
    typealias W = ComplaintWorld

    func audits(_ app: Application, _ action: String, outcome: String = "success") async throws -> Int {
        try await AuditEntry.query(on: app.db).filter(\.$action == action).filter(\.$outcome == outcome).count()
    }

    @Test("A member's complaint runs its course; a dissatisfied complainant refers it to the Chief Executive", arguments: TestDatabase.all)
    func fullCourse(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, clock in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id

            // The written acknowledgement must say all three things (LC 13 (a)–(c)).
            let partial = try await world.step(app, .placeDirector, id, "acknowledgement", #"{"receipt":"Received.","intendedAction":"  "}"#)
            #expect(partial.status == .unprocessableEntity)
            #expect(partial.isProblem)
            #expect(Set(partial.errorFields) == ["intendedAction", "expectedTime"])
            #expect(try await audits(app, "complaint.acknowledge") == 0, "nothing was written")

            let notHandler = try await world.step(app, .memberB, id, "acknowledgement", W.acknowledgement)
            #expect(notHandler.status == .forbidden)
            #expect(try await audits(app, "complaint.acknowledge", outcome: "refused") == 1)

            clock.advance(2 * 86_400)
            let acknowledged = try await world.step(app, .placeDirector, id, "acknowledgement", W.acknowledgement)
            #expect(acknowledged.status == .ok, "\(acknowledged.body)")
            #expect(acknowledged.string("stage") == "acknowledged")
            #expect(acknowledged.string("timeliness", "status") == "on-time")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.acknowledged")
                .filter(\.$personID == world.ref(.memberB).id).count() == 1, "the complainant is sent the acknowledgement")

            let early = try await world.step(app, .placeDirector, id, "closure")
            #expect(early.status == .conflict)
            #expect(early.string("detail")?.hasPrefix("Cannot close a complaint that is acknowledged.") == true)

            #expect(try await world.step(app, .placeDirector, id, "investigation").string("stage") == "under-investigation")
            #expect(try await world.step(app, .placeDirector, id, "investigators", #"{"person":"\#(world.ref(.highwaysHead))"}"#).status == .ok)
            #expect(try await world.api(app, .highwaysHead).call(.GET, "/api/v1/complaints/\(id)").string("access", "audience") == "full",
                    "an investigating officer needs to know")

            let outcome = try await world.step(app, .placeDirector, id, "outcome",
                                               #"{"outcome":"not-upheld","summary":"No evidence of rudeness.","complainantStatement":"Your complaint was not upheld."}"#)
            #expect(outcome.string("stage") == "outcome-recorded")

            // Only the complainant may refer it, and the assessment is for the Chief Executive alone.
            #expect(try await world.step(app, .placeDirector, id, "referral").status == .forbidden)
            let referred = try await world.step(app, .memberB, id, "referral")
            #expect(referred.status == .ok, "\(referred.body)")
            #expect(referred.string("stage") == "referred")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.referred")
                .filter(\.$personID == world.ref(.chiefExecutive).id).count() == 1)
            let notAssessor = try await world.step(app, .placeDirector, id, "outcome", #"{"outcome":"upheld","summary":"Changed my mind."}"#)
            #expect(notAssessor.status == .forbidden)
            let assessed = try await world.step(app, .chiefExecutive, id, "outcome",
                                                #"{"outcome":"partly-upheld","summary":"Tone was poor; no misconduct.","complainantStatement":"Partly upheld on assessment."}"#)
            #expect(assessed.status == .ok, "\(assessed.body)")
            #expect(assessed.string("outcome", "assessment") == "partly-upheld")
            let again = try await world.step(app, .memberB, id, "referral")
            #expect(again.status == .conflict)
            #expect(again.string("detail") == "The complaint has already been referred for independent assessment; it cannot be referred again.")

            #expect(try await world.step(app, .placeDirector, id, "closure").string("stage") == "closed")
            let twice = try await world.step(app, .placeDirector, id, "closure")
            #expect(twice.status == .conflict)
            #expect(twice.string("detail") == "The complaint is already closed.")

            let seen = try await world.api(app, .memberB).call(.GET, "/api/v1/complaints/\(id)")
            #expect(seen.string("complainantStatement") == "Partly upheld on assessment.")
            #expect(!seen.body.contains("No evidence of rudeness.") && !seen.body.contains("Tone was poor"))
            for action in ["complaint.acknowledge", "complaint.start-investigation", "complaint.add-investigator",
                           "complaint.record-outcome", "complaint.refer", "complaint.close"] {
                #expect(try await audits(app, action) >= 1, "\(action) is audited")
            }
            let record = try #require(try await ComplaintRecord.find(UUID(uuidString: id), on: app.db))
            #expect(record.stage == "closed" && record.referred && record.closedOn == "2026-12-02" && record.acknowledgedOn == "2026-12-02")
        }
    }

    @Test("Informal resolution is recorded as such, and cannot be referred", arguments: TestDatabase.all)
    func informal(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            _ = try await world.step(app, .placeDirector, id, "acknowledgement", W.acknowledgement)
            let asOutcome = try await world.step(app, .placeDirector, id, "outcome", #"{"outcome":"resolved-informally","summary":"Talked it through."}"#)
            #expect(asOutcome.status == .unprocessableEntity)
            #expect(asOutcome.errorFields == ["outcome"])
            let blank = try await world.step(app, .placeDirector, id, "informal-resolution", #"{"summary":""}"#)
            #expect(blank.errorFields == ["summary"])
            let resolved = try await world.step(app, .placeDirector, id, "informal-resolution",
                                                #"{"summary":"Conciliation meeting with the head of service.","complainantStatement":"Resolved at a meeting."}"#)
            #expect(resolved.string("stage") == "informal-resolution")
            #expect(resolved.string("outcome", "outcome") == "resolved-informally")
            let refer = try await world.step(app, .memberB, id, "referral")
            #expect(refer.status == .conflict)
            #expect(try await world.step(app, .placeDirector, id, "closure").string("stage") == "closed")
        }
    }

    @Test("An officer's complaint about a member needs the Monitoring Officer decision before its outcome", arguments: TestDatabase.all)
    func monitoringOfficerDecision(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .caseworker, about: .memberA).id
            _ = try await world.step(app, .peopleDirector, id, "acknowledgement", W.acknowledgement)
            let missing = try await world.step(app, .peopleDirector, id, "outcome", #"{"outcome":"upheld","summary":"Found."}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorFields == ["goesToMonitoringOfficer"])
            let wrongType = try await world.step(app, .peopleDirector, id, "outcome", #"{"outcome":"upheld","summary":"Found.","goesToMonitoringOfficer":"perhaps"}"#)
            #expect(wrongType.errorFields == ["goesToMonitoringOfficer"])
            let done = try await world.step(app, .peopleDirector, id, "outcome", #"{"outcome":"upheld","summary":"Found.","goesToMonitoringOfficer":false}"#)
            #expect(done.status == .ok)
            #expect(try await world.api(app, .caseworker).call(.GET, "/api/v1/complaints/\(id)")["goesToMonitoringOfficer"] == .bool(false))
        }
    }

    @Test("Steps through the case page: errors beside the fields, values kept, then done", arguments: TestDatabase.all)
    func pages(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            let handler = try await world.browser(app, .placeDirector)
            let page = try await handler.get("/complaints/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Acknowledge in writing"))
            #expect(page.body.contains("Acknowledge by Mon 7 Dec 2026 — 5 working days (London Councils protocol 13"))
            #expect(page.body.contains("Tell witnesses only what they need to know"), "guidance for officers handling it (LC 13)")

            let bad = try await handler.post("/complaints/\(id)/actions/acknowledge", form: [("ackReceipt", "We have it."), ("ackIntendedAction", ""), ("ackExpectedTime", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            #expect(bad.body.contains("href=\"#ackIntendedAction\""))
            #expect(bad.body.contains("id=\"ackIntendedAction-error\""))
            #expect(bad.body.contains("pb-form-group--error"))
            #expect(bad.body.contains(">We have it.</textarea>"), "what was typed is kept")

            let good = try await handler.post("/complaints/\(id)/actions/acknowledge", form: [
                ("ackReceipt", "We have it."), ("ackIntendedAction", "I will look into it."), ("ackExpectedTime", "Two weeks")])
            #expect(good.status == .seeOther)
            #expect(good.location == "/complaints/\(id)")
            let after = try await handler.get("/complaints/\(id)")
            #expect(after.body.contains("acknowledged: the complainant has been sent the acknowledgement"))

            let early = try await handler.post("/complaints/\(id)/actions/close", form: [])
            #expect(early.status == .conflict)
            #expect(early.body.contains("href=\"#actions\""), "the error summary links to the steps")
            #expect(early.body.contains("Cannot close a complaint that is acknowledged."))

            let complainant = try await world.browser(app, .memberB)
            let theirs = try await complainant.get("/complaints/\(id)")
            #expect(!theirs.body.contains("Acknowledge in writing"))
            #expect(theirs.body.contains("I will look into it."))
            #expect(try await complainant.post("/complaints/\(id)/actions/close", form: []).status == .forbidden)
            #expect(try await handler.post("/complaints/\(id)/actions/fly", form: []).status == .notFound)
        }
    }
}
