import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Information: bad input is explained and saves nothing")
struct InformationBadInputTests {
    typealias W = InformationWorld

    @Test("Documents, requests, confidences and briefings: problem+json naming each field, never a 500, nothing written", arguments: TestDatabase.all)
    func api(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, documents: false)
            let officer = try await world.api(app, .highwaysOfficer)
            let pdf = W.pdf.base64EncodedString()
            let file = #""file":{"filename":"a.pdf","contentBase64":"\#(pdf)"}"#
            let cases: [(String, HTTPResponseStatus, [String])] = [
                ("not json", .badRequest, []),
                ("{}", .unprocessableEntity, ["documentClass", "file", "title"]),
                (#"{"title":"T","documentClass":"public",\#(file),"colour":"red"}"#, .unprocessableEntity, ["colour"]),
                (#"{"title":7,"documentClass":"public",\#(file)}"#, .unprocessableEntity, ["title"]),
                (#"{"title":"T","documentClass":"secret",\#(file)}"#, .unprocessableEntity, ["documentClass"]),
                (#"{"title":"T","documentClass":"exempt",\#(file)}"#, .unprocessableEntity, ["exemptCategory"]),
                (#"{"title":"T","documentClass":"exempt","exemptCategory":9,\#(file)}"#, .unprocessableEntity, ["exemptCategory"]),
                (#"{"title":"T","documentClass":"exempt","exemptCategory":"3",\#(file)}"#, .unprocessableEntity, ["exemptCategory"]),
                (#"{"title":"T","documentClass":"public","exemptCategory":3,\#(file)}"#, .unprocessableEntity, ["exemptCategory"]),
                (#"{"title":"T","documentClass":"group-internal",\#(file)}"#, .unprocessableEntity, ["ownerGroup"]),
                (#"{"title":"T","documentClass":"public","committee":"\#(UUID())",\#(file)}"#, .unprocessableEntity, ["committee"]),
                (#"{"title":"T","documentClass":"public","subjects":"housing",\#(file)}"#, .unprocessableEntity, ["subjects"]),
                (#"{"title":"T","documentClass":"public","file":{"filename":"../../etc/passwd","contentBase64":"cm9vdDp4OjA6MA=="}}"#, .unprocessableEntity, ["file"]),
                (#"{"title":"T","documentClass":"public","file":{"filename":"a.exe","contentBase64":"TVqQAAMAAAAEAAAA"}}"#, .unprocessableEntity, ["file"]),
                (#"{"title":"T","documentClass":"public","file":{"filename":"a.pdf","contentBase64":"","size":1}}"#, .unprocessableEntity, ["file.size"]),
                (#"{"title":"T","documentClass":"public","file":"a.pdf"}"#, .unprocessableEntity, ["file"]),
            ]
            for (body, status, fields) in cases {
                let reply = try await officer.call(.POST, "/api/v1/documents", json: body)
                #expect(reply.status == status, "\(body): \(reply.body)")
                #expect(reply.isProblem, "\(body)")
                #expect(reply.errorFields.sorted() == fields, "\(body): \(reply.body)")
            }
            #expect(try await DocumentRecord.query(on: app.db).count() == 0)
            let member = try await world.api(app, .memberA)
            #expect(try await member.call(.POST, "/api/v1/documents", json: #"{"title":"T","documentClass":"public",\#(file)}"#).status == .forbidden)
            #expect(try await DocumentRecord.query(on: app.db).count() == 0)
            let good = try await officer.call(.POST, "/api/v1/documents", json: #"{"title":"T","documentClass":"exempt","exemptCategory":3,\#(file)}"#)
            let doc = try #require(good.string("id"), "\(good.body)")

            let requests: [(String, [String])] = [
                ("{}", ["document"]),
                (#"{"document":"\#(doc)","reasonKind":"whim","reason":"I need it for the ward problem in my area now."}"#, ["reasonKind"]),
                (#"{"document":"\#(doc)","reasonKind":"portfolio","reason":"  "}"#, ["reason"]),
                (#"{"document":"\#(doc)","reasonKind":"portfolio","reason":"need it"}"#, ["reason"]),
                (#"{"document":"\#(doc)","reasonKind":"ward-problem","reason":"Residents in my ward have complained about the works."}"#, ["ward"]),
                (#"{"document":"\#(doc)","reasonKind":"portfolio","reason":"x","why":1}"#, ["why"]),
                (#"{"document":"\#(UUID())","reasonKind":"portfolio","reason":"I need this for my portfolio work on the budget."}"#, ["document"]),
            ]
            for (body, fields) in requests {
                let reply = try await member.call(.POST, "/api/v1/access-requests", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.errorFields.sorted() == fields, "\(body): \(reply.body)")
            }
            #expect(try await NeedToKnowRecord.query(on: app.db).count() == 0)

            let asked = try await member.call(.POST, "/api/v1/access-requests", json: #"{"document":"\#(doc)","reasonKind":"portfolio","reason":"I need this for my portfolio work on the budget."}"#)
            let request = try #require(asked.string("id"), "\(asked.body)")
            let director = try await world.api(app, .placeDirector)
            for (body, fields) in [("{}", ["outcome"]), (#"{"outcome":"maybe"}"#, ["outcome"]), (#"{"outcome":"refuse"}"#, ["explanation", "ground"]),
                                   (#"{"outcome":"refuse","ground":"fishing","explanation":""}"#, ["explanation"]),
                                   (#"{"outcome":"grant","expiresOn":"next week"}"#, ["expiresOn"]), (#"{"outcome":"grant","extra":true}"#, ["extra"])] {
                let reply = try await director.call(.POST, "/api/v1/access-requests/\(request)/decision", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.errorFields.sorted() == fields, "\(body): \(reply.body)")
            }
            #expect(try await ReleaseRecord.query(on: app.db).count() == 0)
            #expect(try await NeedToKnowRecord.query(on: app.db).first()?.status == "submitted")

            for (body, fields) in [("{}", ["topic"]), (#"{"topic":"x","nonCouncillorsAttending":"agent"}"#, ["nonCouncillorsAttending"]),
                                   (#"{"topic":"x","service":"nope"}"#, ["service"]), (#"{"topic":"x","when":"tomorrow"}"#, ["when"])] {
                let reply = try await member.call(.POST, "/api/v1/briefings", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.errorFields.sorted() == fields, "\(body): \(reply.body)")
            }
            #expect(try await BriefingRecordRow.query(on: app.db).count() == 0)
            for (body, fields) in [("{}", ["member", "setting"]), (#"{"member":"\#(world.id(.memberA))","setting":"pub"}"#, ["setting"]),
                                   (#"{"member":"\#(world.id(.memberA))","setting":"writing","summary":""}"#, ["summary"]),
                                   (#"{"member":"\#(world.id(.independent))","setting":"writing","summary":"x"}"#, ["member"])] {
                let reply = try await officer.call(.POST, "/api/v1/confidences", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.errorFields.sorted() == fields, "\(body): \(reply.body)")
            }
            #expect(try await ConfidenceRecord.query(on: app.db).count() == 0)
            #expect(try await member.call(.GET, "/api/v1/documents/not-an-id").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/access-requests/\(UUID())").status == .notFound)
            #expect(try await member.call(.GET, "/api/v1/briefings/\(UUID())").status == .notFound)
        }
    }

    @Test("Forms show the error summary and a message beside each field, and save nothing", arguments: TestDatabase.all)
    func forms(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let member = try await world.base.browser(app, .memberB)
            #expect(try await member.get("/documents/\(world.doc(.cabinetBudgetPartII))").status == .forbidden)
            let page = try await member.post("/documents/\(world.doc(.cabinetBudgetPartII))/requests",
                                             form: [("reasonKind", "other"), ("reason", "I am just interested to see what is there.")])
            #expect(page.status == .unprocessableEntity, "\(page.body.suffix(3000))")
            #expect(page.body.contains("There is a problem"))
            #expect(page.body.contains("reason-error"))
            #expect(page.body.contains("I am just interested to see what is there."), "keeps what was typed")
            #expect(try await NeedToKnowRecord.query(on: app.db).count() == 0)
            let sent = try await member.post("/documents/\(world.doc(.cabinetBudgetPartII))/requests",
                                             form: [("reasonKind", "portfolio"), ("reason", "I need it to answer questions on the budget at the next council meeting.")])
            #expect(sent.status == .seeOther, "\(sent.body)")
            let decider = try await world.base.browser(app, .placeDirector)
            let id = try #require(sent.location?.split(separator: "/").last.map(String.init))
            let decision = try await decider.get("/access-requests/\(id)")
            #expect(decision.status == .ok, "\(decision.body.suffix(3000))")
            #expect(decision.body.contains("Corporate Director of Governance"))
            let bad = try await decider.post("/access-requests/\(id)/decision", form: [("outcome", "refuse")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("ground-error"))
            let ok = try await decider.post("/access-requests/\(id)/decision", form: [("outcome", "grant")])
            #expect(ok.status == .seeOther)
            let read = try await member.get("/documents/\(world.doc(.cabinetBudgetPartII))")
            #expect(read.status == .ok)
            #expect(read.body.contains("CONFIDENTIAL"))
            // Other pages render.
            let officer = try await world.base.browser(app, .highwaysOfficer)
            for path in ["/documents", "/documents/new", "/confidences", "/confidences/new", "/briefings", "/access-requests"] {
                #expect(try await officer.get(path).status == .ok, "\(path)")
            }
            for path in ["/documents", "/briefings", "/briefings/new", "/access-requests", "/confidences"] {
                #expect(try await member.get(path).status == .ok, "\(path)")
            }
            let briefing = try await member.post("/briefings", form: [("topic", "")])
            #expect(briefing.status == .unprocessableEntity)
            #expect(briefing.body.contains("topic-error"))
            let asked = try await member.post("/briefings", form: [("topic", "The budget timetable")])
            #expect(asked.status == .seeOther)
            let gate = try await world.base.browser(app, .chiefExecutive)
            let show = try await gate.get(asked.location ?? "/")
            #expect(show.status == .ok)
            #expect(show.body.contains("Assign the officer"))
            let record = try await officer.post("/confidences", form: [("member", ""), ("setting", "writing"), ("summary", "")])
            #expect(record.status == .unprocessableEntity)
            #expect(record.body.contains("member-error"))
            let recorded = try await officer.post("/confidences", form: [("member", world.id(.memberA).uuidString), ("setting", "writing"), ("summary", "The group will propose a new depot.")])
            #expect(recorded.status == .seeOther)
            let confidence = try await officer.get(recorded.location ?? "/")
            #expect(confidence.status == .ok, "\(confidence.body.suffix(2000))")
            #expect(confidence.body.contains("Refer to the Monitoring Officer"))
            let share = try await officer.post((recorded.location ?? "/") + "/share", form: [("officer", ""), ("necessity", "legality"), ("explanation", "")])
            #expect(share.status == .unprocessableEntity)
            #expect(share.body.contains("officer-error"))
            // The officer's own document page, with the redacted-version form; the briefing record form.
            let docPage = try await officer.get("/documents/\(world.doc(.cabinetBudgetPartII))")
            #expect(docPage.status == .ok, "\(docPage.body.suffix(2000))")
            #expect(docPage.body.contains("File the redacted version"))
            let briefingID = try #require(asked.location?.split(separator: "/").last.map(String.init))
            let assign = try await gate.post("/briefings/\(briefingID)/assign", form: [("officer", world.id(.highwaysOfficer).uuidString)])
            #expect(assign.status == .seeOther, "\(assign.body.suffix(2000))")
            #expect(try await officer.post("/briefings/\(briefingID)/held", form: [("officerLeftBeforePartyBusiness", "true")]).status == .seeOther)
            let briefingPage = try await officer.get("/briefings/\(briefingID)")
            #expect(briefingPage.status == .ok, "\(briefingPage.body.suffix(2000))")
            #expect(briefingPage.body.contains("Save the record"))
            let recommends = try await officer.post("/briefings/\(briefingID)/record", form: [("facts", "The budget is set in February."), ("option1Title", "Consult early"),
                                                                                            ("option1Merits", "We recommend this option")])
            #expect(recommends.status == .unprocessableEntity)
            #expect(recommends.body.contains("option1Merits-error"))
            #expect(try await officer.post("/briefings/\(briefingID)/record", form: [("facts", "The budget is set in February."), ("option1Title", "Consult early"),
                                                                                     ("option1Merits", "More time for responses")]).status == .seeOther)
            let groupPage = try await member.get("/briefings/\(briefingID)")
            #expect(groupPage.status == .ok)
            #expect(groupPage.body.contains("More time for responses"))
        }
    }
}
