import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("Sign-in, sessions and lockout")
struct SignInTests {
    @Test("A correct sign-in starts a hardened session", arguments: TestDatabase.all)
    func signInSucceeds(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            let result = try await browser.signIn(f.north.memberEmail)
            #expect(result.status == .seeOther)
            let cookie = try #require(browser.lastSetCookies.first { $0.hasPrefix("\(ActorAuthenticator.sessionCookie)=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain-HTTP deployments cannot use Secure cookies")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Welcome"))
        }
    }

    @Test("Cookies are Secure when Probity is published over TLS")
    func secureCookies() async throws {
        try await withProbity(configure: { $0.publicURL = "https://probity.example.gov.uk" }) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            _ = try await browser.signIn(f.north.memberEmail)
            let cookie = try #require(browser.lastSetCookies.first { $0.hasPrefix("\(ActorAuthenticator.sessionCookie)=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("A wrong password and an unknown address get the same answer", arguments: TestDatabase.all)
    func failuresDoNotRevealAccounts(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let wrong = try await Browser(app).signIn(f.north.memberEmail, password: "not the password at all")
            let unknown = try await Browser(app).signIn("nobody@north.test", password: "not the password at all")
            #expect(wrong.status == .unprocessableEntity)
            #expect(unknown.status == .unprocessableEntity)
            func message(_ body: String) -> String? {
                body.range(of: #"<p id="email-error"[^<]*<span[^<]*</span>[^<]*"#, options: .regularExpression).map { String(body[$0]) }
            }
            #expect(message(wrong.body) != nil)
            #expect(message(wrong.body) == message(unknown.body))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "auth.sign-in.failed").count() == 2)
        }
    }

    @Test("Repeated failures lock the address, even for the right password, until the lockout ends", arguments: TestDatabase.all)
    func lockout(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, clock in
            let f = try await Fixtures.make(app)
            let threshold = app.probity.settings.lockoutThreshold
            for _ in 0..<threshold {
                _ = try await Browser(app).signIn(f.north.memberEmail, password: "wrong password guess")
            }
            let locked = try await Browser(app).signIn(f.north.memberEmail)
            #expect(locked.status == .unprocessableEntity, "the right password is refused while locked")
            // An unknown address locks just the same, so lockout does not reveal which accounts exist.
            for _ in 0..<threshold {
                _ = try await Browser(app).signIn("ghost@north.test", password: "wrong password guess")
            }
            let throttles = try await SignInThrottle.query(on: app.db).all()
            #expect(throttles.count == 2)
            #expect(throttles.allSatisfy { $0.lockedUntil != nil })

            clock.advance(app.probity.settings.lockoutDuration + 1)
            let after = try await Browser(app).signIn(f.north.memberEmail)
            #expect(after.status == .seeOther)
        }
    }

    @Test("Too many attempts from one client are slowed down")
    func rateLimit() async throws {
        try await withProbity(configure: { $0.signInAttemptsPerMinute = 3 }) { app, _ in
            let f = try await Fixtures.make(app)
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<4 {
                statuses.append(try await Browser(app).signIn(f.north.memberEmail, password: "wrong password guess").status)
            }
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test("Sessions end after the idle timeout and after the absolute timeout", arguments: TestDatabase.all)
    func timeouts(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, clock in
            let f = try await Fixtures.make(app)
            let idle = Browser(app)
            _ = try await idle.signIn(f.north.memberEmail)
            clock.advance(app.probity.settings.sessionIdleTimeout + 1)
            let afterIdle = try await idle.get("/")
            #expect(afterIdle.status == .seeOther)
            #expect(afterIdle.location?.hasPrefix("/sign-in") == true)

            let busy = Browser(app)
            _ = try await busy.signIn(f.north.memberEmail)
            var elapsed: TimeInterval = 0
            while elapsed < app.probity.settings.sessionAbsoluteTimeout - 600 {
                clock.advance(600); elapsed += 600
                #expect(try await busy.get("/").status == .ok)
            }
            clock.advance(1200)
            #expect(try await busy.get("/").status == .seeOther)
        }
    }

    @Test("Signing in never keeps a session token planted before sign-in, and signing out ends the session", arguments: TestDatabase.all)
    func sessionRegeneratedAndEnded(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            browser.adopt(cookies: [ActorAuthenticator.sessionCookie: "planted-by-an-attacker"])
            _ = try await browser.signIn(f.north.memberEmail)
            let issued = try #require(browser.cookies[ActorAuthenticator.sessionCookie])
            #expect(issued != "planted-by-an-attacker")
            #expect(try await browser.get("/").status == .ok)
            // Sign-out ends the server-side session, so a copy of the cookie stops working.
            let stolen = Browser(app)
            stolen.adopt(cookies: browser.cookies)
            _ = try await browser.post("/sign-out", form: [])
            #expect(try await stolen.get("/").status == .seeOther)
        }
    }

    @Test("An administrator disabling a user ends their sessions and tokens at once", arguments: TestDatabase.all)
    func disableEndsSessions(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let member = Browser(app)
            _ = try await member.signIn(f.north.memberEmail)
            let token = try await Fixtures.token(app, f.north.memberEmail)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == f.north.memberEmail).first())
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let disabled = try await admin.call(.POST, "/api/v1/users/\(user.id!.uuidString.lowercased())/disable")
            #expect(disabled.status == .ok)
            #expect(try await member.get("/").status == .seeOther)
            #expect(try await APIClient(app: app, token: token).call(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await Browser(app).signIn(f.north.memberEmail).status == .unprocessableEntity)
        }
    }

    @Test("Sign out everywhere ends every session of the user", arguments: TestDatabase.all)
    func signOutEverywhere(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let laptop = Browser(app), phone = Browser(app)
            _ = try await laptop.signIn(f.north.memberEmail)
            _ = try await phone.signIn(f.north.memberEmail)
            _ = try await laptop.get("/account")
            _ = try await laptop.post("/account/sign-out-everywhere", form: [])
            #expect(try await phone.get("/").status == .seeOther)
            #expect(try await laptop.get("/").status == .seeOther)
        }
    }

    @Test("Only local paths are accepted as the place to go after signing in")
    func openRedirectRefused() {
        #expect(SignInController.safeNext("/directory") == "/directory")
        #expect(SignInController.safeNext("https://evil.example") == "/")
        #expect(SignInController.safeNext("//evil.example") == "/")
        #expect(SignInController.safeNext("/\\evil.example") == "/")
    }
}
