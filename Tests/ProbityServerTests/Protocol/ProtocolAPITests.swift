import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("Protocol API")
struct ProtocolAPITests {
    @Test("The five built-in profiles are listed and readable as JSON")
    func listAndShow() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let api = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let list = try await api.call(.GET, "/api/v1/protocols")
            #expect(list.status == .ok)
            guard case .array(let items)? = list["items"] else { Issue.record("no items"); return }
            let ids = items.compactMap { item -> String? in if case .object(let o) = item, case .string(let id)? = o["id"] { return id }; return nil }
            #expect(Set(ids) == ["london-councils", "tower-hamlets", "wigan", "leicestershire", "hackney"])
            let wigan = try await api.call(.GET, "/api/v1/protocols/wigan")
            #expect(wigan.status == .ok)
            #expect(wigan["id"] == .string("wigan"))
            #expect(wigan.body.contains("\"workingDays\":10"))
            let missing = try await api.call(.GET, "/api/v1/protocols/narnia")
            #expect(missing.status == .notFound)
            #expect(missing.isProblem)
            let comparison = try await api.call(.GET, "/api/v1/protocols/wigan/compare/hackney?differences=only")
            #expect(comparison.status == .ok)
            #expect(comparison["left"] == .string("wigan"))
        }
    }

    @Test("A profile sent for checking gets every problem with its line")
    func check() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let api = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let bad = try await api.call(.POST, "/api/v1/protocols/check", json: "schemaVersion: 1\nid: Bad Id\nregion: mars\n", contentType: "application/yaml")
            #expect(bad.status == .ok)
            #expect(bad["valid"] == .bool(false))
            #expect(bad.body.contains("\"line\":2"))
            #expect(bad.body.contains("unknown region 'mars'"))
            let empty = try await api.call(.POST, "/api/v1/protocols/check", json: "", contentType: "application/yaml")
            #expect(empty.status == .badRequest)
            #expect(empty.isProblem)
        }
    }

    @Test("Overrides: administrators only, validated, scoped to the authority, and applied", arguments: TestDatabase.all)
    func overrides(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let southAdmin = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            let yaml = #"statement: \"A full reply within 8 working days.\"\ncite: {document: \"North resolution 2026/4\", paragraphs: [\"3\"]}\nworkingDays: 8"#
            let body = #"{"ruleId":"enquiries.responseDeadline","yaml":"\#(yaml)"}"#

            let refused = try await member.call(.POST, "/api/v1/protocol/overrides", json: body)
            #expect(refused.status == .forbidden)
            #expect(refused.isProblem)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "protocol.override.create").filter(\.$outcome == "refused").count() == 1)

            let unknownRule = try await admin.call(.POST, "/api/v1/protocol/overrides", json: #"{"ruleId":"enquiries.nope","yaml":"\#(yaml)"}"#)
            #expect(unknownRule.status == .unprocessableEntity)
            #expect(unknownRule.errorFields.contains("ruleId"))
            let invalid = try await admin.call(.POST, "/api/v1/protocol/overrides", json: #"{"ruleId":"enquiries.responseDeadline","yaml":"statement: x\nworkingDays: 400"}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.errorFields.contains("yaml"))
            let extra = try await admin.call(.POST, "/api/v1/protocol/overrides", json: #"{"ruleId":"x","yaml":"y","colour":"red"}"#)
            #expect(extra.status == .unprocessableEntity)
            #expect(extra.errorFields.contains("colour"))
            #expect(try await RuleOverride.query(on: app.db).count() == 0)

            let created = try await admin.call(.POST, "/api/v1/protocol/overrides", json: body)
            #expect(created.status == .created)
            let again = try await admin.call(.POST, "/api/v1/protocol/overrides", json: body)
            #expect(again.status == .unprocessableEntity, "one override per rule")

            let effective = try await member.call(.GET, "/api/v1/protocol")
            #expect(effective.status == .ok)
            #expect(effective.body.contains("A full reply within 8 working days."))
            #expect(effective["overriddenRuleIds"] == .array([.string("enquiries.responseDeadline")]))
            // South works to its own profile, untouched.
            let south = try await southAdmin.call(.GET, "/api/v1/protocol")
            #expect(!south.body.contains("A full reply within 8 working days."))
            #expect(try await southAdmin.call(.GET, "/api/v1/protocol/overrides").body == #"{"items":[]}"#)

            guard case .string(let id)? = created["id"] else { Issue.record("no id"); return }
            #expect(try await southAdmin.call(.DELETE, "/api/v1/protocol/overrides/\(id)").status == .notFound)
            #expect(try await admin.call(.DELETE, "/api/v1/protocol/overrides/\(id)").status == .noContent)
            #expect(!(try await member.call(.GET, "/api/v1/protocol")).body.contains("A full reply within 8 working days."))
        }
    }
}
