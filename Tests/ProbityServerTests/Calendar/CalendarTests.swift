import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("Calendar API and page")
struct CalendarTests {
    @Test("Bank holidays of each region, and clear errors for bad queries")
    func holidays() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let api = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let ew = try await api.call(.GET, "/api/v1/calendar/england-and-wales/holidays?from=2026-01-01&to=2026-12-31")
            #expect(ew.status == .ok)
            guard case .array(let items)? = ew.json else { Issue.record("not an array: \(ew.body)"); return }
            #expect(items.count == 8)
            #expect(ew.body.contains(#"{"date":"2026-12-28","notes":"Substitute day","title":"Boxing Day"}"#))
            let scotland = try await api.call(.GET, "/api/v1/calendar/scotland/holidays?from=2026-11-01&to=2026-11-30")
            #expect(scotland.body.contains("2026-11-30"))

            let region = try await api.call(.GET, "/api/v1/calendar/wales/holidays?from=2026-01-01&to=2026-12-31")
            #expect(region.status == .notFound)
            #expect(region.isProblem)
            let badDate = try await api.call(.GET, "/api/v1/calendar/scotland/holidays?from=2026-02-30&to=2026-12-31")
            #expect(badDate.status == .badRequest)
            #expect(badDate.errorFields == ["from"])
            let backwards = try await api.call(.GET, "/api/v1/calendar/scotland/holidays?from=2026-12-31&to=2026-01-01")
            #expect(backwards.status == .badRequest)
            #expect(backwards.errorFields == ["to"])
        }
    }

    @Test("Adding working days skips weekends and the region's holidays")
    func addWorkingDays() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let api = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let due = try await api.call(.GET, "/api/v1/calendar/england-and-wales/add-working-days?from=2026-12-18&days=10")
            #expect(due.status == .ok)
            #expect(due["due"] == .string("2027-01-06"))
            // Scotland also keeps 2 January (substituted to Monday 4 January in 2027).
            let scot = try await api.call(.GET, "/api/v1/calendar/scotland/add-working-days?from=2026-12-18&days=10")
            #expect(scot["due"] == .string("2027-01-07"))
            for bad in ["days=-1", "days=ten", "days=99999", "from=2026-13-01&days=3", "from=2026-12-01"] {
                let query = bad.hasPrefix("from") ? bad : "from=2026-12-01&\(bad)"
                let reply = try await api.call(.GET, "/api/v1/calendar/england-and-wales/add-working-days?\(query)")
                #expect(reply.status == .badRequest, "\(bad)")
                #expect(reply.isProblem)
            }
            let anonymous = try await APIClient(app: app, token: nil).call(.GET, "/api/v1/calendar/scotland/add-working-days?from=2026-12-18&days=10")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("Closure days count against deadlines; administrators only; scoped to the authority", arguments: TestDatabase.all)
    func closures(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let member = APIClient(app: app, token: try await Fixtures.token(app, f.north.memberEmail))
            let southAdmin = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            #expect(try await member.call(.GET, "/api/v1/calendar/due-date?from=2026-12-24&days=3")["due"] == .string("2026-12-31"))

            let refused = try await member.call(.POST, "/api/v1/calendar/closures", json: #"{"date":"2026-12-29","title":"Christmas shutdown"}"#)
            #expect(refused.status == .forbidden)
            for (body, field) in [(#"{"date":"2026-12-26","title":"Saturday"}"#, "date"),
                                  (#"{"date":"2026-12-25","title":"Christmas"}"#, "date"),
                                  (#"{"date":"29/12/2026","title":"Shutdown"}"#, "date"),
                                  (#"{"date":"2026-12-29","title":""}"#, "title"),
                                  (#"{"date":"2026-12-29"}"#, "title")] {
                let reply = try await admin.call(.POST, "/api/v1/calendar/closures", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body)")
                #expect(reply.errorFields.contains(field), "\(body): \(reply.body)")
            }
            #expect(try await ClosureDay.query(on: app.db).count() == 0)

            let created = try await admin.call(.POST, "/api/v1/calendar/closures", json: #"{"date":"2026-12-29","title":"Christmas shutdown"}"#)
            #expect(created.status == .created)
            let duplicate = try await admin.call(.POST, "/api/v1/calendar/closures", json: #"{"date":"2026-12-29","title":"Again"}"#)
            #expect(duplicate.status == .unprocessableEntity)
            #expect(try await member.call(.GET, "/api/v1/calendar/due-date?from=2026-12-24&days=3")["due"] == .string("2027-01-04"))
            // South's calendar is unaffected, and South cannot see or remove North's closure.
            #expect(try await southAdmin.call(.GET, "/api/v1/calendar/due-date?from=2026-12-24&days=3")["due"] == .string("2026-12-31"))
            #expect(try await southAdmin.call(.GET, "/api/v1/calendar/closures").body == #"{"items":[]}"#)
            guard case .string(let id)? = created["id"] else { Issue.record("no id"); return }
            #expect(try await southAdmin.call(.DELETE, "/api/v1/calendar/closures/\(id)").status == .notFound)
            #expect(try await admin.call(.DELETE, "/api/v1/calendar/closures/\(id)").status == .noContent)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action ~~ "calendar.closure").filter(\.$outcome == "success").count() == 2)
        }
    }

    @Test("The calendar page works out a due date and explains bad input on the form")
    func page() async throws {
        try await withProbity { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.memberEmail)
            let result = try await browser.get("/calendar?from=2026-12-18&days=10&year=2026")
            #expect(result.status == .ok)
            #expect(result.body.contains("Due Wed 6 Jan 2027"))
            #expect(result.body.contains("Boxing Day (substitute day)"))
            #expect(!result.body.contains("Add a closure day"), "members do not manage closures")
            let bad = try await browser.get("/calendar?from=18-12-2026&days=ten")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            #expect(bad.body.contains("id=\"from-error\""))
            #expect(bad.body.contains("id=\"days-error\""))

            let admin = Browser(app)
            try await admin.signIn(f.north.adminEmail)
            _ = try await admin.get("/calendar")
            let weekend = try await admin.post("/calendar/closures", form: [("date", "2026-12-26"), ("title", "Shutdown")])
            #expect(weekend.status == .unprocessableEntity)
            #expect(weekend.body.contains("id=\"date-error\""))
            let added = try await admin.post("/calendar/closures", form: [("date", "2026-12-29"), ("title", "Christmas shutdown")])
            #expect(added.status == .seeOther)
            let after = try await admin.get("/calendar?year=2026")
            #expect(after.body.contains("Christmas shutdown"))
        }
    }
}
