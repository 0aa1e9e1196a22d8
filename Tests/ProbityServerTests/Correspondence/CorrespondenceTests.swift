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

@Suite("Copying a member's correspondence to another member (LC 12)")
struct CorrespondenceCopyTests {
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    @Test("The member is told and asked; nothing is copied until they agree; only they can answer", arguments: TestDatabase.all)
    func consent(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            let body = #"{"from":"\#(f.south.memberID.uuidString)","to":"\#(f.south.otherMemberID.uuidString)","subject":"Parking","content":"Dear officer, the parking…","purpose":"Cllr Two leads on parking"}"#
            let asked = try await officer.call(.POST, "/api/v1/correspondence/copies", json: body)
            #expect(asked.status == .created)
            #expect(asked["status"] == .string("awaiting-consent"))
            guard case .string(let id)? = asked["id"] else { Issue.record("no id"); return }
            let question = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "correspondence.consent").all()
            #expect(question.map(\.personID) == [f.south.memberID])
            #expect(question.first?.body.contains("Cllr Two leads on parking") == true)
            #expect(try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "correspondence.copy").count() == 0, "nothing copied yet")

            #expect(try await officer.call(.POST, "/api/v1/correspondence/copies/\(id)/consent", json: #"{"consent":true}"#).status == .forbidden,
                    "the officer cannot consent for the member")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "correspondence_copy.answer").filter(\.$outcome == "refused").count() == 1)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.south.memberEmail))
            #expect(try await member.call(.POST, "/api/v1/correspondence/copies/\(id)/consent", json: #"{"consent":"yes"}"#).status == .unprocessableEntity)
            let agreed = try await member.call(.POST, "/api/v1/correspondence/copies/\(id)/consent", json: #"{"consent":true}"#)
            #expect(agreed["status"] == .string("copied"))
            let copied = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "correspondence.copy").all()
            #expect(copied.map(\.personID) == [f.south.otherMemberID])
            #expect(try await member.call(.POST, "/api/v1/correspondence/copies/\(id)/consent", json: #"{"consent":false}"#).status == .conflict)

            let second = try await officer.call(.POST, "/api/v1/correspondence/copies", json: body.replacingOccurrences(of: "Parking", with: "Bins"))
            guard case .string(let id2)? = second["id"] else { Issue.record("no id"); return }
            let refused = try await member.call(.POST, "/api/v1/correspondence/copies/\(id2)/consent", json: #"{"consent":false}"#)
            #expect(refused["status"] == .string("refused"))
            #expect(try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "correspondence.copy").count() == 1)
        }
    }

    @Test("The page: an officer's form explains errors; the member answers with a button")
    func page() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = Browser(app)
            try await officer.signIn(f.south.adminEmail)
            #expect(try await officer.get("/correspondence").status == .ok)
            let wrong = try await officer.post("/correspondence/copies", form: [("from", f.south.memberID.uuidString), ("to", f.south.memberID.uuidString)])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("id=\"copyPurpose-error\""))
            _ = try await officer.post("/correspondence/copies", form: [("from", f.south.memberID.uuidString), ("to", f.south.otherMemberID.uuidString),
                                                                         ("copySubject", "Parking"), ("content", "Text"), ("copyPurpose", "Joint work")])
            let member = Browser(app)
            try await member.signIn(f.south.memberEmail)
            let page = try await member.get("/correspondence")
            #expect(page.body.contains("I agree"))
            let copy = try #require(try await CorrespondenceCopy.query(on: app.db).first())
            _ = try await member.post("/correspondence/copies/\(copy.id!.uuidString)/consent", form: [("consent", "true")])
            #expect(try await CorrespondenceCopy.find(copy.id!, on: app.db)?.status == "copied")
        }
    }
}
