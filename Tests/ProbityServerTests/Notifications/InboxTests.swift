import Fluent
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Inbox and the notification outbox")
struct InboxTests {
    /// Tue 1 Dec 2026 10:00 and 20:00 in London.
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)
    static let evening = CalendarDate(iso: "2026-12-01")!.instant(hour: 20)

    private func send(_ app: Application, authority: UUID, to people: [PersonRef], key: String, urgent: Bool = false) async throws -> Int {
        let current = try await AuthorityProtocol.load(authorityID: authority, on: app.db)
        let center = NotificationCenter(authorityID: authority, protocol: current)
        let message = NotificationCenter.Message(category: "test", subject: "Subject \(key)", body: "Body \(key)", link: "/", urgent: urgent, eventKey: key)
        let now = app.probity.clock.now
        return try await app.write { db in try await center.send(message, to: people, on: db, at: now) }
    }

    @Test("A message reaches the recipient's inbox once, and nobody else's", arguments: TestDatabase.all)
    func delivered(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(Self.morning)) { app, _ in
            let f = try await Fixtures.make(app)
            #expect(try await send(app, authority: f.north.authorityID, to: [.member(f.north.memberID)], key: "e1") == 1)
            #expect(try await send(app, authority: f.north.authorityID, to: [.member(f.north.memberID)], key: "e1") == 0, "the same event is not sent twice")
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let list = try await member.call(.GET, "/api/v1/notifications")
            #expect(list.status == .ok)
            #expect(list.body.contains("Subject e1"))
            let other = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            #expect(!(try await other.call(.GET, "/api/v1/notifications")).body.contains("Subject e1"))
            let southMember = APIClient(app: app, token: try await Fixtures.token(app, f.south.memberEmail))
            #expect(!(try await southMember.call(.GET, "/api/v1/notifications")).body.contains("Subject e1"))

            let n = try #require(try await Notification.query(on: app.db).first())
            #expect(try await other.call(.POST, "/api/v1/notifications/\(n.id!.uuidString)/read").status == .notFound)
            let read = try await member.call(.POST, "/api/v1/notifications/\(n.id!.uuidString)/read")
            #expect(read["read"] == .bool(true))
            #expect(try await member.call(.GET, "/api/v1/notifications?unread=true").body.contains("\"items\":[]"))
        }
    }

    @Test("Outside working hours a message waits for the next working morning unless urgent")
    func heldThroughPrivateTime() async throws {
        try await withProbity(clock: TestClock(Self.evening)) { app, clock in
            let f = try await Fixtures.make(app)
            _ = try await send(app, authority: f.north.authorityID, to: [.member(f.north.memberID)], key: "held")
            _ = try await send(app, authority: f.north.authorityID, to: [.member(f.north.memberID)], key: "urgent", urgent: true)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let evening = try await browser.get("/inbox")
            #expect(evening.status == .ok)
            #expect(evening.body.contains("Subject urgent"))
            #expect(!evening.body.contains("Subject held"))
            clock.advance(12 * 3600)  // 08:00 on Wed 2 Dec; the evening session has timed out
            try await browser.signIn(f.north.memberEmail)
            let morning = try await browser.get("/inbox")
            #expect(morning.body.contains("Subject held"))
            let held = try #require(try await Notification.query(on: app.db).filter(\.$category == "test").filter(\.$urgent == false).first())
            #expect(held.deliverAfter == CalendarDate(iso: "2026-12-02")!.instant(hour: 8))
        }
    }
}
