import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Members' public meetings and the pre-election period")
struct MemberMeetingTests {
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    static func meeting(_ f: Fixtures, on date: String, premises: Bool) -> String {
        #"{"title":"Estate regeneration","meetsOn":"\#(date)","venue":"Town Hall","councilPremises":\#(premises),"partyPolitical":false,"officer":"\#(f.north.officerID.uuidString)"}"#
    }

    @Test("A meeting on council premises in the pre-election period the administrator sets is refused and audited (TH 11.5); otherwise the officer is told", arguments: TestDatabase.all)
    func preElection(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.POST, "/api/v1/ward-matters/pre-election-periods", json: #"{"startsOn":"2027-03-29","endsOn":"2027-05-06"}"#).status == .forbidden,
                    "only an administrator sets the period")
            #expect(try await admin.call(.POST, "/api/v1/ward-matters/pre-election-periods", json: #"{"startsOn":"2027-05-06","endsOn":"2027-03-29"}"#).status == .unprocessableEntity)
            let period = try await admin.call(.POST, "/api/v1/ward-matters/pre-election-periods", json: #"{"startsOn":"2027-03-29","endsOn":"2027-05-06","note":"Borough elections"}"#)
            #expect(period.status == .created)
            #expect(try await member.call(.GET, "/api/v1/ward-matters/pre-election-periods").body.contains("2027-03-29"))

            let refused = try await member.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-04-20", premises: true))
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("11.5"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "member_meeting.create").filter(\.$outcome == "refused").count() == 1)
            #expect(try await MemberMeeting.query(on: app.db).count() == 0)

            #expect(try await member.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-04-20", premises: false)).status == .created,
                    "not on council premises")
            #expect(try await member.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-05-07", premises: true)).status == .created,
                    "after polling day")
            let told = try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "member-meeting").all()
            #expect(told.count == 2)
            #expect(told.allSatisfy { $0.personID == f.north.officerID && $0.personKind == "officer" })

            // Removing the period lifts the bar.
            guard case .string(let id)? = period["id"] else { Issue.record("no id"); return }
            #expect(try await admin.call(.DELETE, "/api/v1/ward-matters/pre-election-periods/\(id)").status == .noContent)
            #expect(try await member.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-04-21", premises: true)).status == .created)
        }
    }

    @Test("Only members record meetings; bad input is a 422 problem")
    func refusals() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let officer = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let refused = try await officer.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-04-20", premises: true))
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("Tower Hamlets protocol 11.4"), "North works to Tower Hamlets' protocol: \(refused.body)")
            let southOfficer = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            let southRefused = try await southOfficer.call(.POST, "/api/v1/ward-matters/member-meetings", json: Self.meeting(f, on: "2027-04-20", premises: true))
            #expect(southRefused.status == .forbidden)
            #expect(!southRefused.body.contains("Tower Hamlets"), "South works to London Councils' protocol, which has no such paragraph")
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let bad = try await member.call(.POST, "/api/v1/ward-matters/member-meetings", json: #"{"title":"x","meetsOn":"20/04/2027","venue":"","councilPremises":"yes","officer":"nobody"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.isProblem)
        }
    }

    @Test("The pre-election page: administrators add a period; the form explains errors")
    func page() async throws {
        try await withProbity(clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.adminEmail)
            #expect(try await browser.get("/ward-matters/pre-election").status == .ok)
            let wrong = try await browser.post("/ward-matters/pre-election", form: [("startsOn", "soon"), ("endsOn", "")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("id=\"startsOn-error\""))
            _ = try await browser.post("/ward-matters/pre-election", form: [("startsOn", "2027-03-29"), ("endsOn", "2027-05-06")])
            #expect(try await browser.get("/ward-matters/pre-election").body.contains("2027-05-06"))
            let member = Browser(app)
            try await member.signIn(f.north.memberEmail)
            let page = try await member.get("/ward-matters/pre-election")
            #expect(page.status == .ok)
            #expect(!page.body.contains("Add a period"))
            #expect(try await member.post("/ward-matters/pre-election", form: [("startsOn", "2027-03-29"), ("endsOn", "2027-05-06")]).status == .forbidden)
        }
    }
}

@Suite("Warning members before they contact an officer out of hours")
struct OutOfHoursWarningTests {
    @Test("Out of hours the API and the member's form say when the officer will get the message (TH 14.7); in hours they say nothing")
    func warning() async throws {
        let evening = CalendarDate(iso: "2026-12-01")!.instant(hour: 20)
        try await withProbity(clock: TestClock(evening)) { app, clock in
            let f = try await Fixtures.make(app)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let late = try await member.call(.GET, "/api/v1/notifications/out-of-hours")
            #expect(late["outOfHours"] == .bool(true))
            #expect(late.body.contains("2026-12-02T08:00:00Z"))
            #expect(late.body.contains("14.7"))
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            #expect(try await browser.get("/ward-matters/member-meetings/new").body.contains("id=\"out-of-hours\""))
            clock.advance(14 * 3600)  // Wed 10:00
            let member2 = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member2.call(.GET, "/api/v1/notifications/out-of-hours")["outOfHours"] == .bool(false))
            try await browser.signIn(f.north.memberEmail)
            #expect(!(try await browser.get("/ward-matters/member-meetings/new").body.contains("id=\"out-of-hours\"")))
        }
    }
}
