import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: every kind of declaration through the API and the pages")
struct RegisterDeclarationTests {
    typealias W = RegisterWorld

    static func kinds(_ world: W) -> [(String, String)] {
        let officer = world.ref(.highwaysOfficer)
        return [
            ("Disclosable pecuniary interest (Land)", #"{"kind":"disclosable-pecuniary","category":"land","description":"Freehold of 1 High Street","land":["1 High Street"]}"#),
            ("Disclosable pecuniary interest (Employment, office, trade, profession or vocation)", #"{"kind":"disclosable-pecuniary","category":"employment","holder":"spouse-or-partner","relatedPersonName":"Sam Partner","description":"Spouse employed by Acme Widgets Ltd","bodies":["Acme Widgets Ltd"]}"#),
            ("Other registerable interest (Bodies directed to charitable purposes)", #"{"kind":"other-registerable","category":"charitable","description":"Trustee of Riverside Trust","bodies":["Riverside Trust"],"wards":["\#(world.wardID)"]}"#),
            ("Non-registerable interest", #"{"kind":"non-registerable","meetingID":"planning-2026-12-01","itemIDs":["3"],"description":"My neighbour is the applicant"}"#),
            ("Close personal relationship", #"{"kind":"close-relationship","with":"\#(officer)","nature":"partner"}"#),
            ("Relationship to a candidate", #"{"kind":"recruitment","candidateName":"Jo Bloggs","processID":"REC-42","post":"Head of Highways"}"#),
            ("Council tax arrears", #"{"kind":"restriction","restriction":"council-tax-arrears","months":3}"#),
            ("Council tenancy", #"{"kind":"restriction","restriction":"council-tenancy","address":"Flat 2, Tower Court","rentArrearsMonths":2}"#),
            ("Trade union office or employment", #"{"kind":"restriction","restriction":"trade-union","union":"UNISON","role":"official"}"#),
            ("Employment by another local authority", #"{"kind":"restriction","restriction":"other-authority-employment","authority":"Hackney Council"}"#),
            ("Politically restricted post", #"{"kind":"restriction","restriction":"politically-restricted-post","post":"Head of Policy","authority":"Newham Council"}"#),
        ]
    }

    @Test("A member makes, reads, lists, changes and withdraws each kind of entry through the API", arguments: TestDatabase.all)
    func api(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let member = try await world.api(app, .memberA)
            var ids: [String] = []
            for (label, json) in Self.kinds(world) {
                let reply = try await world.declare(app, .memberA, json)
                #expect(reply.string("label") == label)
                #expect(reply.string("status") == "current")
                #expect(reply.string("registeredOn") == "2026-11-30")
                ids.append(reply.id)
                let read = try await member.call(.GET, "/api/v1/declarations/\(reply.id)")
                #expect(read.status == .ok)
                #expect(read.string("declarant", "name") == world.name(.memberA))
            }
            let list = try await member.call(.GET, "/api/v1/declarations")
            guard case .array(let items)? = list["items"] else { Issue.record("no items"); return }
            #expect(items.count == ids.count)

            let spouse = try await member.call(.GET, "/api/v1/declarations/\(ids[1])")
            #expect(spouse.string("holder") == "spouse-or-partner")
            #expect(spouse.string("relatedPersonName") == "Sam Partner")

            let changed = try await member.call(.PATCH, "/api/v1/declarations/\(ids[0])", json: #"{"description":"Freehold of 1 and 3 High Street","ceasedOn":"2027-01-31"}"#)
            #expect(changed.status == .ok, "\(changed.body)")
            #expect(changed.string("description") == "Freehold of 1 and 3 High Street")
            #expect(changed.string("ceasedOn") == "2027-01-31")
            #expect(changed.string("category") == "land", "what the patch does not give is kept")

            let recruitment = try await member.call(.PATCH, "/api/v1/declarations/\(ids[5])", json: #"{"kind":"restriction"}"#)
            #expect(recruitment.status == .unprocessableEntity)
            #expect(recruitment.errorFields == ["kind"])

            let withdrawn = try await member.call(.POST, "/api/v1/declarations/\(ids[3])/withdrawal")
            #expect(withdrawn.status == .ok, "\(withdrawn.body)")
            let again = try await member.call(.GET, "/api/v1/declarations/\(ids[3])")
            #expect(again.string("status") == "withdrawn")
            #expect(try await member.call(.POST, "/api/v1/declarations/\(ids[3])/withdrawal").status == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "declaration.create").count() == ids.count)

            // Officers register interests, relationships and links to candidates, never disclosable pecuniary interests.
            let officer = try await world.declare(app, .highwaysOfficer, #"{"kind":"disclosable-pecuniary","category":"land","description":"A house"}"#, expect: .unprocessableEntity)
            #expect(officer.errorFields == ["kind"])
            try await world.declare(app, .highwaysOfficer, #"{"kind":"other-registerable","category":"other","description":"Director of a local football club","bodies":["Riverside FC"]}"#)
            try await world.declare(app, .highwaysOfficer, #"{"kind":"close-relationship","with":"\#(world.ref(.memberB))","nature":"close-friendship"}"#)
        }
    }

    @Test("Each kind is declared through the form and shown on My register with the 28-day deadline and its citation", arguments: TestDatabase.all)
    func pages(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            let browser = try await world.browser(app, .memberA)
            let officer = world.ref(.highwaysOfficer).description
            let forms: [(String, [(String, String)], String)] = [
                ("disclosable-pecuniary", [("category", "land"), ("holder", "self"), ("description", "Freehold of 1 High Street"), ("land", "1 High Street")], "Disclosable pecuniary interest (Land)"),
                ("disclosable-pecuniary", [("category", "securities"), ("holder", "spouse-or-partner"), ("relatedPersonName", "Sam Partner"), ("description", "Shares in Acme plc")], "Disclosable pecuniary interest (Securities)"),
                ("other-registerable", [("category", "charitable"), ("description", "Trustee of Riverside Trust"), ("bodies", "Riverside Trust")], "Other registerable interest (Bodies directed to charitable purposes)"),
                ("non-registerable", [("meetingID", "planning-2026-12-01"), ("itemIDs", "3"), ("description", "My neighbour is the applicant")], "Non-registerable interest"),
                ("close-relationship", [("with", officer), ("nature", "close-relative")], "Close personal relationship"),
                ("recruitment", [("candidateName", "Jo Bloggs"), ("processID", "REC-42"), ("post", "Head of Highways")], "Relationship to a candidate"),
                ("restriction", [("restriction", "council-tax-arrears"), ("months", "2")], "Council tax arrears"),
                ("restriction", [("restriction", "council-tenancy"), ("address", "Flat 2, Tower Court"), ("rentArrearsMonths", "0")], "Council tenancy"),
                ("restriction", [("restriction", "trade-union"), ("union", "GMB"), ("role", "employee")], "Trade union office or employment"),
                ("restriction", [("restriction", "other-authority-employment"), ("authority", "Hackney Council")], "Employment by another local authority"),
                ("restriction", [("restriction", "politically-restricted-post"), ("post", "Head of Policy"), ("authority", "Newham Council")], "Politically restricted post"),
            ]
            for (kind, fields, label) in forms {
                let form = try await browser.get("/registers/new?kind=\(kind)")
                #expect(form.status == .ok, "\(kind)")
                let saved = try await browser.post("/registers/declarations", form: [("kind", kind)] + fields)
                #expect(saved.status == .seeOther, "\(kind): \(saved.body.prefix(3000))")
                let shown = try await browser.get(try #require(saved.location))
                #expect(shown.status == .ok)
                #expect(shown.body.contains(label), "\(label)")
            }
            let mine = try await browser.get("/registers")
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Register a new interest, or a change to one, within 28 days."))
            #expect(mine.body.contains("Localism Act 2011 s.30(1)"))
            #expect(mine.body.contains("Trustee of Riverside Trust"))
            #expect(try await DeclarationRecord.query(on: app.db).count() == forms.count)

            // The Monitoring Officer records that the member took office: My register shows the last day with its citation.
            let mo = try await world.browser(app, .monitoringOfficer)
            _ = try await mo.get("/registers/all")
            let duty = try await mo.post("/registers/duties", form: [("person", world.ref(.memberA).description), ("trigger", "took-office"), ("date", "2026-11-30")])
            #expect(duty.status == .seeOther, "\(duty.body.prefix(2000))")
            let withDuty = try await browser.get("/registers")
            #expect(withDuty.body.contains("Register by Sunday 27 December 2026: 28 days beginning with Monday 30 November 2026"))
            #expect(withDuty.body.contains("Localism Act 2011 s.30(1)"))
            #expect(withDuty.body.contains("Due: 27 days left"))

            // Change through the form, then withdraw.
            let first = try #require(try await DeclarationRecord.query(on: app.db).filter(\.$kind == "other-registerable").first())
            let id = try first.requireID().uuidString.lowercased()
            let edit = try await browser.get("/registers/declarations/\(id)/edit")
            #expect(edit.status == .ok)
            #expect(edit.body.contains("Trustee of Riverside Trust"))
            let changed = try await browser.post("/registers/declarations/\(id)", form: [("kind", "other-registerable"), ("category", "charitable"), ("description", "Chair of Riverside Trust")])
            #expect(changed.status == .seeOther, "\(changed.body.prefix(2000))")
            #expect(try await browser.get("/registers/declarations/\(id)").body.contains("Chair of Riverside Trust"))
            #expect(try await browser.post("/registers/declarations/\(id)/withdraw", form: []).status == .seeOther)
            #expect(try await browser.get("/registers/declarations/\(id)").body.contains("Withdrawn"))
        }
    }
}
