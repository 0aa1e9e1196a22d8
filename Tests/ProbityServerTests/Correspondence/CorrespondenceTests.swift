import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Letters in a member's name and department visits")
struct CorrespondenceTests {
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    /// North works to the Wigan protocol here, and its Place directorate has the MO as director.
    static func wigan(_ app: Application, _ f: Fixtures) async throws {
        let authority = try #require(try await Authority.find(f.north.authorityID, on: app.db))
        authority.profileID = "wigan"
        try await authority.update(on: app.db)
        let directorate = try #require(try await Directorate.find(f.north.directorateID, on: app.db))
        directorate.directorOfficerID = f.north.moOfficerID
        try await directorate.update(on: app.db)
    }

    @Test("A letter creating obligations in a member's name is refused and audited without delegated authority (Wigan 7.2); with it, recorded", arguments: TestDatabase.all)
    func letters(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            try await Self.wigan(app, f)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let refused = try await member.call(.POST, "/api/v1/correspondence/letters", json: #"{"addressee":"Acme Ltd","subject":"Contract","createsObligations":true}"#)
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("7.2"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "member_letter.create").filter(\.$outcome == "refused").count() == 1)
            #expect(try await MemberLetter.query(on: app.db).count() == 0)
            let allowed = try await member.call(.POST, "/api/v1/correspondence/letters", json: #"{"addressee":"Acme Ltd","subject":"Contract","createsObligations":true,"delegatedAuthority":"Cabinet, 12 March 2026, minute 7"}"#)
            #expect(allowed.status == .created)
            #expect(try await member.call(.POST, "/api/v1/correspondence/letters", json: #"{"addressee":"Resident","subject":"Your enquiry"}"#).status == .created)
            #expect(try await member.call(.POST, "/api/v1/correspondence/letters", json: #"{"addressee":"x","subject":"y","createsObligations":"yes"}"#).status == .unprocessableEntity)
            #expect(try await member.call(.GET, "/api/v1/correspondence/letters").body.contains("Your enquiry"))
        }
    }

    @Test("A member's department visit is told in advance to the Chief Officer (Wigan 4.6); a statutory inspection is not", arguments: TestDatabase.all)
    func visits(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            try await Self.wigan(app, f)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let visit = try await member.call(.POST, "/api/v1/correspondence/department-visits", json: #"{"directorate":"\#(f.north.directorateID.uuidString)","visitOn":"2026-12-08","purpose":"See the depot"}"#)
            #expect(visit.status == .created)
            let told = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "department-visit").all()
            #expect(told.map(\.personID) == [f.north.moOfficerID])
            let inspection = try await member.call(.POST, "/api/v1/correspondence/department-visits", json: #"{"directorate":"\#(f.north.directorateID.uuidString)","visitOn":"2026-12-09","purpose":"Inspection","statutoryInspection":true}"#)
            #expect(inspection.status == .created)
            #expect(try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "department-visit").count() == 1)
            let past = try await member.call(.POST, "/api/v1/correspondence/department-visits", json: #"{"directorate":"\#(f.north.directorateID.uuidString)","visitOn":"2026-11-30","purpose":"x"}"#)
            #expect(past.status == .unprocessableEntity)
            #expect(past.errorFields == ["visitOn"])
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            #expect(try await officer.call(.POST, "/api/v1/correspondence/department-visits", json: #"{"directorate":"\#(f.north.directorateID.uuidString)","visitOn":"2026-12-08","purpose":"x"}"#).status == .forbidden)
        }
    }

    @Test("The page shows both rules, refuses by name and explains field errors")
    func page() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            try await Self.wigan(app, f)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let page = try await browser.get("/correspondence")
            #expect(page.status == .ok)
            #expect(page.body.contains("Wigan"))
            let wrong = try await browser.post("/correspondence/department-visits", form: [("purpose", "x")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("id=\"directorate-error\""))
            #expect(try await browser.post("/correspondence/letters", form: [("addressee", "A"), ("subject", "B"), ("givesInstructions", "true")]).status == .forbidden)
        }
    }
}
