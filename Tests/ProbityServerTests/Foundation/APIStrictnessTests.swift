import Testing
import Vapor
@testable import ProbityServer

/// Findings of the API fuzzer (fuzz/baseline.json): what the OpenAPI document forbids is refused,
/// and what it promises holds.
@Suite("API strictness: requests the document forbids are refused")
struct APIStrictnessTests {
    @Test("An empty filter on the API is an error, not a silent 'any'; on a page it means no filter", arguments: TestDatabase.all)
    func emptyFilters(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let mo = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            for path in ["/api/v1/enquiries?service=", "/api/v1/enquiries?status=", "/api/v1/audit?to=", "/api/v1/audit?resource=%20", "/api/v1/audit?actor=%0C", "/api/v1/audit?resource=" + String(repeating: "0", count: 201)] {
                let reply = try await mo.call(.GET, path)
                #expect(reply.status == .badRequest, "\(path)")
                #expect(reply.isProblem, "\(path)")
                #expect(!reply.errorFields.isEmpty, "\(path) names the parameter")
            }
            #expect(try await mo.call(.GET, "/api/v1/enquiries").status == .ok)
            #expect(try await mo.call(.GET, "/api/v1/notifications?unread=null").status == .badRequest)
            #expect(try await mo.call(.GET, "/api/v1/notifications?unread=false").status == .ok)
            #expect(try await mo.call(.GET, "/api/v1/protocols/tower-hamlets/compare/london-councils?differences=null").status == .badRequest)
            #expect(try await mo.call(.GET, "/api/v1/protocols/tower-hamlets/compare/london-councils?differences=only").status == .ok)

            let browser = Browser(app)
            _ = try await browser.signIn(f.north.moEmail)
            #expect(try await browser.get("/enquiries?service=&status=").status == .ok)
            #expect(try await browser.get("/audit?to=&resource=").status == .ok)
        }
    }

    @Test("An empty string where the document wants an id or a pattern is refused; null clears", arguments: TestDatabase.all)
    func emptyStringsInBodies(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let before = try await admin.call(.GET, "/api/v1/directory/wards?perPage=200")
            let empty = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name":"Empty Code Ward","gssCode":""}"#)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.errorFields == ["gssCode"])
            let after = try await admin.call(.GET, "/api/v1/directory/wards?perPage=200")
            #expect(before["page"] == after["page"], "nothing was written")
            let null = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name":"Null Code Ward","gssCode":null}"#)
            #expect(null.status == .created)
        }
    }

    @Test("Lengths are counted as JSON Schema counts them, in code points", arguments: TestDatabase.all)
    func lengthsInCodePoints(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            // 120 letters each with a combining accent: 120 characters to Swift, 240 code points.
            let name = String(repeating: "e\u{301}", count: 120)
            let reply = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name":"\#(name)"}"#)
            #expect(reply.status == .unprocessableEntity)
            #expect(reply.errorFields == ["name"])
        }
    }

    @Test("The audit trail finds a record by its id in either case", arguments: TestDatabase.all)
    func auditResourceIDAnyCase(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let created = try await admin.call(.POST, "/api/v1/directory/wards", json: #"{"name":"Audited Ward"}"#)
            guard case .string(let id)? = created["id"] else { Issue.record("no id: \(created.body)"); return }
            let mo = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            for form in [id.lowercased(), id.uppercased()] {
                let found = try await mo.call(.GET, "/api/v1/audit?resource=\(form)")
                #expect(found.status == .ok)
                #expect(found.body.contains("Audited Ward") || found.body.localizedCaseInsensitiveContains(id), "found by \(form)")
                guard case .array(let items)? = found["items"] else { Issue.record("no items"); continue }
                #expect(!items.isEmpty, "found by \(form)")
            }
        }
    }
}

@Suite("Audit page: a wrong filter keeps what was typed")
struct AuditPageFilterTests {
    @Test("A date that is not a date is explained beside the field, and the other filters stay filled in", arguments: TestDatabase.all)
    func wrongDateKeepsFilters(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            _ = try await browser.signIn(f.north.moEmail)
            let page = try await browser.get("/audit?actor=Rivera&from=31-12-2026")
            #expect(page.status == .badRequest)
            #expect(page.body.contains("Enter the date as YYYY-MM-DD"))
            #expect(page.body.contains(#"value="Rivera""#))
            #expect(page.body.contains(#"value="31-12-2026""#))
        }
    }
}
