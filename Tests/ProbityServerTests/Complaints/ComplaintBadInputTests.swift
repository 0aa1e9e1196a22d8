import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: bad input is explained and saves nothing")
struct ComplaintBadInputTests {
    typealias W = ComplaintWorld

    @Test("The API answers problem+json naming each field, never a 500, and writes nothing", arguments: TestDatabase.all)
    func api(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let member = try await world.api(app, .memberB)
            let officer = world.ref(.highwaysOfficer)
            let cases: [(String?, String, HTTPResponseStatus, [String])] = [
                (nil, "application/json", .badRequest, []),
                ("not json", "application/json", .badRequest, []),
                ("[1,2]", "application/json", .badRequest, []),
                ("kind=complaint", "text/plain", .unsupportedMediaType, []),
                ("{}", "application/json", .unprocessableEntity, ["category", "details", "kind", "subject"]),
                (#"{"colour":"red","kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["colour"]),
                (#"{"kind":7,"subject":"\#(officer)","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["kind"]),
                (#"{"kind":"grumble","subject":"\#(officer)","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["kind"]),
                (#"{"kind":"complaint","subject":"officer:nobody","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["subject"]),
                (#"{"kind":"complaint","subject":"officer:\#(UUID())","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["subject"]),
                (#"{"kind":"complaint","subject":"\#(world.ref(.memberB))","category":"conduct","details":"x"}"#, "application/json", .unprocessableEntity, ["subject"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"rudeness","details":"x"}"#, "application/json", .unprocessableEntity, ["category"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"   "}"#, "application/json", .unprocessableEntity, ["details"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"\#(String(repeating: "a", count: 10_001))"}"#, "application/json", .unprocessableEntity, ["details"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x","dates":["2026-12-25"]}"#, "application/json", .unprocessableEntity, ["dates"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x","dates":["2026-02-30"]}"#, "application/json", .unprocessableEntity, ["dates"]),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x","dates":"2026-11-02"}"#, "application/json", .created, []),
                (#"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x","dates":[3]}"#, "application/json", .unprocessableEntity, ["dates"]),
                (#"{"kind":"improper-influence","subject":"\#(officer)","category":"other","details":"x"}"#, "application/json", .unprocessableEntity, ["kind"]),
            ]
            var created = 0
            for (body, type, status, fields) in cases {
                let reply = try await member.call(.POST, "/api/v1/complaints", json: body ?? "", contentType: type)
                #expect(reply.status == status, "\(body ?? "nil"): \(reply.body)")
                if status == .created { created += 1; continue }
                #expect(reply.isProblem, "\(body ?? "nil")")
                #expect(reply.errorFields.sorted() == fields, "\(body ?? "nil"): \(reply.body)")
            }
            #expect(try await ComplaintRecord.query(on: app.db).count() == created)
            #expect(try await ComplaintPerson.query(on: app.db).count() == created * 3)

            let assistant = APIClient(app: app, token: try await Fixtures.token(app, world.assistantEmail))
            let refused = try await assistant.call(.POST, "/api/v1/complaints",
                                                   json: #"{"kind":"complaint","subject":"\#(officer)","category":"conduct","details":"x"}"#)
            #expect(refused.status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.create").filter(\.$outcome == "refused").count() == 1)

            #expect(try await member.call(.GET, "/api/v1/complaints/not-a-uuid").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/complaints/\(UUID())").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/complaints?part=everything").status == .badRequest)
            #expect(try await member.call(.GET, "/api/v1/complaints?perPage=0").status == .badRequest)
            #expect(try await member.call(.POST, "/api/v1/complaints/\(UUID())/closure").status == .notFound)
            let id = try await world.complain(app, .memberB, about: .highwaysOfficer).id
            let director = try await world.api(app, .placeDirector)
            let wrongShape = try await director.call(.POST, "/api/v1/complaints/\(id)/acknowledgement", json: #"{"receipt":["a"],"intendedAction":"b","expectedTime":"c","extra":1}"#)
            #expect(wrongShape.status == .unprocessableEntity)
            #expect(wrongShape.errorFields == ["extra"])
            let disclosure = try await director.call(.POST, "/api/v1/complaints/\(id)/disclosures", json: #"{"kind":"everything"}"#)
            #expect(disclosure.errorFields == ["kind"])
            let noPerson = try await director.call(.POST, "/api/v1/complaints/\(id)/investigators", json: #"{"person":"member:\#(UUID())"}"#)
            #expect(noPerson.errorFields == ["person"])
        }
    }

    @Test("The form shows an error summary and a message beside each field, keeps what was typed and saves nothing", arguments: TestDatabase.all)
    func form(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "lc", profile: "london-councils")
            let browser = try await world.browser(app, .memberB)
            let form = try await browser.get("/complaints/new")
            #expect(form.status == .ok)
            #expect(form.body.contains("A Member must not insist, or be seen to insist, that the officer is disciplined"), "LC 13 guidance for members")
            #expect(form.body.contains("London Councils protocol 13 (Formal complaint by a Member about an officer)"))
            #expect(!form.body.contains("value=\"improper-influence\""), "members do not report improper influence")
            #expect(form.body.contains("must be acknowledged in writing by Mon 7 Dec 2026"))

            let bad = try await browser.post("/complaints", form: [("kind", "complaint"), ("subject", ""), ("category", ""),
                                                                   ("details", "He was rude to me."), ("dates", "2026-11-31")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("There is a problem"))
            for field in ["subject", "category", "dates"] {
                #expect(bad.body.contains("href=\"#\(field)\""), "\(field) in the summary")
                #expect(bad.body.contains("id=\"\(field)-error\""), "\(field) beside the field")
            }
            #expect(bad.body.contains(">He was rude to me.</textarea>"))
            #expect(bad.body.contains("value=\"2026-11-31\""))
            #expect(try await ComplaintRecord.query(on: app.db).count() == 0)

            let good = try await browser.post("/complaints", form: [("kind", "complaint"), ("subject", world.ref(.highwaysOfficer).description),
                                                                    ("category", "behaviour"), ("details", "He was rude to me."), ("dates", "2026-11-27")])
            #expect(good.status == .seeOther)
            let location = try #require(good.location)
            let confirmation = try await browser.get(location)
            #expect(confirmation.status == .ok)
            #expect(confirmation.body.contains("Recorded"))
            #expect(confirmation.body.contains("CMP-2026-0001"))
            #expect(confirmation.body.contains("Where it goes"))
            #expect(confirmation.body.contains("(London Councils protocol 13 (Formal complaint by a Member about an officer))"))
            #expect(confirmation.body.contains("It went to the subject director."))
            #expect(confirmation.body.contains("A Member must not insist"), "the guidance again, as the complaint goes in")

            let assistant = Browser(app)
            try await assistant.signIn(world.assistantEmail)
            #expect(try await assistant.get("/complaints/new").status == .forbidden)
            #expect(try await browser.get("/complaints/not-a-case").status == .notFound)
        }
    }
}
