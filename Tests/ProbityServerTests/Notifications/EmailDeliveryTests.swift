import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

/// Delivery of the outbox over SMTP to a real server on loopback (aiosmtpd): once, through
/// refusals, outages, a server vanishing mid-message and a worker dying with a claim.
@Suite("E-mail delivery over SMTP", .enabled(if: SMTPTestServer.enabled, Comment(rawValue: SMTPTestServer.missing)))
struct EmailDeliveryTests {
    /// Tue 1 Dec 2026 10:00 in London: within working hours, so nothing is held.
    static let morning = CalendarDate(iso: "2026-12-01")!.instant(hour: 10)
    static let address = "cllr.one@north.test"

    /// Gives the north member an e-mail address and queues `count` messages to them.
    private func queue(_ app: Application, _ f: Fixtures, count: Int = 1, key: String = "m") async throws {
        let member = try #require(try await Member.find(f.north.memberID, on: app.db))
        member.email = Self.address
        try await member.update(on: app.db)
        let current = try await AuthorityProtocol.load(authorityID: f.north.authorityID, on: app.db)
        let center = NotificationCenter(authorityID: f.north.authorityID, protocol: current)
        let now = app.probity.clock.now
        for i in 1...count {
            let message = NotificationCenter.Message(
                category: "test", subject: "Subject \(key)\(i) – ward update", body: "First line\n.starts with a dot\nLast line",
                link: "/inbox", eventKey: "\(key)\(i)")
            try await app.write { db in _ = try await center.send(message, to: [.member(f.north.memberID)], on: db, at: now) }
        }
    }

    private func delivery(_ app: Application) async throws -> JobOutcome {
        try await EmailDeliveryJob().run(app, now: app.probity.clock.now)
    }

    private func outbox(_ app: Application) async throws -> [ProbityServer.Notification] {
        try await ProbityServer.Notification.query(on: app.db).sort(\.$createdAt).sort(\.$dedupeKey).all()
    }

