import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: who receives a relationship or a link to a candidate, and who may read it")
struct RegisterRoutingServerTests {
    typealias W = RegisterWorld
    static let category = "declaration.close-relationship"

    @Test("Tower Hamlets: a councillor's relationship goes to the party whip, an officer's to their manager; the Monitoring Officer only where influence might be seen", arguments: TestDatabase.all)
    func towerHamlets(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let plain = try await world.declare(app, .memberA, #"{"kind":"close-relationship","with":"\#(world.ref(.highwaysOfficer))","nature":"partner"}"#)
            #expect(try await world.messages(app, to: .chair, category: Self.category).count == 1, "the whip of Group A (TH 14.14)")
            #expect(try await world.messages(app, to: .monitoringOfficer, category: Self.category).isEmpty, "the MO only where undue influence might be seen")
            #expect(try await world.messages(app, to: .highwaysOfficer, category: Self.category).isEmpty, "not the officer it names")
            #expect(try await world.messages(app, to: .leaderA, category: Self.category).isEmpty)
            let message = try #require(try await world.messages(app, to: .chair, category: Self.category).first)
            #expect(message.body.contains("Tower Hamlets"), "\(message.body)")

            _ = try await world.declare(app, .memberB, #"{"kind":"close-relationship","with":"\#(world.ref(.caseworker))","nature":"business","undueInfluence":true}"#)
            #expect(try await world.messages(app, to: .monitoringOfficer, category: Self.category).count == 1, "TH 5.2: the MO is told")

            _ = try await world.declare(app, .highwaysOfficer, #"{"kind":"close-relationship","with":"\#(world.ref(.memberB))","nature":"close-friendship","undueInfluence":true}"#)
            #expect(try await world.messages(app, to: .highwaysHead, category: Self.category).count == 1, "the officer's manager (TH 14.14)")
            #expect(try await world.messages(app, to: .monitoringOfficer, category: Self.category).count == 2)
            #expect(try await world.messages(app, to: .memberB, category: Self.category).isEmpty, "not the member it names")

            // Who may read the first: the declarant, the whip and the Monitoring Officer.
            let id = plain.id
            for who in [W.Who.memberA, .chair, .monitoringOfficer] {
                #expect(try await world.api(app, who).call(.GET, "/api/v1/declarations/\(id)").status == .ok, "\(who)")
            }
            for who in [W.Who.leaderA, .memberB, .highwaysOfficer, .highwaysHead, .chiefExecutive, .hrDirector] {
                let refused = try await world.api(app, who).call(.GET, "/api/v1/declarations/\(id)")
                #expect(refused.status == .forbidden, "\(who)")
                #expect(refused.isProblem)
            }
            #expect(try await world.refusals(app, "declaration.read") == 6)
            let assistant = APIClient(app: app, token: try await Fixtures.token(app, world.world.assistantEmail))
            #expect(try await assistant.call(.GET, "/api/v1/declarations/\(id)").status == .forbidden)
            #expect(try await world.refusals(app, "declaration.read") == 7)
            // The whip's read is recorded, as every look at someone else's entry is.
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "declaration.read").filter(\.$outcome == "success").count() == 2)

            // The whip sees it under "declared to me"; another member sees nothing, and no count leaks.
            let whip = try await world.api(app, .chair).call(.GET, "/api/v1/declarations?scope=declared-to-me")
            #expect(whip.body.contains(id))
            let other = try await world.api(app, .leaderA).call(.GET, "/api/v1/declarations?scope=declared-to-me")
            #expect(other.status == .ok)
            #expect(!other.body.contains(id))
            #expect(try await world.api(app, .leaderA).call(.GET, "/api/v1/declarations?scope=all").status == .forbidden)
            let all = try await world.api(app, .monitoringOfficer).call(.GET, "/api/v1/declarations?scope=all")
            #expect(all.body.contains(id))

            // Another member may not change it; the page refuses too, and says nothing more.
            let change = try await world.api(app, .leaderA).call(.PATCH, "/api/v1/declarations/\(id)", json: #"{"nature":"business"}"#)
            #expect(change.status == .forbidden)
            let page = try await world.browser(app, .leaderA)
            #expect(try await page.get("/registers/declarations/\(id)").status == .forbidden)
            #expect(!(try await page.get("/registers").body.contains(world.name(.highwaysOfficer))))
        }
    }

    @Test("London Councils: a Member's relationship goes to their Group Leader, an officer's to the Chief Executive", arguments: TestDatabase.all)
    func londonCouncils(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let member = try await world.declare(app, .memberA, #"{"kind":"close-relationship","with":"\#(world.ref(.highwaysOfficer))","nature":"close-relative","undueInfluence":true}"#)
            #expect(try await world.messages(app, to: .leaderA, category: Self.category).count == 1, "LC 9: the Leader of their Party Group")
            #expect(try await world.messages(app, to: .chair, category: Self.category).isEmpty, "no whip in LC 9")
            #expect(try await world.messages(app, to: .monitoringOfficer, category: Self.category).isEmpty, "LC 9 names nobody else")
            #expect(try await world.messages(app, to: .chiefExecutive, category: Self.category).isEmpty)
            guard case .array(let to)? = member.json.flatMap({ if case .object(let o) = $0, case .object(let r)? = o["route"] { return r["to"] } else { return nil } }) else {
                Issue.record("no route"); return
            }
            #expect(to.count == 1)
            #expect(member.body.contains("London Councils"), "the route cites LC 9")

            _ = try await world.declare(app, .caseworker, #"{"kind":"close-relationship","with":"\#(world.ref(.memberB))","nature":"business"}"#)
            #expect(try await world.messages(app, to: .chiefExecutive, category: Self.category).count == 1, "LC 9: officers to the Chief Executive")
            #expect(try await world.messages(app, to: .housingHead, category: Self.category).isEmpty)
            #expect(try await world.messages(app, to: .leaderB, category: Self.category).isEmpty)

            #expect(try await world.api(app, .leaderA).call(.GET, "/api/v1/declarations/\(member.id)").status == .ok)
            #expect(try await world.api(app, .leaderB).call(.GET, "/api/v1/declarations/\(member.id)").status == .forbidden)
            #expect(try await world.api(app, .chiefExecutive).call(.GET, "/api/v1/declarations/\(member.id)").status == .forbidden)

            // An independent member has no group leader: it is kept on the register, and the route says so.
            let independent = try await world.declare(app, .independent, #"{"kind":"close-relationship","with":"\#(world.ref(.caseworker))","nature":"partner"}"#)
            #expect(independent.body.contains("Monitoring Officer should be asked who receives it"), "\(independent.body)")
        }
    }

    @Test("A link to a candidate goes to the HR director, who alone records whether the declarant may continue", arguments: TestDatabase.all)
    func recruitment(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let link = try await world.declare(app, .highwaysHead, #"{"kind":"recruitment","candidateName":"Jo Bloggs","processID":"REC-42","post":"Highways Officer"}"#)
            #expect(try await world.messages(app, to: .hrDirector, category: "declaration.recruitment").count == 1, "TH 14.2")
            let id = link.id
            for who in [W.Who.highwaysOfficer, .monitoringOfficer, .chair] where who != .monitoringOfficer {
                let refused = try await world.api(app, who).call(.POST, "/api/v1/declarations/\(id)/determination", json: #"{"mayContinue":true}"#)
                #expect(refused.status == .forbidden, "\(who)")
            }
            let own = try await world.api(app, .highwaysHead).call(.POST, "/api/v1/declarations/\(id)/determination", json: #"{"mayContinue":true}"#)
            #expect(own.status == .forbidden, "the declarant does not decide for themself")
            let moTry = try await world.api(app, .monitoringOfficer).call(.POST, "/api/v1/declarations/\(id)/determination", json: #"{"mayContinue":true}"#)
            #expect(moTry.status == .forbidden, "the MO sees it but the HR director decides")
            #expect(try await world.refusals(app, "declaration.determination") == 4)

            let bad = try await world.api(app, .hrDirector).call(.POST, "/api/v1/declarations/\(id)/determination", json: #"{"mayContinue":"perhaps","extra":1}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["extra", "mayContinue"])
            let decided = try await world.api(app, .hrDirector).call(.POST, "/api/v1/declarations/\(id)/determination", json: #"{"mayContinue":false,"note":"Takes no part in shortlisting or interview"}"#)
            #expect(decided.status == .ok, "\(decided.body)")
            #expect(decided.body.contains("\"mayContinue\":false"))
            #expect(try await world.messages(app, to: .highwaysHead, category: "declaration.determination").count == 1)

            // Through the page too.
            let hr = try await world.browser(app, .hrDirector)
            let shown = try await hr.get("/registers/declarations/\(id)")
            #expect(shown.body.contains("Your determination"))
            let missing = try await hr.post("/registers/declarations/\(id)/determination", form: [("note", "x")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("href=\"#mayContinue\""))
            #expect(try await hr.post("/registers/declarations/\(id)/determination", form: [("mayContinue", "yes")]).status == .seeOther)
        }
    }
}
