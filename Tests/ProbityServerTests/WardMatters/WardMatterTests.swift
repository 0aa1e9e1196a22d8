import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Ward matters: who is told, and when")
struct WardMatterTests {
    /// Tue 1 Dec 2026 10:00 and 20:00 in London.
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)
    static let evening = CalendarDate(iso: "2026-12-01")!.instant(hour: 20)

    struct Extra {
        var eastWard: UUID
        var eastMember: UUID
        var eastEmail = "east@north.test"
    }

    /// A second ward with its own member (who signs in), to show who is not told.
    static func extra(_ app: Application, _ f: Fixtures) async throws -> Extra {
        let ward = Ward(); ward.authorityID = f.north.authorityID; ward.name = "North East"
        try await ward.create(on: app.db)
        let member = Member(); member.authorityID = f.north.authorityID; member.name = "Cllr East"; member.position = "councillor"
        member.wardID = ward.id; member.executiveRole = "none"
        try await member.create(on: app.db)
        let hash = try await app.password.async.hash(Fixtures.password)
        try await User(authorityID: f.north.authorityID, email: "east@north.test", displayName: "Cllr East", passwordHash: hash,
                       personKind: .member, personID: member.id).create(on: app.db)
        return Extra(eastWard: ward.id!, eastMember: member.id!)
    }

    static func body(kind: String = "event", wards: [UUID], extra: String = "") -> String {
        let list = wards.map { "\"\($0.uuidString)\"" }.joined(separator: ",")
        return #"{"kind":"\#(kind)","title":"Library reopening","details":"The library reopens on Saturday.","wards":[\#(list)]\#(extra)}"#
    }

    @Test("An officer's ward matter tells the affected ward's members, in the same transaction, and records when", arguments: TestDatabase.all)
    func told(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let x = try await Self.extra(app, f)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let created = try await officer.call(.POST, "/api/v1/ward-matters", json: Self.body(wards: [f.north.wardID]))
            #expect(created.status == .created)
            guard case .array(let told)? = created["told"] else { Issue.record("no told list"); return }
            #expect(told.count == 2)
            #expect(created.body.contains(f.north.memberID.uuidString) && created.body.contains(f.north.otherMemberID.uuidString))
            #expect(!created.body.contains(x.eastMember.uuidString))
            #expect(created.body.contains("Tower Hamlets protocol"))
            let messages = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "ward-matter.event").all()
            #expect(Set(messages.map(\.personID)) == [f.north.memberID, f.north.otherMemberID])
            #expect(messages.allSatisfy { $0.deliverAfter == Self.morning })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "ward_matter.create").count() == 1)

            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.GET, "/api/v1/notifications").body.contains("Ward matter: Library reopening"))
            guard case .string(let id)? = created["id"] else { Issue.record("no id"); return }
            #expect(try await member.call(.GET, "/api/v1/ward-matters/\(id)").status == .ok)
            #expect(try await member.call(.GET, "/api/v1/ward-matters").body.contains("Library reopening"))

            // A member who was not told sees nothing, and the attempt is audited.
            let east = APIClient(app: app, token: try await Fixtures.token(app, x.eastEmail))
            #expect(try await east.call(.GET, "/api/v1/ward-matters/\(id)").status == .notFound)
            #expect(try await east.call(.GET, "/api/v1/ward-matters").body.contains("\"total\":0"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "ward_matter.read").filter(\.$outcome == "refused").count() == 1)
            // Another authority's officer cannot find it.
            let south = APIClient(app: app, token: try await Fixtures.token(app, f.south.moEmail))
            #expect(try await south.call(.GET, "/api/v1/ward-matters/\(id)").status == .notFound)
        }
    }

    @Test("Every trigger the Tower Hamlets protocol lists is told to the ward; the others are refused by name", arguments: WardMatterKind.allCases)
    func triggers(_ kind: WardMatterKind) async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let reply = try await officer.call(.POST, "/api/v1/ward-matters", json: Self.body(kind: kind.rawValue, wards: [f.north.wardID]))
            let listed = try BuiltInProfiles.named("tower-hamlets")!.notifications.wardMatters.parameters.kinds.contains(kind)
            if listed {
                #expect(reply.status == .created)
                let messages = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "ward-matter.\(kind.rawValue)").all()
                #expect(Set(messages.map(\.personID)) == [f.north.memberID, f.north.otherMemberID])
                #expect(messages.allSatisfy { $0.urgent == (kind == .majorIncident) })
            } else {
                #expect(reply.status == .unprocessableEntity)
                #expect(reply.isProblem)
                #expect(reply.errorFields == ["kind"])
                #expect(try await WardMatter.query(on: app.db).count() == 0)
                #expect(try await ProbityServer.Notification.query(on: app.db).count() == 0)
            }
        }
    }

    @Test("Out of hours an ordinary matter waits for the morning; a major incident goes at once")
    func privateTime() async throws {
        try await withProbity(clock: TestClock(Self.evening)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let event = try await officer.call(.POST, "/api/v1/ward-matters", json: Self.body(kind: "event", wards: [f.north.wardID]))
            let incident = try await officer.call(.POST, "/api/v1/ward-matters", json: Self.body(kind: "major-incident", wards: [f.north.wardID]))
            #expect(event.status == .created && incident.status == .created)
            let held = try await WardMatterRecipient.query(on: app.db).all()
            let byMatter = Dictionary(grouping: held, by: \.wardMatterID)
            let deliveries = Set(byMatter.values.map { $0[0].deliveredAt })
            #expect(deliveries == [Self.evening, CalendarDate(iso: "2026-12-02")!.instant(hour: 8)])
        }
    }

    @Test("Adjoining wards the service reaches are told under the Leicestershire protocol (LE 28); the Leader on request (LE 36)")
    func leicestershire() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let x = try await Self.extra(app, f)
            let authority = try #require(try await Authority.find(f.north.authorityID, on: app.db))
            authority.profileID = "leicestershire"
            try await authority.update(on: app.db)
            let leader = try #require(try await Member.find(f.south.memberID, on: app.db))
            _ = leader
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let reply = try await officer.call(.POST, "/api/v1/ward-matters", json: Self.body(
                kind: "controversial-foi", wards: [f.north.wardID], extra: #","adjoiningWards":["\#(x.eastWard.uuidString)"]"#))
            #expect(reply.status == .created)
            #expect(reply.body.contains(x.eastMember.uuidString))
            #expect(reply.body.contains("adjoining ward"))
        }
    }

    @Test("Bad input is a 422 problem naming the field, and nothing is written", arguments: [
        #"{"kind":"event","title":"t","details":"d","wards":[],"colour":"red"}"#,
        #"{"kind":"event","title":"t","details":"d","wards":"all"}"#,
        #"{"kind":"event","title":"t","details":"d","wards":["not-a-uuid"]}"#,
        #"{"kind":"event","title":"t","details":"d","wards":["00000000-0000-0000-0000-000000000001"],"leader":"yes"}"#,
        #"{"kind":"party","title":"","details":"d","wards":[]}"#,
    ])
    func badInput(_ json: String) async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let reply = try await officer.call(.POST, "/api/v1/ward-matters", json: json)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.isProblem)
            #expect(!reply.errorFields.isEmpty)
            #expect(try await WardMatter.query(on: app.db).count() == 0)
        }
    }

    @Test("A member cannot record a ward matter; the refusal is audited", arguments: TestDatabase.all)
    func memberRefused(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let reply = try await member.call(.POST, "/api/v1/ward-matters", json: Self.body(wards: [f.north.wardID]))
            #expect(reply.status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "ward_matter.create").filter(\.$outcome == "refused").count() == 1)
            #expect(try await WardMatter.query(on: app.db).count() == 0)
        }
    }

    @Test("Pages: the officer's form explains errors beside the fields, records, and shows who was told")
    func pages() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.moEmail)
            #expect(try await browser.get("/ward-matters").status == .ok)
            let form = try await browser.get("/ward-matters/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("Affected wards"))
            let wrong = try await browser.post("/ward-matters", form: [("kind", "event"), ("title", ""), ("details", "x")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("href=\"#title\""))
            #expect(wrong.body.contains("id=\"title-error\""))
            let saved = try await browser.post("/ward-matters", form: [("kind", "event"), ("title", "Park opening"), ("details", "Saturday"),
                                                                      ("wards", f.north.wardID.uuidString)])
            let location = try #require(saved.location)
            let show = try await browser.get(location)
            #expect(show.status == .ok)
            #expect(show.body.contains("Who was told"))
            #expect(show.body.contains("Cllr North One") && show.body.contains("Cllr North Two"))

            let member = Browser(app)
            try await member.signIn(f.north.memberEmail)
            #expect(try await member.get("/ward-matters/new").status == .forbidden)
            #expect(try await member.get(location).status == .ok)
            #expect(try await member.get("/ward-matters/member-meetings/new").status == .ok)
        }
    }
}
