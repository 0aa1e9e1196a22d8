import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Media clearance and press approaches")
struct MediaClearanceServerTests {
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    /// Makes the north Monitoring Officer's colleague, the fixture officer, the press officer.
    static func communications(_ app: Application, _ f: Fixtures) async throws {
        let officer = try #require(try await Officer.find(f.north.officerID, on: app.db))
        officer.designations = ["communications"]
        try await officer.update(on: app.db)
        let hash = try await app.password.async.hash(Fixtures.password)
        try await User(authorityID: f.north.authorityID, email: "press@north.test", displayName: "Press Officer", passwordHash: hash,
                       personKind: .officer, personID: f.north.officerID).create(on: app.db)
    }

    @Test("A press approach about a ward asks Communications and tells the ward's members in one transaction (TH 15.4, 15.2; LE 35)", arguments: TestDatabase.all)
    func pressApproach(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            try await Self.communications(app, f)
            let mo = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let created = try await mo.call(.POST, "/api/v1/media-contacts", json: #"{"direction":"approach","outlet":"East End Echo","subject":"Depot closure","summary":"They ask why the depot closes","wards":["\#(f.north.wardID.uuidString)"]}"#)
            #expect(created.status == .created)
            #expect(created["status"] == .string("requested"))
            guard case .string(let matterID)? = created["wardMatter"], case .string(let id)? = created["id"] else { Issue.record("no ward matter"); return }
            let matter = try #require(try await WardMatter.find(UUID(uuidString: matterID)!, on: app.db))
            #expect(matter.kind == "press-approach")
            let told = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "ward-matter.press-approach").all()
            #expect(Set(told.map(\.personID)) == [f.north.memberID, f.north.otherMemberID])
            let asked = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "media.clearance").all()
            #expect(asked.map(\.personID) == [f.north.officerID])

            // Only Communications decides; the MO's attempt is refused and audited.
            #expect(try await mo.call(.POST, "/api/v1/media-contacts/\(id)/decision", json: #"{"decision":"cleared"}"#).status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "media_contact.decide").filter(\.$outcome == "refused").count() == 1)
            let press = APIClient(app: app, token: try await Fixtures.token(app, "press@north.test"))
            #expect(try await press.call(.POST, "/api/v1/media-contacts/\(id)/decision", json: #"{"decision":"maybe"}"#).status == .unprocessableEntity)
            let decided = try await press.call(.POST, "/api/v1/media-contacts/\(id)/decision", json: #"{"decision":"cleared","note":"Stick to the facts"}"#)
            #expect(decided.status == .ok)
            #expect(decided["status"] == .string("cleared"))
            #expect(try await press.call(.POST, "/api/v1/media-contacts/\(id)/decision", json: #"{"decision":"refused"}"#).status == .conflict)
            #expect(try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "media.decision").first()?.personID == f.north.moOfficerID)
            // Members see none of it.
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.GET, "/api/v1/media-contacts/\(id)").status == .notFound)
            #expect(try await member.call(.POST, "/api/v1/media-contacts", json: #"{"direction":"outgoing","outlet":"x","subject":"y","summary":"z"}"#).status == .forbidden)
        }
    }

    @Test("Advertising needs no clearance; bad input is a 422 and writes nothing")
    func advertisingAndBadInput() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let mo = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let ad = try await mo.call(.POST, "/api/v1/media-contacts", json: #"{"direction":"outgoing","outlet":"Echo","subject":"Jobs","summary":"Job advert","advertising":true}"#)
            #expect(ad["status"] == .string("not-needed"))
            for bad in [#"{"direction":"sideways","outlet":"","subject":"s","summary":"x"}"#, #"{"direction":"outgoing","outlet":"o","subject":"s","summary":"x","advertising":"no"}"#,
                        #"{"direction":"outgoing","outlet":"o","subject":"s","summary":"x","wards":["nope"]}"#] {
                let reply = try await mo.call(.POST, "/api/v1/media-contacts", json: bad)
                #expect(reply.status == .unprocessableEntity, "\(bad)")
                #expect(reply.isProblem)
            }
            #expect(try await MediaContact.query(on: app.db).count() == 1)
            #expect(try await WardMatter.query(on: app.db).count() == 0)
        }
    }

    @Test("Pages: an officer asks, Communications clear")
    func pages() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            try await Self.communications(app, f)
            let officer = Browser(app)
            try await officer.signIn(f.north.moEmail)
            #expect(try await officer.get("/media/new").status == .ok)
            let wrong = try await officer.post("/media", form: [("direction", "approach")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("id=\"outlet-error\""))
            let saved = try await officer.post("/media", form: [("direction", "outgoing"), ("outlet", "Echo"), ("subject", "Parks"), ("summary", "A story")])
            let location = try #require(saved.location)
            #expect(!(try await officer.get(location).body.contains("Record the decision")))
            let press = Browser(app)
            try await press.signIn("press@north.test")
            #expect(try await press.get(location).body.contains("Record the decision"))
            _ = try await press.post(location + "/decision", form: [("decision", "refused")])
            #expect(try await press.get(location).body.contains("Not cleared"))
        }
    }
}
