import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Consultations on delegated decisions")
struct ConsultationTests {
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    static func body(_ f: Fixtures, divergent: Bool, route: String? = nil, extra: String = "") -> String {
        let r = route.map { #","route":"\#($0)""# } ?? ""
        return #"{"title":"Closing the Bow depot","proposal":"Close the depot in March","member":"\#(f.north.memberID.uuidString)","capacity":"lead-member","memberView":"Keep it open","decision":"Close it in March","divergent":\#(divergent)\#(r)\#(extra)}"#
    }

    @Test("Views that differ materially: the route is recorded and the adviser told; the member is told the decision stays the officer's", arguments: TestDatabase.all)
    func divergent(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let routes = try await officer.call(.GET, "/api/v1/consultations/routes")
            #expect(routes.body.contains("advice-monitoring-officer"))
            let created = try await officer.call(.POST, "/api/v1/consultations", json: Self.body(f, divergent: true, route: "advice-monitoring-officer"))
            #expect(created.status == .created)
            #expect(created["decisionIsTheOfficers"] == .bool(true))
            #expect(created["route"] == .string("advice-monitoring-officer"))
            let advice = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "consultation.advice").all()
            #expect(advice.map(\.personID) == [f.north.moOfficerID])
            let told = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "consultation.recorded").all()
            #expect(told.map(\.personID) == [f.north.memberID])
            #expect(told.first?.body.contains("remains the officer's") == true)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "consultation.create").count() == 1)

            guard case .string(let id)? = created["id"] else { Issue.record("no id"); return }
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.GET, "/api/v1/consultations/\(id)").status == .ok)
            #expect(try await member.call(.POST, "/api/v1/consultations/\(id)/advice", json: #"{"advice":"I approve"}"#).status == .forbidden)
            let mo = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let advised = try await mo.call(.POST, "/api/v1/consultations/\(id)/advice", json: #"{"advice":"Closure is lawful; consult staff first."}"#)
            #expect(advised.status == .ok)
            #expect(advised.body.contains("Closure is lawful"))
            let south = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            #expect(try await south.call(.GET, "/api/v1/consultations/\(id)").status == .notFound)
        }
    }

    @Test("A route is refused where the views do not differ, and required where they do; a member's sign-off cannot be recorded (LE 25)", arguments: [
        (false, "proceed", "route"), (true, nil, "route"), (true, "refer-to-cabinet", "route"), (false, nil, "approved"),
    ] as [(Bool, String?, String)])
    func refusals(_ divergent: Bool, _ route: String?, _ field: String) async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let reply = try await officer.call(.POST, "/api/v1/consultations", json: Self.body(f, divergent: divergent, route: route,
                                                                                                   extra: field == "approved" ? #","approved":true"# : ""))
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.isProblem)
            #expect(reply.errorFields == [field])
            if field == "approved" {
                // North works to Tower Hamlets' protocol: its own paragraphs are cited, never another council's.
                #expect(reply.body.contains("Tower Hamlets protocol 4.14"), "\(reply.body)")
                #expect(!reply.body.contains("Leicestershire"))
            }
            #expect(try await ConsultationRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("A member cannot record a consultation; the refusal is audited. The pages work for an officer")
    func pages() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.POST, "/api/v1/consultations", json: Self.body(f, divergent: false)).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "consultation.create").filter(\.$outcome == "refused").count() == 1)

            let browser = Browser(app)
            try await browser.signIn(f.north.adminEmail)
            #expect(try await browser.get("/consultations").status == .ok)
            #expect(try await browser.get("/consultations/new").status == .ok)
            let wrong = try await browser.post("/consultations", form: [
                ("title", "Depot"), ("proposal", "Close"), ("member", f.north.memberID.uuidString), ("capacity", "chair"),
                ("memberView", "Keep it"), ("decision", "Close"), ("divergent", "true"),
            ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("id=\"route-error\""))
            let saved = try await browser.post("/consultations", form: [
                ("title", "Depot"), ("proposal", "Close"), ("member", f.north.memberID.uuidString), ("capacity", "chair"),
                ("memberView", "Agree"), ("decision", "Close"),
            ])
            let location = try #require(saved.location)
            let show = try await browser.get(location)
            #expect(show.body.contains("remain the officer"))
            let advised = try await browser.post(location + "/advice", form: [("advice", "")])
            #expect(advised.status == .unprocessableEntity)
        }
    }
}
