import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("Protocol pages")
struct ProtocolPagesTests {
    @Test("The authority's protocol shows every rule with its citation", arguments: TestDatabase.all)
    func authorityProtocol(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let page = try await browser.get("/protocol")
            #expect(page.status == .ok)
            #expect(page.body.contains("London Borough of Tower Hamlets"))
            #expect(page.body.contains("Tower Hamlets protocol 13.5"))
            #expect(page.body.contains("Probity default (protocol silent)"))
            #expect(page.body.contains("enquiries.responseDeadline"))
            #expect(!page.body.contains("Override a rule with your authority"), "members cannot override rules")
        }
    }

    @Test("Any built-in profile can be read, and an unknown one is 404")
    func builtInProfiles() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            for (id, citation) in [("wigan", "Wigan protocol 6.2"), ("london-councils", "London Councils protocol"),
                                   ("leicestershire", "Leicestershire protocol"), ("hackney", "Hackney"), ("tower-hamlets", "Tower Hamlets protocol")] {
                let page = try await browser.get("/protocol/profiles/\(id)")
                #expect(page.status == .ok, "\(id)")
                #expect(page.body.contains(citation), "\(id)")
            }
            #expect(try await browser.get("/protocol/profiles/narnia").status == .notFound)
        }
    }

    @Test("Two profiles compare side by side; a bad choice is explained")
    func compare() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let page = try await browser.get("/protocol/compare?left=wigan&right=tower-hamlets")
            #expect(page.status == .ok)
            #expect(page.body.contains("Wigan protocol 6.2"))
            #expect(page.body.contains("Tower Hamlets protocol 13.5"))
            #expect(page.body.contains("rules differ"))
            // Both set 10 working days for a reply, so that rule is not among the differences.
            let differences = try await browser.get("/protocol/compare?left=wigan&right=tower-hamlets&differences=only")
            #expect(differences.status == .ok)
            #expect(!differences.body.contains("Tower Hamlets protocol 13.5"))
            #expect(differences.body.contains("Differs"))
            let bad = try await browser.get("/protocol/compare?left=narnia&right=wigan")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            #expect(bad.body.contains("Choose a protocol from the list"))
        }
    }

    @Test("Protocol pages need a signed-in user")
    func signInRequired() async throws {
        try await withProbity { app, _ in
            let page = try await Browser(app).get("/protocol")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/sign-in") == true)
        }
    }

    @Test("An administrator overrides a rule through the form; mistakes are shown on the form and nothing is saved", arguments: TestDatabase.all)
    func overrideForm(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = Browser(app)
            try await admin.signIn(f.north.adminEmail)
            _ = try await admin.get("/protocol/overrides")
            let bad = try await admin.post("/protocol/overrides", form: [("ruleId", "enquiries.responseDeadline"), ("yaml", "statement: \"Eight days.\"\nworkingDays: eight")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            #expect(bad.body.contains("workingDays: eight") , "the text typed is kept")
            #expect(try await RuleOverride.query(on: app.db).count() == 0)

            let yaml = "statement: \"A full reply within 8 working days.\"\ncite: {document: \"North Standards Committee resolution of 12 March 2026\", paragraphs: [\"3\"]}\nworkingDays: 8"
            let good = try await admin.post("/protocol/overrides", form: [("ruleId", "enquiries.responseDeadline"), ("yaml", yaml)])
            #expect(good.status == .seeOther)
            let page = try await admin.get("/protocol")
            #expect(page.body.contains("A full reply within 8 working days."))
            #expect(page.body.contains("North Standards Committee resolution of 12 March 2026"))
            #expect(page.body.contains("Authority&#39;s own version") || page.body.contains("Authority's own version"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "protocol.override.create").count() == 1)

            let member = Browser(app)
            try await member.signIn(f.north.memberEmail)
            #expect(try await member.get("/protocol/overrides").status == .forbidden)
        }
    }
}
