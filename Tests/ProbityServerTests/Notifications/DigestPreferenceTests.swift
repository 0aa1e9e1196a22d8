import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("E-mail preferences and the daily digest")
struct DigestPreferenceTests {
    /// Tue 1 Dec 2026 10:00 in London.
    static let tuesday = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)

    private func send(_ app: Application, _ f: Fixtures, key: String, category: String = "test", urgent: Bool = false) async throws {
        let current = try await AuthorityProtocol.load(authorityID: f.north.authorityID, on: app.db)
        let center = NotificationCenter(authorityID: f.north.authorityID, protocol: current)
        let message = NotificationCenter.Message(category: category, subject: "Subject \(key)", body: "Body \(key)", link: "/inbox", urgent: urgent, eventKey: key)
        let now = app.probity.clock.now
        try await app.write { db in _ = try await center.send(message, to: [.member(f.north.memberID)], on: db, at: now) }
    }

    private func status(_ app: Application, _ key: String) async throws -> String? {
        try await ProbityServer.Notification.query(on: app.db).filter(\.$subject == "Subject \(key)").first()?.emailStatus
    }

    @Test("The API reads and sets the preference; bad input is a 422 problem and changes nothing", arguments: TestDatabase.all)
    func api(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.tuesday)) { app, _ in
            let f = try await Fixtures.make(app)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await member.call(.GET, "/api/v1/notifications/preferences")["email"] == .string("immediate"))
            for bad in [#"{"email":"weekly"}"#, #"{"email":1}"#, #"{}"#, #"{"email":"daily-digest","extra":true}"#] {
                let refused = try await member.call(.PUT, "/api/v1/notifications/preferences", json: bad)
                #expect(refused.status == .unprocessableEntity, "\(bad)")
                #expect(refused.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            }
            #expect(try await member.call(.GET, "/api/v1/notifications/preferences")["email"] == .string("immediate"))
            let saved = try await member.call(.PUT, "/api/v1/notifications/preferences", json: #"{"email":"daily-digest"}"#)
            #expect(saved.status == .ok)
            #expect(saved["email"] == .string("daily-digest"))
            #expect(try await member.call(.GET, "/api/v1/notifications/preferences")["email"] == .string("daily-digest"))
            let other = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            #expect(try await other.call(.GET, "/api/v1/notifications/preferences")["email"] == .string("immediate"), "one person's choice is theirs alone")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "notification.preferences.update").count() == 1)
        }
    }

    @Test("The page shows the choice, explains a missing choice beside the field, and saves")
    func page() async throws {
        try await withProbity(clock: TestClock(Self.tuesday)) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let page = try await browser.get("/inbox/preferences")
            #expect(page.status == .ok)
            #expect(page.body.contains("How do you want e-mail?"))
            let missing = try await browser.post("/inbox/preferences", form: [])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("href=\"#email\""))
            #expect(missing.body.contains("id=\"email-error\""))
            let saved = try await browser.post("/inbox/preferences", form: [("email", "daily-digest")])
            #expect(saved.status == .seeOther || saved.status == .found)
            #expect(try await browser.get("/inbox/preferences").body.contains("value=\"daily-digest\" checked"))
        }
    }

    @Test("A digest chooser's messages wait for one e-mail at 08:00 the next working day; urgent and LE 31 ones go at once", arguments: TestDatabase.all)
    func digest(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.tuesday)) { app, clock in
            let f = try await Fixtures.make(app)
            let member = try #require(try await Member.find(f.north.memberID, on: app.db))
            member.email = "cllr.one@north.test"
            try await member.update(on: app.db)
            let api = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            #expect(try await api.call(.PUT, "/api/v1/notifications/preferences", json: #"{"email":"daily-digest"}"#).status == .ok)
            try await send(app, f, key: "a")
            try await send(app, f, key: "b")
            try await send(app, f, key: "u", urgent: true)
            try await send(app, f, key: "c", category: "ward-matter.consultation")
            #expect(try await status(app, "a") == "digest")
            #expect(try await status(app, "b") == "digest")
            #expect(try await status(app, "u") == "pending")
            #expect(try await status(app, "c") == "pending")
            #expect(try await api.call(.GET, "/api/v1/notifications").body.contains("Subject a"), "the inbox has it at once")

            #expect(try await EmailDigestJob().run(app, now: clock.now).done == 0, "not before the next digest")
            clock.advance(22 * 3600)  // Wed 08:00
            #expect(try await EmailDigestJob().run(app, now: clock.now).done == 1)
            #expect(try await EmailDigestJob().run(app, now: clock.now).done == 0, "one digest a day")
            #expect(try await status(app, "a") == "digested")
            let digest = try #require(try await ProbityServer.Notification.query(on: app.db).filter(\.$category == "digest").first())
            #expect(digest.emailStatus == "pending")
            #expect(digest.emailAddress == "cllr.one@north.test")
            #expect(digest.userID == nil)
            #expect(digest.body.contains("Subject a") && digest.body.contains("Subject b"))
            #expect(!digest.body.contains("Subject u"))
            let inbox = try await APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail)).call(.GET, "/api/v1/notifications")
            #expect(!inbox.body.contains("Probity: 2 messages"), "the digest is e-mail only")
        }
    }
}
