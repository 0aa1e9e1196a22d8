import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: the conflict check of a meeting, with dispensations, as JSON and as a printable page")
struct ConflictCheckServerTests {
    typealias W = RegisterWorld

    /// Member A: a disclosable pecuniary interest in land, a charity trusteeship, council tax
    /// arrears, a council tenancy in rent arrears, union office and a partner in Highways.
    /// Member B: a politically restricted post.
    func declareAll(_ app: Application, _ world: W) async throws {
        try await world.declare(app, .memberA, #"{"kind":"disclosable-pecuniary","category":"land","description":"Freehold of 1 High Street","land":["1 High Street"]}"#)
        try await world.declare(app, .memberA, #"{"kind":"other-registerable","category":"charitable","description":"Trustee of Riverside Trust","bodies":["Riverside Trust"]}"#)
        try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"council-tax-arrears","months":3}"#)
        try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"council-tenancy","address":"Flat 2, Tower Court","rentArrearsMonths":2}"#)
        try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"trade-union","union":"UNISON","role":"official"}"#)
        try await world.declare(app, .memberA, #"{"kind":"close-relationship","with":"\#(world.ref(.highwaysOfficer))","nature":"partner"}"#)
        try await world.declare(app, .memberB, #"{"kind":"restriction","restriction":"politically-restricted-post","post":"Head of Policy","authority":"Newham Council"}"#)
    }

    func meeting(_ world: W, participants: [W.Who]) -> String {
        let people = participants.map { #"{"person":"\#(world.ref($0))"}"# }.joined(separator: ",")
        return #"""
        {"kind":"committee-meeting","id":"place-2026-12-07","committee":"\#(world.committeeID)","date":"2026-12-07",
         "items":[
          {"id":"1","title":"Planning application at 1 High Street","land":["1 high street"]},
          {"id":"2","title":"Grant to the Riverside Trust","bodies":["The Riverside Trust Ltd"]},
          {"id":"3","title":"Council tax setting","councilTaxSetting":true},
          {"id":"4","title":"Housing rents 2027/28","housingRents":true},
          {"id":"5","title":"Pay and conditions","staffNegotiations":true},
          {"id":"6","title":"Highways restructure","people":["\#(world.ref(.highwaysOfficer))"]},
          {"id":"7","title":"Parks strategy","wards":["\#(world.wardID)"]}
         ],
         "participants":[\#(people)]}
        """#
    }

    /// participant → item → (outcome, the reasons' text).
    func outcomes(_ reply: APIClient.Reply) -> [String: [String: (String, String)]] {
        var result: [String: [String: (String, String)]] = [:]
        guard case .array(let rows)? = reply["participants"] else { return [:] }
        for case .object(let row) in rows {
            guard case .string(let person)? = row["person"], case .array(let items)? = row["items"] else { continue }
            for case .object(let item) in items {
                guard case .string(let id)? = item["itemID"], case .string(let outcome)? = item["outcome"] else { continue }
                let text = (try? String(decoding: JSONEncoder().encode(item["reasons"] ?? .null), as: UTF8.self)) ?? ""
                result[person, default: [:]][id] = (outcome, text)
            }
        }
        return result
    }

    @Test("Agenda items touching each kind of interest and restriction give the outcome the rules set, with citations; dispensations are honoured where the law allows", arguments: TestDatabase.all)
    func meetingCheck(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            try await declareAll(app, world)
            let mo = try await world.api(app, .monitoringOfficer)
            let reply = try await mo.call(.POST, "/api/v1/conflict-checks", json: meeting(world, participants: [.memberA, .memberB, .independent]))
            #expect(reply.status == .ok, "\(reply.body)")
            let table = outcomes(reply)
            let a = try #require(table[world.ref(.memberA).description])
            #expect(a["1"]?.0 == "must-withdraw")
            #expect(a["1"]?.1.contains("Localism Act 2011 s.31(4)") == true)
            #expect(a["2"]?.0 == "must-declare", "a registered charity trusteeship")
            #expect(a["3"]?.0 == "may-speak-not-vote", "council tax arrears of 3 months (s.106)")
            #expect(a["3"]?.1.contains("Local Government Finance Act 1992 s.106") == true)
            #expect(a["3"]?.1.contains("Tower Hamlets") == true, "TH 3.29 to 3.30 cited")
            #expect(a["4"]?.0 == "may-speak-not-vote", "council tenant 2 months in rent arrears (TH 3.28)")
            #expect(a["5"]?.0 == "must-withdraw", "a union official on staff negotiations (TH 14.9)")
            #expect(a["6"]?.0 == "must-withdraw", "a decision directly affecting a related officer (TH 5.3)")
            #expect(a["6"]?.1.contains("5.3") == true)
            #expect(a["7"]?.0 == "clear")
            let b = try #require(table[world.ref(.memberB).description])
            #expect(b.values.allSatisfy { $0.0 == "must-withdraw" }, "a politically restricted post bars every item")
            #expect(b["1"]?.1.contains("Local Government and Housing Act 1989 s.1(1)") == true)
            let independent = try #require(table[world.ref(.independent).description])
            #expect(independent.values.allSatisfy { $0.0 == "clear" })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "conflict-check.run").filter(\.$outcome == "success").count() == 1)

            // Dispensations: one for the land (discussion only), one for every member on council tax (which no dispensation lifts).
            let land = try await mo.call(.POST, "/api/v1/dispensations", json: #"{"grantee":"\#(world.ref(.memberA))","scope":"land","scopeValue":"1 High Street","terms":"discussion","ground":"inhabitants-interests","grantedOn":"2026-12-01","expiresOn":"2027-11-30","reasons":"The ward's only member on the committee."}"#)
            #expect(land.status == .created, "\(land.body)")
            #expect(try await world.messages(app, to: .memberA, category: "dispensation.granted").count == 1)
            let tax = try await mo.call(.POST, "/api/v1/dispensations", json: #"{"grantee":"all-members","scope":"council-tax-setting","terms":"discussion-and-vote","ground":"too-many-barred","expiresOn":"2027-03-31","reasons":"Budget meeting."}"#)
            #expect(tax.status == .created, "\(tax.body)")
            let eased = outcomes(try await mo.call(.POST, "/api/v1/conflict-checks", json: meeting(world, participants: [.memberA])))
            let ea = try #require(eased[world.ref(.memberA).description])
            #expect(ea["1"]?.0 == "may-speak-not-vote", "the dispensation lets the member speak but not vote")
            #expect(ea["1"]?.1.contains("Localism Act 2011 s.33") == true)
            #expect(ea["1"]?.1.contains(land.id) == true, "the dispensation is named")
            #expect(ea["3"]?.0 == "may-speak-not-vote")
            #expect(ea["3"]?.1.contains("no dispensation lifts this bar") == true)
            // Before it has effect, it does not apply.
            let early = outcomes(try await mo.call(.POST, "/api/v1/conflict-checks", json: meeting(world, participants: [.memberA]).replacingOccurrences(of: "2026-12-07", with: "2026-11-30")))
            #expect(early[world.ref(.memberA).description]?["1"]?.0 == "must-withdraw")
            // A member sees the dispensations granted to them.
            let mine = try await world.api(app, .memberA).call(.GET, "/api/v1/dispensations")
            #expect(mine.body.contains(land.id) && mine.body.contains(tax.id))
            #expect(!(try await world.api(app, .memberB).call(.GET, "/api/v1/dispensations").body.contains(land.id)))
        }
    }

    @Test("A committee's membership: no seat where a partner does significant work in its department (TH 14.15)", arguments: TestDatabase.all)
    func membership(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            try await declareAll(app, world)
            let mo = try await world.api(app, .monitoringOfficer)
            let reply = try await mo.call(.POST, "/api/v1/conflict-checks", json: #"{"kind":"committee-membership","committee":"\#(world.committeeID)","departments":["\#(world.place)"],"includeCommitteeMembers":true}"#)
            #expect(reply.status == .ok, "\(reply.body)")
            let table = outcomes(reply)
            let a = try #require(table[world.ref(.memberA).description]?.values.first)
            #expect(a.0 == "must-withdraw")
            #expect(a.1.contains("14.15"))
            #expect(table[world.ref(.chair).description]?.values.first?.0 == "clear")
            #expect(table.count == 3, "the committee's three members")

            // A delegated decision, taken by a member with a registered interest, and advised on by an officer with a significant one.
            try await world.declare(app, .highwaysHead, #"{"kind":"other-registerable","category":"other","description":"Director of Riverside Trust","bodies":["Riverside Trust"],"significant":true}"#)
            let decision = #"{"kind":"delegated-decision","title":"Grant to the Riverside Trust","date":"2026-12-02","items":[{"title":"Grant to the Riverside Trust","bodies":["Riverside Trust"]}],"participants":[{"person":"\#(world.ref(.memberA))","capacity":"decision-maker"},{"person":"\#(world.ref(.highwaysHead))"}]}"#
            let decided = try await mo.call(.POST, "/api/v1/conflict-checks", json: decision)
            #expect(decided.status == .ok, "\(decided.body)")
            let rows = outcomes(decided)
            #expect(rows[world.ref(.memberA).description]?.values.first?.0 == "must-declare")
            #expect(rows[world.ref(.highwaysHead).description]?.values.first?.0 == "must-withdraw", "an officer's significant interest (TH 4.17)")
            #expect(rows[world.ref(.highwaysHead).description]?.values.first?.1.contains("4.17") == true)

            // A recruitment panel: the HR director's determination decides.
            let link = try await world.declare(app, .highwaysHead, #"{"kind":"recruitment","candidateName":"Jo Bloggs","processID":"REC-42","post":"Highways Officer"}"#)
            let panel = #"{"kind":"recruitment-panel","processID":"REC-42","post":"Highways Officer","participants":[{"person":"\#(world.ref(.highwaysHead))","capacity":"panel-member"}]}"#
            #expect(outcomes(try await mo.call(.POST, "/api/v1/conflict-checks", json: panel))[world.ref(.highwaysHead).description]?["REC-42"]?.0 == "must-withdraw")
            _ = try await world.api(app, .hrDirector).call(.POST, "/api/v1/declarations/\(link.id)/determination", json: #"{"mayContinue":true}"#)
            #expect(outcomes(try await mo.call(.POST, "/api/v1/conflict-checks", json: panel))[world.ref(.highwaysHead).description]?["REC-42"]?.0 == "must-declare")
        }
    }

    @Test("Only the participant and the Monitoring Officer see a participant's check; refusals are audited; bad input is refused by field", arguments: TestDatabase.all)
    func refusals(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            try await declareAll(app, world)
            let memberB = try await world.api(app, .memberB)
            let refused = try await memberB.call(.POST, "/api/v1/conflict-checks", json: meeting(world, participants: [.memberA, .memberB]))
            #expect(refused.status == .forbidden)
            #expect(refused.isProblem)
            #expect(!refused.body.contains("UNISON"))
            #expect(try await world.refusals(app, "conflict-check.run") == 1)
            let own = try await memberB.call(.POST, "/api/v1/conflict-checks", json: meeting(world, participants: [.memberB]))
            #expect(own.status == .ok)

            let cases: [(String, [String])] = [
                (#"{}"#, ["kind", "participants"]),
                (#"{"kind":"committee-meeting","colour":"red","participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["colour"]),
                (#"{"kind":"committee-meeting","committee":"\#(UUID())","items":[{"title":"x"}],"participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["committee"]),
                (#"{"kind":"committee-meeting","committee":"\#(world.committeeID)","items":[{"title":""}],"participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["items[0].title"]),
                (#"{"kind":"committee-meeting","committee":"\#(world.committeeID)","items":[{"title":"x","land":["1 High St"],"wards":["nowhere"]}],"participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["items[0].wards"]),
                (#"{"kind":"committee-meeting","committee":"\#(world.committeeID)","items":[{"title":"x","land":"1 High St","councilTaxSetting":"yes"}],"participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["items[0].councilTaxSetting", "items[0].land"]),
                (#"{"kind":"committee-meeting","committee":"\#(world.committeeID)","items":[{"title":"x","size":3}],"participants":[{"person":"member:\#(UUID())"}]}"#, ["items[0].size", "participants[0].person"]),
                (#"{"kind":"delegated-decision","date":"2026-02-30","items":[],"participants":[{"person":"\#(world.ref(.memberB))","capacity":"boss"}]}"#, ["date", "participants[0].capacity", "title"]),
                (#"{"kind":"recruitment-panel","items":7,"participants":[{"person":"\#(world.ref(.memberB))"}]}"#, ["items", "post", "processID"]),
            ]
            for (body, fields) in cases {
                let reply = try await memberB.call(.POST, "/api/v1/conflict-checks", json: body)
                #expect(reply.status == .unprocessableEntity, "\(body): \(reply.body)")
                #expect(reply.isProblem)
                #expect(reply.errorFields.sorted() == fields.sorted(), "\(body): \(reply.body)")
            }
        }
    }

    @Test("The Monitoring Officer checks a meeting through the form and gets a printable page for the clerk", arguments: TestDatabase.all)
    func page(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            try await declareAll(app, world)
            try await world.declare(app, .memberB, #"{"kind":"disclosable-pecuniary","category":"land","description":"Home at 9 Hidden Lane","land":["9 Hidden Lane"],"sensitive":true}"#)
            let mo = try await world.browser(app, .monitoringOfficer)
            let form = try await mo.get("/registers/conflict-check")
            #expect(form.status == .ok)
            #expect(form.body.contains("Place Committee"))
            let report = try await mo.post("/registers/conflict-check", form: [
                ("kind", "committee-meeting"), ("committee", world.committeeID.uuidString.lowercased()), ("date", "2026-12-07"),
                ("includeCommitteeMembers", "true"),
                ("item1-title", "Planning application at 1 High Street"), ("item1-land", "1 High Street\n9 Hidden Lane"),
                ("item2-title", "Council tax setting"), ("item2-councilTaxSetting", "true"),
            ])
            #expect(report.status == .ok, "\(report.body.prefix(3000))")
            #expect(report.body.contains("Conflict check: Place Committee"))
            #expect(report.body.contains("For the clerk: item by item"))
            #expect(report.body.contains("Must withdraw"))
            #expect(report.body.contains("May speak, not vote"))
            #expect(report.body.contains("Localism Act 2011 s.31(4)"))
            #expect(report.body.contains("pb-conflict-participant"), "print layout")
            #expect(report.body.contains(world.name(.memberA)) && report.body.contains(world.name(.chair)))
            #expect(report.body.contains("details are withheld as sensitive"), "a sensitive interest is not described on the clerk's copy")

            let bad = try await mo.post("/registers/conflict-check", form: [("kind", "committee-meeting"), ("committee", ""), ("item1-title", "x")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("href=\"#committee\""))
            #expect(bad.body.contains("href=\"#participants\""))
            #expect(bad.body.contains("value=\"x\""), "what was typed is kept")
        }
    }
}
