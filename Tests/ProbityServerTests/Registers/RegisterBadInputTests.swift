import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: bad input is explained and saves nothing; refusals are audited; other authorities see nothing")
struct RegisterBadInputTests {
    typealias W = RegisterWorld

    @Test("The API answers 422 problem+json naming each field, never a 500, and writes nothing", arguments: TestDatabase.all)
    func api(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let member = try await world.api(app, .memberA)
            let officer = world.ref(.highwaysOfficer)
            let cases: [(String?, String, HTTPResponseStatus, [String])] = [
                (nil, "application/json", .badRequest, []),
                ("not json", "application/json", .badRequest, []),
                ("[1]", "application/json", .badRequest, []),
                ("kind=land", "text/plain", .unsupportedMediaType, []),
                ("{}", "application/json", .unprocessableEntity, ["kind"]),
                (#"{"kind":"disclosable-pecuniary","colour":"red","category":"land","description":"x"}"#, "application/json", .unprocessableEntity, ["colour"]),
                (#"{"kind":"disclosable-pecuniary"}"#, "application/json", .unprocessableEntity, ["category", "description"]),
                (#"{"kind":"disclosable-pecuniary","category":"yachts","description":"x"}"#, "application/json", .unprocessableEntity, ["category"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","holder":"spouse-or-partner","description":"x"}"#, "application/json", .unprocessableEntity, ["relatedPersonName"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","description":7}"#, "application/json", .unprocessableEntity, ["description"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","description":"x","sensitive":"maybe"}"#, "application/json", .unprocessableEntity, ["sensitive"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","description":"x","wards":["\#(UUID())"]}"#, "application/json", .unprocessableEntity, ["wards"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","description":"x","people":["officer:nobody"]}"#, "application/json", .unprocessableEntity, ["people"]),
                (#"{"kind":"disclosable-pecuniary","category":"land","description":"x","nature":"partner"}"#, "application/json", .unprocessableEntity, ["nature"]),
                (#"{"kind":"close-relationship","with":"officer:\#(UUID())","nature":"partner"}"#, "application/json", .unprocessableEntity, ["with"]),
                (#"{"kind":"close-relationship","with":"\#(world.ref(.memberA))","nature":"cousins"}"#, "application/json", .unprocessableEntity, ["nature"]),
                (#"{"kind":"close-relationship","with":"\#(world.ref(.memberA))","nature":"partner"}"#, "application/json", .unprocessableEntity, ["with"]),
                (#"{"kind":"recruitment","post":"Head of Highways"}"#, "application/json", .unprocessableEntity, ["candidateName", "processID"]),
                (#"{"kind":"restriction","restriction":"council-tax-arrears","months":-1}"#, "application/json", .unprocessableEntity, ["months"]),
                (#"{"kind":"restriction","restriction":"council-tax-arrears","months":"two"}"#, "application/json", .unprocessableEntity, ["months"]),
                (#"{"kind":"restriction","restriction":"council-tax-arrears","months":2.5}"#, "application/json", .unprocessableEntity, ["months"]),
                (#"{"kind":"restriction","restriction":"trade-union","role":"boss"}"#, "application/json", .unprocessableEntity, ["role", "union"]),
                (#"{"kind":"restriction","restriction":"jury-service"}"#, "application/json", .unprocessableEntity, ["restriction"]),
                (#"{"kind":"non-registerable","description":"x"}"#, "application/json", .unprocessableEntity, ["meetingID"]),
                (#"{"kind":"other-registerable","category":"other","description":"x","land":"1 High St","significant":"true","months":null}"#, "application/json", .unprocessableEntity, ["land", "months", "significant"]),
                (#"{"kind":"other-registerable","category":"other","description":"x","with":""}"#, "application/json", .unprocessableEntity, ["with"]),
                (#"{"kind":"other-registerable","category":"other","description":"x","ceasedOn":"2026-11-30"}"#, "application/json", .unprocessableEntity, ["ceasedOn"]),
                (#"{"kind":"other-registerable","category":"other","description":"\#(String(repeating: "a", count: 2_001))"}"#, "application/json", .unprocessableEntity, ["description"]),
            ]
            for (body, type, status, fields) in cases {
                let reply = try await member.call(.POST, "/api/v1/declarations", json: body ?? "", contentType: type)
                #expect(reply.status == status, "\(body ?? "nil"): \(reply.body)")
                #expect(reply.isProblem, "\(body ?? "nil")")
                #expect(reply.errorFields.sorted() == fields.sorted(), "\(body ?? "nil"): \(reply.body)")
            }
            #expect(try await DeclarationRecord.query(on: app.db).count() == 0)
            #expect(try await ProbityServer.Notification.query(on: app.db).count() == 0)

            // Changes are checked the same way and leave the entry as it was.
            let made = try await world.declare(app, .memberA, #"{"kind":"other-registerable","category":"other","description":"Member of the Rotary Club"}"#)
            let bad = try await member.call(.PATCH, "/api/v1/declarations/\(made.id)", json: #"{"description":"","unknown":true}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorFields == ["unknown"])
            let empty = try await member.call(.PATCH, "/api/v1/declarations/\(made.id)", json: #"{"description":""}"#)
            #expect(empty.errorFields == ["description"])
            #expect(try await member.call(.GET, "/api/v1/declarations/\(made.id)").string("description") == "Member of the Rotary Club")

            #expect(try await member.call(.GET, "/api/v1/declarations/not-an-id").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/declarations/\(UUID())").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/declarations?scope=everything").status == .badRequest)
            #expect(try await member.call(.GET, "/api/v1/declarations?perPage=0").status == .badRequest)
            #expect(try await APIClient(app: app, token: nil).call(.GET, "/api/v1/declarations").status == .unauthorized)

            // The Monitoring Officer keeps the register but does not edit entries.
            let mo = try await world.api(app, .monitoringOfficer)
            #expect(try await mo.call(.PATCH, "/api/v1/declarations/\(made.id)", json: #"{"description":"Edited"}"#).status == .forbidden)
            #expect(try await world.refusals(app, "declaration.update") == 1)

            // An assistant makes no declarations.
            let assistant = APIClient(app: app, token: try await Fixtures.token(app, world.world.assistantEmail))
            #expect(try await assistant.call(.POST, "/api/v1/declarations", json: #"{"kind":"other-registerable","category":"other","description":"x"}"#).status == .forbidden)
            #expect(try await world.refusals(app, "declaration.create") == 1)
        }
    }

    @Test("Only the Monitoring Officer records dispensations; bad dispensations are refused by field", arguments: TestDatabase.all)
    func dispensations(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let good = #"{"grantee":"\#(world.ref(.memberA))","scope":"any-business","terms":"discussion","ground":"otherwise-appropriate","expiresOn":"2027-06-30","reasons":"Budget"}"#
            for who in [W.Who.memberA, .chiefExecutive, .hrDirector] {
                let refused = try await world.api(app, who).call(.POST, "/api/v1/dispensations", json: good)
                #expect(refused.status == .forbidden, "\(who)")
                #expect(refused.isProblem)
            }
            #expect(try await world.refusals(app, "dispensation.create") == 3)
            let member = try await world.browser(app, .memberA)
            #expect(!(try await member.get("/registers/dispensations").body.contains("Record a dispensation")))
            #expect(try await member.post("/registers/dispensations", form: [("grantee", "all-members")]).status == .forbidden)
            #expect(try await world.refusals(app, "dispensation.create") == 4)

            let mo = try await world.api(app, .monitoringOfficer)
            let cases: [(String, [String])] = [
                ("{}", ["expiresOn", "grantee", "ground", "reasons", "scope", "terms"]),
                (#"{"grantee":"\#(world.ref(.highwaysOfficer))","scope":"any-business","terms":"discussion","ground":"otherwise-appropriate","expiresOn":"2027-06-30","reasons":"x"}"#, ["grantee"]),
                (#"{"grantee":"all-members","scope":"any-business","terms":"discussion","ground":"otherwise-appropriate","expiresOn":"2031-06-30","reasons":"x"}"#, ["expiresOn"]),
                (#"{"grantee":"all-members","scope":"any-business","terms":"discussion","ground":"otherwise-appropriate","grantedOn":"2027-01-01","expiresOn":"2026-12-31","reasons":"x"}"#, ["expiresOn"]),
                (#"{"grantee":"all-members","scope":"declaration","declarationID":"\#(UUID())","terms":"discussion","ground":"otherwise-appropriate","expiresOn":"2027-06-30","reasons":"x"}"#, ["declarationID"]),
                (#"{"grantee":"all-members","scope":"body","terms":"forever","ground":"because","expiresOn":"2027-06-30","reasons":"x","extra":1}"#, ["extra"]),
                (#"{"grantee":"all-members","scope":"body","terms":"forever","ground":"because","expiresOn":"2027-06-30","reasons":"x"}"#, ["ground", "scopeValue", "terms"]),
            ]
            for (body, fields) in cases {
                let reply = try await mo.call(.POST, "/api/v1/dispensations", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.errorFields.sorted() == fields.sorted(), "\(body): \(reply.body)")
            }
            #expect(try await DispensationRecord.query(on: app.db).count() == 0)
            #expect(try await mo.call(.POST, "/api/v1/dispensations", json: good).status == .created)

            // The page form shows the errors beside the fields.
            let page = try await world.browser(app, .monitoringOfficer)
            _ = try await page.get("/registers/dispensations")
            let bad = try await page.post("/registers/dispensations", form: [("grantee", "all-members"), ("scope", "land"), ("reasons", "Because")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("href=\"#scopeValue\"") && bad.body.contains("id=\"expiresOn-error\""))
            #expect(bad.body.contains(">Because</textarea>"))
            #expect(try await DispensationRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("The form shows an error summary and a message beside each field, keeps what was typed and saves nothing", arguments: TestDatabase.all)
    func form(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let browser = try await world.browser(app, .memberA)
            _ = try await browser.get("/registers/new?kind=disclosable-pecuniary")
            let bad = try await browser.post("/registers/declarations", form: [("kind", "disclosable-pecuniary"), ("holder", "spouse-or-partner"),
                                                                              ("description", "Shares in Acme plc"), ("land", "1 High Street")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            for field in ["category", "relatedPersonName"] {
                #expect(bad.body.contains("href=\"#\(field)\""), "\(field) in the summary")
                #expect(bad.body.contains("id=\"\(field)-error\""), "\(field) beside the field")
            }
            #expect(bad.body.contains(#"id="category" name="category" aria-describedby="category-error""#), "the select names its error")
            #expect(bad.body.contains(#"aria-describedby="description-hint""#), "the description names its hint")
            #expect(bad.body.contains(">Shares in Acme plc</textarea>"))
            #expect(bad.body.contains(">1 High Street</textarea>"))
            let restriction = try await browser.post("/registers/declarations", form: [("kind", "restriction"), ("restriction", "council-tax-arrears"), ("months", "lots")])
            #expect(restriction.status == .unprocessableEntity)
            #expect(restriction.body.contains("id=\"months-error\""))
            #expect(try await DeclarationRecord.query(on: app.db).count() == 0)
            #expect(try await browser.get("/registers/declarations/\(UUID())").status == .notFound)
            #expect(try await browser.get("/registers/all").status == .forbidden)
            #expect(try await world.refusals(app, "declaration.list") == 1)
        }
    }

    @Test("Another authority's entries, dispensations and committees are not found", arguments: TestDatabase.all)
    func tenancy(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let north = try await W.make(app, slug: "th", profile: "tower-hamlets")
            let south = try await W.make(app, slug: "lc", profile: "london-councils")
            let entry = try await north.declare(app, .memberA, #"{"kind":"close-relationship","with":"\#(north.ref(.highwaysOfficer))","nature":"partner"}"#)
            let southMO = try await south.api(app, .monitoringOfficer)
            #expect(try await southMO.call(.GET, "/api/v1/declarations/\(entry.id)").status == .notFound)
            #expect(try await southMO.call(.PATCH, "/api/v1/declarations/\(entry.id)", json: #"{"nature":"business"}"#).status == .notFound)
            #expect(try await southMO.call(.POST, "/api/v1/declarations/\(entry.id)/withdrawal").status == .notFound)
            let all = try await southMO.call(.GET, "/api/v1/declarations?scope=all")
            #expect(!all.body.contains(entry.id))
            #expect(all.body.contains("\"total\":0"))
            // A southern member cannot be made a participant of a northern check, nor a northern committee used.
            let check = try await southMO.call(.POST, "/api/v1/conflict-checks", json: #"{"kind":"committee-membership","committee":"\#(north.committeeID)","participants":[{"person":"\#(north.ref(.memberA))"}]}"#)
            #expect(check.status == .unprocessableEntity)
            #expect(check.errorFields.sorted() == ["committee", "participants[0].person"])
            #expect(try await south.browser(app, .monitoringOfficer).get("/registers/declarations/\(entry.id)").status == .notFound)
        }
    }
}
