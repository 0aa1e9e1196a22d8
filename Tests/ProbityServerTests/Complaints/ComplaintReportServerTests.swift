import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: the Standards Committee summary and the repeated-complaints indicator")
struct ComplaintReportServerTests {
    typealias W = ComplaintWorld

    @Test("With no cases the summary says so plainly", arguments: TestDatabase.all)
    func none(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let reply = try await world.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report")
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(reply.string("from") == "2026-04-01" && reply.string("to") == "2027-03-31")
            guard case .object(let summary)? = reply["summary"], case .array(let statements)? = summary["statements"] else {
                Issue.record("no summary in \(reply.body)"); return
            }
            #expect(statements == [.string("No complaints were received between 1 April 2026 and 31 March 2027.")])
            let page = try await world.browser(app, .complaintsOfficer).get("/complaints/report")
            #expect(page.status == .ok)
            #expect(page.body.contains("No complaints were received between 1 April 2026 and 31 March 2027."))
            #expect(page.body.contains("London Councils protocol 13 and footnote 9 (Monitoring complaints)"))
        }
    }

    @Test("Complaints, breach reports and improper-influence reports are counted together by route, kind, category, outcome and timeliness", arguments: TestDatabase.all)
    func counts(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let first = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            _ = try await world.complain(app, .memberB, about: .placeDirector, kind: "breach-of-protocol", category: "breach-of-protocol")
            _ = try await world.complain(app, .caseworker, about: .memberA, kind: "improper-influence", category: "other")
            _ = try await world.step(app, .placeDirector, first, "acknowledgement", W.acknowledgement)
            _ = try await world.step(app, .placeDirector, first, "outcome", #"{"outcome":"not-upheld","summary":"Nothing found."}"#)

            let reply = try await world.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report?from=2026-11-01&to=2026-12-31")
            #expect(reply.status == .ok)
            guard case .object(let summary)? = reply["summary"] else { Issue.record("no summary in \(reply.body)"); return }
            #expect(summary["total"] == .number(3))
            #expect(summary["open"] == .number(2))
            guard case .array(let statements)? = summary["statements"] else { Issue.record("no statements"); return }
            #expect(statements.first == .string("3 cases were received between 1 November 2026 and 31 December 2026: 1 complaint, 1 breach-of-protocol report and 1 improper-influence report."))
            #expect(reply.body.contains("\"key\":\"complaints.routes.member-about-officer\""))
            #expect(reply.body.contains("\"key\":\"complaints.improperInfluence\""))
            #expect(reply.body.contains("\"key\":\"not-upheld\""))
            #expect(reply.body.contains("\"key\":\"on-time\""))
            #expect(!reply.body.contains(world.name(.memberB)), "no names in the summary")

            let page = try await world.browser(app, .complaintsOfficer).get("/complaints/report?from=2026-11-01&to=2026-12-31")
            #expect(page.body.contains("<caption class=\"pb-table__caption pb-table__caption--m\">By route</caption>"))
            #expect(page.body.contains("Complaint by a member about an officer"))

            let empty = try await world.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report?from=2025-04-01&to=2026-03-31")
            #expect(empty.body.contains("No complaints were received between 1 April 2025 and 31 March 2026."))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.report.view").filter(\.$outcome == "success").count() == 3)
        }
    }

    @Test("Only the officers the protocol names see the summary; refusals are audited", arguments: TestDatabase.all)
    func whoMaySee(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let lc = try await W.make(app, slug: "lc", profile: "london-councils")
            let th = try await W.make(app, slug: "th", profile: "tower-hamlets")
            let hackney = try await W.make(app, slug: "hackney", profile: "hackney")
            for who in [W.Who.memberB, .monitoringOfficer, .chiefExecutive] {
                let refused = try await lc.api(app, who).call(.GET, "/api/v1/complaints/report")
                #expect(refused.status == .forbidden, "\(who)")
                #expect(refused.string("detail")?.contains("Only the officer who monitors complaints") == true)
            }
            let tower = try await th.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report")
            #expect(tower.status == .forbidden, "Tower Hamlets names no officer to monitor complaints")
            #expect(tower.string("detail")?.contains("The protocol names no officer to monitor complaints.") == true)
            #expect(try await hackney.api(app, .hrDirector).call(.GET, "/api/v1/complaints/report").status == .ok, "Hackney 5.17: HR monitors")
            #expect(try await lc.browser(app, .memberB).get("/complaints/report").status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.report.view").filter(\.$outcome == "refused").count() == 5)
        }
    }

    @Test("Wigan's complaints officer sees who has made repeated complaints, as an indicator only", arguments: TestDatabase.all)
    func repeated(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let wigan = try await W.make(app, slug: "wigan", profile: "wigan")
            for subject in [W.Who.highwaysOfficer, .witnessOfficer, .caseworker] {
                _ = try await wigan.complain(app, .memberB, about: subject)
            }
            _ = try await wigan.complain(app, .caseworker, about: .memberA, kind: "improper-influence", category: "other")
            let reply = try await wigan.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints/report")
            #expect(reply.status == .ok, "\(reply.body)")
            #expect(!reply.has("summary"), "Wigan names no officer to produce the summary")
            #expect(reply.body.contains(wigan.name(.memberB)))
            #expect(!reply.body.contains(wigan.name(.caseworker)), "reporting improper influence is never counted against an officer")
            #expect(reply.body.contains("This is an indicator only, not a finding about any complaint, and it does not limit anyone's right to complain (Wigan protocol 5.4)."))
            let page = try await wigan.browser(app, .complaintsOfficer).get("/complaints/report")
            #expect(page.status == .ok)
            #expect(page.body.contains("Repeated complaints by one person"))
            #expect(try await wigan.api(app, .memberB).call(.GET, "/api/v1/complaints/report").status == .forbidden)
        }
    }

    @Test("A bad period is explained: problem+json on the API, the form's messages on the page")
    func badPeriod() async throws {
        try await withProbity(clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let client = try await world.api(app, .complaintsOfficer)
            let bad = try await client.call(.GET, "/api/v1/complaints/report?from=2026-13-01")
            #expect(bad.status == .badRequest)
            #expect(bad.isProblem)
            #expect(bad.errorFields == ["from"])
            let backwards = try await client.call(.GET, "/api/v1/complaints/report?from=2026-12-01&to=2026-11-01")
            #expect(backwards.errorFields == ["to"])
            let page = try await world.browser(app, .complaintsOfficer).get("/complaints/report?from=yesterday")
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("There is a problem"))
            #expect(page.body.contains("id=\"from-error\""))
        }
    }
}