    @Test("A message is delivered once, after authentication, with its lines intact", arguments: TestDatabase.all)
    func deliveredOnce(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer(["--auth", "probity:s3cret"])
        try await withProbity(database, clock: TestClock(Self.morning), configure: {
            $0.smtp = server.settings(username: "probity", password: "s3cret")
            $0.publicURL = "https://probity.north.test"
        }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).done == 1)
            #expect(try await delivery(app).done == 0, "a sent message is not sent again")
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].to == [Self.address])
            #expect(received[0].from == "probity@north.test")
            #expect(received[0].login == "probity")
            #expect(received[0].data.contains("\r\nFirst line\r\n.starts with a dot\r\nLast line\r\n"), "dot-stuffing undone by the server")
            #expect(received[0].data.contains("Open in Probity: https://probity.north.test/inbox"))
            #expect(received[0].data.contains("Subject: =?utf-8?B?"), "the dash is encoded")
            let n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "sent")
            #expect(n.emailAttempts == 1)
            #expect(n.emailSentAt != nil)
            #expect(n.emailLeaseToken == nil)
            #expect(received[0].data.contains("Message-ID: <\(n.id!.uuidString.lowercased())@probity.test>"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "notification.email.sent").count()
            #expect(audit == 1)
        }
    }

    @Test("A permanent refusal (5xx) marks the message failed at once; the inbox keeps it", arguments: TestDatabase.all)
    func permanentRefusal(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer(["--rcpt-reply", "550 5.1.1 No such user here"])
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).failed == 1)
            let n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "failed")
            #expect(n.emailAttempts == 1)
            #expect(n.emailLastError?.contains("550") == true)
            #expect(n.emailNextAttemptAt == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "notification.email.failed").count() == 1)
            try server.restart()
            #expect(try await delivery(app).done == 0, "a failed message is not retried")
            #expect(try server.received().isEmpty)
        }
    }

    @Test("A temporary refusal (4xx) is retried with backoff, then delivered once", arguments: TestDatabase.all)
    func temporaryRefusal(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer(["--data-reply", "451 4.3.0 Try again later"])
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, clock in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).failed == 1)
            var n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "pending")
            #expect(n.emailAttempts == 1)
            #expect(n.emailNextAttemptAt == Self.morning.addingTimeInterval(60))
            #expect(n.emailLastError?.contains("451") == true)
            try server.restart()
            #expect(try await delivery(app).done == 0, "not before the backoff has passed")
            clock.advance(61)
            #expect(try await delivery(app).done == 1)
            #expect(try await delivery(app).done == 0)
            #expect(try server.received().count == 1)
            n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "sent")
            #expect(n.emailAttempts == 2)
        }
    }

    @Test("Temporary failures that never end are given up after the allowed attempts", arguments: TestDatabase.all)
    func attemptsRunOut(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer(["--data-reply", "452 4.2.2 Mailbox full"])
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, clock in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            for _ in 1...3 {
                _ = try await delivery(app)
                clock.advance(EmailRetry.longestDelay)
            }
            let n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "failed")
            #expect(n.emailAttempts == 3)
        }
    }

    @Test("With the mail server down nothing is lost: one message is tried, the rest wait, all go later", arguments: TestDatabase.all)
    func serverDown(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer()
        server.stop()
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, clock in
            let f = try await Fixtures.make(app)
            try await queue(app, f, count: 3)
            let first = try await delivery(app)
            #expect(first.failed == 1)
            #expect(first.done == 0)
            #expect(try await outbox(app).map(\.emailAttempts).sorted() == [0, 0, 1], "the others are not tried against a dead server")
            try server.start([])
            clock.advance(61)
            #expect(try await delivery(app).done == 3)
            #expect(try server.received().count == 3)
            #expect(try await outbox(app).allSatisfy { $0.emailStatus == "sent" })
        }
    }

    @Test("A server that vanishes mid-delivery: the message is tried again later and arrives once", arguments: TestDatabase.all)
    func vanishesMidDelivery(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer(["--die-in-data"])
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, clock in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).failed == 1)
            #expect(!server.isRunning, "the server died during DATA")
            let n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "pending")
            #expect(n.emailLastError?.contains("message") == true)
            try server.restart()
            clock.advance(61)
            #expect(try await delivery(app).done == 1)
            #expect(try await delivery(app).done == 0)
            #expect(try server.received().count == 1)
        }
    }

    @Test("A worker that dies holding a message: nobody sends it until its lease runs out, then once", arguments: TestDatabase.all)
    func workerRestart(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer()
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, clock in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            // A worker claims the message and dies before sending it.
            let candidate = try #require(try await outbox(app).first)
            let now = app.probity.clock.now
            let claimed = try await EmailOutbox.claim(candidate, token: "dead-worker", now: now, until: now.addingTimeInterval(900), app: app)
            #expect(claimed != nil)
            #expect(try await EmailOutbox.claim(candidate, token: "second", now: now, until: now.addingTimeInterval(900), app: app) == nil,
                    "a claimed message cannot be claimed again")
            // The restarted worker leaves it alone while the lease lasts…
            #expect(try await delivery(app).done == 0)
            #expect(try server.received().isEmpty)
            // …and sends it once the lease has run out.
            clock.advance(901)
            #expect(try await delivery(app).done == 1)
            #expect(try await delivery(app).done == 0)
            #expect(try server.received().count == 1)
        }
    }

    @Test("Two workers running at once send each message once", arguments: TestDatabase.all)
    func concurrentWorkers(_ database: TestDatabase) async throws {
        let server = try SMTPTestServer()
        try await withProbity(database, clock: TestClock(Self.morning), configure: { $0.smtp = server.settings() }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f, count: 6)
            async let a = delivery(app)
            async let b = delivery(app)
            let (one, two) = try await (a, b)
            #expect(one.done + two.done == 6)
            #expect(try server.received().count == 6)
            let subjects = try server.received().compactMap { $0.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") } }
            #expect(Set(subjects).count == 6)
        }
    }

    @Test("STARTTLS: the message goes encrypted to a server whose certificate is trusted; an untrusted one is refused")
    func startTLS() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probity-tls-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", cert]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        let server = try SMTPTestServer(["--tls-cert", cert, "--tls-key", key, "--auth", "probity:s3cret"])
        try await withProbity(clock: TestClock(Self.morning), configure: {
            $0.smtp = server.settings(username: "probity", password: "s3cret", startTLS: true, host: "localhost", trustRootsFile: cert)
        }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).done == 1)
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].tls)
            #expect(received[0].login == "probity")
        }
        // Without the certificate among the trusted roots the handshake fails and nothing is sent.
        try await withProbity(clock: TestClock(Self.morning), configure: {
            $0.smtp = server.settings(username: "probity", password: "s3cret", startTLS: true, host: "localhost")
        }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).failed == 1)
            let n = try #require(try await outbox(app).first)
            #expect(n.emailStatus == "pending")
        }
        #expect(try server.received().count == 1)
    }

    @Test("Credentials are not sent to a remote server without TLS")
    func noClearTextPassword() async throws {
        // 127.0.0.2 is loopback too, but not an address Probity treats as this machine.
        let server = try SMTPTestServer(["--auth", "probity:s3cret", "--host", "127.0.0.2"])
        try await withProbity(clock: TestClock(Self.morning), configure: {
            $0.smtp = server.settings(username: "probity", password: "s3cret", host: "127.0.0.2")
        }) { app, _ in
            let f = try await Fixtures.make(app)
            try await queue(app, f)
            #expect(try await delivery(app).failed == 1)
            let n = try #require(try await outbox(app).first)
            #expect(n.emailLastError?.contains("unencrypted") == true)
            #expect(try server.received().isEmpty)
        }
    }
}
