import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: what each party may see, and every look audited")
struct ComplaintViewTests {
    typealias W = ComplaintWorld

    static let details = "Shouted at me in the council chamber."
    static let disciplinary = "Final written warning for misconduct."

    /// A London Councils complaint by an officer (the caseworker) about a member of Group A:
    /// handled by the caseworker's director, copied to the Chief Executive, Group A's leader told.
    func officerComplaint(_ app: Application, _ world: W) async throws -> String {
        try await world.complain(app, .caseworker, about: .memberA).id
    }

    func get(_ app: Application, _ world: W, _ who: W.Who, _ id: String) async throws -> APIClient.Reply {
        try await world.api(app, who).call(.GET, "/api/v1/complaints/\(id)")
    }

    @Test("The complainant sees the outcome and whether it goes to the Monitoring Officer, never the investigation", arguments: TestDatabase.all)
    func complainant(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await officerComplaint(app, world)
            #expect(try await world.step(app, .peopleDirector, id, "acknowledgement", W.acknowledgement).status == .ok)
            #expect(try await world.step(app, .peopleDirector, id, "items", #"{"title":"Interview note","body":"The member admits raising their voice."}"#).status == .ok)
            let outcome = try await world.step(app, .peopleDirector, id, "outcome", """
                {"outcome":"upheld","summary":"\(Self.disciplinary)","complainantStatement":"Your complaint was upheld.","goesToMonitoringOfficer":true}
                """)
            #expect(outcome.status == .ok, "\(outcome.body)")

            let seen = try await get(app, world, .caseworker, id)
            #expect(seen.status == .ok)
            #expect(seen.string("access", "audience") == "complainant")
            #expect(seen.string("outcome", "outcome") == "upheld")
            #expect(seen.string("complainantStatement") == "Your complaint was upheld.")
            #expect(seen["goesToMonitoringOfficer"] == .bool(true), "an officer complainant is told whether it goes to the Monitoring Officer (LC 13)")
            #expect(seen.string("complainantLearns")?.hasPrefix("Whether London Councils will make a formal complaint") == true)
            #expect(seen.string("acknowledgement", "expectedTime") == "About four weeks.")
            #expect(seen.string("details") == Self.details)
            for hidden in ["outcomeSummary", "investigation", "people", "history"] { #expect(!seen.has(hidden), "\(hidden)") }
            #expect(!seen.body.contains(Self.disciplinary))
            #expect(!seen.body.contains("Interview note"))

            // A member complainant is told the outcome but not whether it goes to the Monitoring Officer.
            let memberCase = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            #expect(try await world.step(app, .placeDirector, memberCase, "acknowledgement", W.acknowledgement).status == .ok)
            #expect(try await world.step(app, .placeDirector, memberCase, "outcome",
                                          #"{"outcome":"upheld","summary":"\#(Self.disciplinary)","complainantStatement":"Upheld."}"#).status == .ok)
            let member = try await get(app, world, .memberB, memberCase)
            #expect(member.string("outcome", "label") == "Upheld")
            #expect(!member.has("goesToMonitoringOfficer"))
            #expect(!member.body.contains(Self.disciplinary))
            #expect(member.string("complainantLearns") == "The outcome of any disciplinary investigation, but not detailed information about the investigation.")
        }
    }

