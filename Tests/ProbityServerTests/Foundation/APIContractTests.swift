import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("API contract: tokens, CSRF, problem+json and the OpenAPI document")
struct APIContractTests {
    @Test("Every API route is described in the published OpenAPI document")
    func everyRouteDocumented() async throws {
        try await withProbity { app, _ in
            let document = try await APIClient(app: app, token: nil).call(.GET, "/api/v1/openapi.json")
            #expect(document.status == .ok)
            #expect(document["openapi"] == .string("3.1.0"))
            guard case .object(let paths)? = document["paths"] else { Issue.record("no paths"); return }
            var missing: [String] = []
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") || path == "/healthz" || path == "/readyz" else { continue }
                let method = route.method.rawValue.lowercased()
                guard case .object(let operations)? = paths[path], operations[method] != nil else {
                    missing.append("\(method.uppercased()) \(path)")
                    continue
                }
            }
            #expect(missing.isEmpty, "not in the OpenAPI document: \(missing)")
            #expect(paths.count > 10)
        }
    }

    @Test("API calls without a token, or with a bad one, get 401 problem+json", arguments: TestDatabase.all)
    func tokenRequired(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            _ = try await Fixtures.make(app)
            let anonymous = try await APIClient(app: app, token: nil).call(.GET, "/api/v1/me")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.isProblem)
            #expect(anonymous["status"] == .number(401))
            let write = try await APIClient(app: app, token: nil).call(.POST, "/api/v1/directory/wards", json: #"{"name":"Anonymous Ward"}"#)
            #expect(write.status == .unauthorized, "a write without credentials is 401, not a CSRF refusal")
            #expect(write.isProblem)
            let bogus = try await APIClient(app: app, token: "pbt_not-a-real-token").call(.GET, "/api/v1/me")
            #expect(bogus.status == .unauthorized)
            #expect(bogus.isProblem)
        }
    }

    @Test("A personal token works until it is revoked", arguments: TestDatabase.all)
    func tokenLifecycle(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let first = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let me = try await first.call(.GET, "/api/v1/me")
            #expect(me.status == .ok)
            #expect(me.body.contains(f.north.memberEmail))

            let created = try await first.call(.POST, "/api/v1/tokens", json: #"{"name":"Laptop script"}"#)
            #expect(created.status == .created)
            guard case .string(let secret)? = created["token"] else { Issue.record("no token in \(created.body)"); return }
            #expect(secret.hasPrefix("pbt_"))
            // Only a hash is stored.
            #expect(try await APIToken.query(on: app.db).all().allSatisfy { $0.tokenHash != secret })
            let second = APIClient(app: app, token: secret)
            #expect(try await second.call(.GET, "/api/v1/me").status == .ok)

            guard case .object(let details)? = created["details"], case .string(let id)? = details["id"] else {
                Issue.record("no token id in \(created.body)"); return
            }
            #expect(try await first.call(.DELETE, "/api/v1/tokens/\(id)").status == .noContent)
            #expect(try await second.call(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await first.call(.GET, "/api/v1/me").status == .ok)
        }
    }

    @Test("Another user's token cannot be revoked", arguments: TestDatabase.all)
    func tokenOfAnotherUser(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let created = try await member.call(.POST, "/api/v1/tokens", json: #"{"name":"Mine"}"#)
            guard case .object(let details)? = created["details"], case .string(let id)? = details["id"] else {
                Issue.record("no token id in \(created.body)"); return
            }
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            #expect(try await admin.call(.DELETE, "/api/v1/tokens/\(id)").status == .notFound)
        }
    }

    @Test("Forms posted without the session's CSRF token are refused and change nothing", arguments: TestDatabase.all)
    func csrfRejected(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            _ = try await browser.signIn(f.north.adminEmail)
            _ = try await browser.get("/directory/wards/new")
            let before = try await Ward.query(on: app.db).count()
            let missing = try await browser.post("/directory/wards", form: [("name", "Forged Ward")], csrf: false)
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post("/directory/wards", form: [("name", "Forged Ward"), ("csrf", "guessed")], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await Ward.query(on: app.db).count() == before)
            let real = try await browser.post("/directory/wards", form: [("name", "Real Ward")])
            #expect(real.status == .seeOther)
            #expect(try await Ward.query(on: app.db).count() == before + 1)
        }
    }

    @Test("Sign-in without its form token is refused")
    func signInCSRF() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            let page = try await browser.post("/sign-in", form: [("email", f.north.memberEmail), ("password", Fixtures.password)], csrf: false)
            #expect(page.status == .forbidden)
            #expect(browser.cookies[ActorAuthenticator.sessionCookie] == nil)
        }
    }

    @Test("Bad JSON, wrong types and invalid fields get problem+json and save nothing", arguments: TestDatabase.all)
    func badInput(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let before = try await Ward.query(on: app.db).count()

            let malformed = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name": "#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.isProblem)

            let wrongType = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name": 12}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.errorFields.contains("name"))

            let missing = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorFields.contains("name"))

            let notJSON = try await admin.call(.POST, "/api/v1/directory/wards", json: "name=x", contentType: "application/x-www-form-urlencoded")
            #expect(notJSON.status == .unsupportedMediaType || notJSON.status == .badRequest)
            #expect(notJSON.isProblem)

            let badID = try await admin.call(.GET, "/api/v1/directory/wards/not-a-uuid")
            #expect(badID.status == .notFound || badID.status == .badRequest)
            #expect(badID.isProblem)

            let nowhere = try await admin.call(.GET, "/api/v1/no-such-thing")
            #expect(nowhere.status == .notFound)
            #expect(nowhere.isProblem)

            #expect(try await Ward.query(on: app.db).count() == before)
        }
    }

    @Test("A CSV import with one bad row imports nothing and names the row", arguments: TestDatabase.all)
    func csvAllOrNothing(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let before = try await Ward.query(on: app.db).count()
            let bad = try await admin.call(.POST, "/api/v1/directory/wards/import",
                                           json: "name,gssCode\nAlpha,E05000002\n,E05000003\nGamma,E05000004\n", contentType: "text/csv")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.isProblem)
            #expect(bad.body.contains("3") || bad.body.contains("row"))
            #expect(try await Ward.query(on: app.db).count() == before)
            let good = try await admin.call(.POST, "/api/v1/directory/wards/import",
                                            json: "name,gssCode\nAlpha,E05000002\nGamma,E05000004\n", contentType: "text/csv")
            #expect(good.status == .created)
            #expect(try await Ward.query(on: app.db).count() == before + 2)
        }
    }

    @Test("Health and readiness answer", arguments: TestDatabase.all)
    func health(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let client = APIClient(app: app, token: nil)
            let health = try await client.call(.GET, "/healthz")
            let ready = try await client.call(.GET, "/readyz")
            #expect(health.status == .ok)
            #expect(ready.status == .ok)
        }
    }
}