    @Test("The person complained about sees nothing until the allegation is disclosed, and never who complained unless told", arguments: TestDatabase.all)
    func subject(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await officerComplaint(app, world)
            let before = try await get(app, world, .memberA, id)
            #expect(before.status == .forbidden)
            #expect(before.isProblem)
            #expect(before.string("detail")?.contains("The investigator has not yet disclosed the allegation to you.") == true)

            let disclosed = try await world.step(app, .peopleDirector, id, "disclosures",
                                                 #"{"kind":"allegation","allegation":"You are said to have raised your voice at an officer on 27 November."}"#)
            #expect(disclosed.status == .ok, "\(disclosed.body)")
            let after = try await get(app, world, .memberA, id)
            #expect(after.status == .ok)
            #expect(after.string("access", "audience") == "subject")
            #expect(after.string("disclosedAllegation") == "You are said to have raised your voice at an officer on 27 November.")
            #expect(!after.has("complainant"), "who complained is hidden from the person complained about")
            #expect(!after.body.contains(world.name(.caseworker)))
            #expect(!after.body.contains(Self.details), "they see the allegation as disclosed, not the complaint as written")
            #expect(!after.has("timeliness") && !after.has("rule"))

            let page = try await world.browser(app, .memberA).get("/complaints/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("The allegation, as the investigator has disclosed it to you"))
            #expect(!page.body.contains(world.name(.caseworker)))

            let told = try await world.step(app, .peopleDirector, id, "disclosures", #"{"kind":"complainant-identity","to":"\#(world.ref(.memberA))"}"#)
            #expect(told.status == .ok, "\(told.body)")
            #expect(try await get(app, world, .memberA, id).string("complainant", "name") == world.name(.caseworker))

            // The subject is never a witness or told who complained by the complainant's own hand.
            let selfWitness = try await world.step(app, .peopleDirector, id, "disclosures", #"{"kind":"complainant-identity","to":"\#(world.ref(.caseworker))"}"#)
            #expect(selfWitness.status == .unprocessableEntity)
            #expect(selfWitness.errorFields == ["to"])
        }
    }

    @Test("A witness sees only the items given to them", arguments: TestDatabase.all)
    func witness(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let id = try await officerComplaint(app, world)
            #expect(try await get(app, world, .witnessOfficer, id).status == .forbidden)
            let first = try await world.step(app, .peopleDirector, id, "items", #"{"title":"Timeline of the meeting","body":"18:00 the meeting opened."}"#)
            _ = try await world.step(app, .peopleDirector, id, "items", #"{"title":"Complainant statement","body":"Private account."}"#)
            guard case .object(let investigation)? = first["investigation"], case .array(let items)? = investigation["items"],
                  case .object(let item)? = items.first, case .string(let itemID)? = item["id"] else {
                Issue.record("no item in \(first.body)"); return
            }
            let shared = try await world.step(app, .peopleDirector, id, "witness-shares", #"{"witness":"\#(world.ref(.witnessOfficer))","items":["\#(itemID)"]}"#)
            #expect(shared.status == .ok, "\(shared.body)")
            let seen = try await get(app, world, .witnessOfficer, id)
            #expect(seen.status == .ok)
            #expect(seen.string("access", "audience") == "witness")
            #expect(seen.body.contains("Timeline of the meeting"))
            #expect(!seen.body.contains("Complainant statement"))
            #expect(!seen.body.contains("Private account."))
            for hidden in ["complainant", "subject", "details", "kind", "stage", "outcome"] { #expect(!seen.has(hidden), "\(hidden)") }
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.witness")
                .filter(\.$personID == world.ref(.witnessOfficer).id).count() == 1)

            let bad = try await world.step(app, .peopleDirector, id, "witness-shares", #"{"witness":"\#(world.ref(.witnessOfficer))","items":["\#(UUID())"]}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["items"])
        }
    }

    @Test("Need to know: handlers, the copy, the Chief Executive and the Chair in full; the group leader told; the complaints officer monitoring; others nothing", arguments: TestDatabase.all)
    func needToKnow(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let other = try await W.make(app, slug: "elsewhere", profile: "london-councils")
            let id = try await officerComplaint(app, world)
            for who in [W.Who.peopleDirector, .chiefExecutive, .chair] {
                let full = try await get(app, world, who, id)
                #expect(full.string("access", "audience") == "full", "\(who)")
                #expect(full.string("details") == Self.details, "\(who)")
                #expect(full.string("complainant", "name") == world.name(.caseworker), "\(who)")
                #expect(full.has("history") && full.has("people"), "\(who)")
            }
            let chair = try await get(app, world, .chair, id)
            #expect(chair.string("access", "explanation")?.contains("London Councils protocol 13 (Confidentiality)") == true)

            let leader = try await get(app, world, .leaderA, id)
            #expect(leader.string("access", "audience") == "informed")
            #expect(leader.string("subject", "name") == world.name(.memberA))
            #expect(leader.string("stage") == "received")
            for hidden in ["complainant", "details", "outcome", "timeliness"] { #expect(!leader.has(hidden), "\(hidden)") }

            let monitor = try await get(app, world, .complaintsOfficer, id)
            #expect(monitor.string("access", "audience") == "monitoring")
            #expect(monitor.string("stage") == "received")
            #expect(monitor.string("timeliness", "status") == "not-yet-due")
            #expect(monitor.string("rule", "ruleId") == "complaints.routes.officer-about-member")
            for hidden in ["complainant", "subject", "details", "routeNotes", "people"] { #expect(!monitor.has(hidden), "\(hidden)") }
            #expect(!monitor.body.contains(world.name(.caseworker)) && !monitor.body.contains(world.name(.memberA)))

            for who in [W.Who.memberB, .highwaysOfficer, .monitoringOfficer, .leaderB] {
                let refused = try await get(app, world, who, id)
                #expect(refused.status == .forbidden, "\(who)")
                #expect(refused.string("detail")?.contains("strictest confidence") == true, "\(who)")
            }
            let assistant = APIClient(app: app, token: try await Fixtures.token(app, world.assistantEmail))
            #expect(try await assistant.call(.GET, "/api/v1/complaints/\(id)").status == .forbidden)
            #expect(try await get(app, other, .chiefExecutive, id).status == .notFound, "another authority's case is not found")
            #expect(try await other.browser(app, .chiefExecutive).get("/complaints/\(id)").status == .notFound)

            let refusedPage = try await world.browser(app, .memberB).get("/complaints/\(id)")
            #expect(refusedPage.status == .forbidden)
            #expect(refusedPage.body.contains("strictest confidence"))

            // Every look was recorded: 3 full + 1 chair again + leader + monitor allowed; 4 + assistant + page refused.
            let allowed = try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.view").filter(\.$outcome == "success").count()
            let refused = try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.view").filter(\.$outcome == "refused").count()
            #expect(allowed == 6)
            #expect(refused == 6)
        }
    }

    @Test("Lists show each person only the cases they may see, counted after the policy", arguments: TestDatabase.all)
    func lists(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let first = try await officerComplaint(app, world)
            _ = try await world.complain(app, .memberB, about: .highwaysOfficer)
            func total(_ who: W.Who, _ query: String = "") async throws -> Double? {
                let reply = try await world.api(app, who).call(.GET, "/api/v1/complaints\(query)")
                guard case .object(let page)? = reply["page"], case .number(let total)? = page["total"] else { return nil }
                return total
            }
            #expect(try await total(.memberA) == 0, "the subject before disclosure")
            #expect(try await total(.leaderB) == 0)
            #expect(try await total(.caseworker) == 1)
            #expect(try await total(.caseworker, "?part=made") == 1)
            #expect(try await total(.caseworker, "?part=handling") == 0)
            #expect(try await total(.peopleDirector, "?part=handling") == 1)
            #expect(try await total(.leaderA, "?part=involved") == 1)
            #expect(try await total(.complaintsOfficer) == 2)
            #expect(try await total(.chiefExecutive) == 2, "needs to know every complaint (LC 13)")
            let monitor = try await world.api(app, .complaintsOfficer).call(.GET, "/api/v1/complaints?part=monitoring")
            #expect(monitor.body.contains("\"part\":\"Monitoring\""))
            #expect(!monitor.body.contains(world.name(.memberA)))

            let page = try await world.browser(app, .caseworker).get("/complaints")
            #expect(page.status == .ok)
            #expect(page.body.contains("/complaints/\(first)"))
            #expect(page.body.contains("You made it"))
            let nothing = try await world.browser(app, .leaderB).get("/complaints")
            #expect(nothing.body.contains("There are no cases for you to see here."))
        }
    }
}
