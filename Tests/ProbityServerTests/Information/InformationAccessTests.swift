import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Documents: who reads what, over HTTP")
struct InformationAccessTests {
    typealias W = InformationWorld
    typealias Who = ComplaintWorld.Who

    enum Actor: Hashable, CustomStringConvertible {
        case person(Who)
        case assistant
        var description: String {
            switch self {
            case .person(let who): who.rawValue
            case .assistant: "assistant (for Member A)"
            }
        }
    }

    /// Written from the seeds, not from the policy: Tower Hamlets 12.6(ii) committee members;
    /// 12.6(iii) scrutiny within terms of reference for Cabinet Part II; 12.7 an interested member
    /// sees only what the public may; 12.13 drafts for the administration's group, personal records
    /// for no councillor; 12.14 no group sees another's papers; 12.23 an assistant acts for named
    /// members only. Officers: the holder, their managers, the Chief Executive, the Monitoring
    /// Officer and the officers who decide requests for it; never a group's papers nor another's
    /// personal records.
    static let holdersOfHighways: Set<Actor> = [.person(.highwaysOfficer), .person(.placeDirector), .person(.chiefExecutive),
                                               .person(.monitoringOfficer), .person(.governanceDirector)]
    static let oracle: [W.Doc: Set<Actor>] = [
        .planningPartII: holdersOfHighways.union([.person(.memberB)]),           // Member A sits on Planning but has an interest
        .cabinetHousingPartII: [.person(.leaderA), .person(.leaderB), .person(.caseworker), .person(.housingHead), .person(.chiefExecutive),
                                .person(.monitoringOfficer), .person(.governanceDirector)],
        .cabinetBudgetPartII: holdersOfHighways.union([.person(.leaderA)]),      // outside Leader B's scrutiny terms of reference
        .confidentialOrder: holdersOfHighways,
        .groupAInternal: [.person(.memberA), .person(.leaderA), .assistant, .person(.highwaysOfficer)],
        .groupBInternal: [.person(.memberB), .person(.leaderB), .person(.highwaysOfficer)],
        .draftPolicy: holdersOfHighways.union([.person(.memberA), .person(.leaderA), .assistant]),
        .personalRecord: [.person(.caseworker), .person(.housingHead), .person(.chiefExecutive)],
    ]
    static let actors: [Actor] = [.person(.memberA), .person(.leaderA), .person(.memberB), .person(.leaderB), .person(.independent), .assistant,
                                  .person(.highwaysOfficer), .person(.witnessOfficer), .person(.placeDirector), .person(.caseworker),
                                  .person(.housingHead), .person(.chiefExecutive), .person(.monitoringOfficer), .person(.governanceDirector)]

    func client(_ app: Application, _ world: W, _ actor: Actor) async throws -> APIClient {
        switch actor {
        case .person(let who): try await world.api(app, who)
        case .assistant: try await world.assistant(app)
        }
    }

    @Test("Every actor and document class: the page, the download and the list agree with the table from the seeds", arguments: TestDatabase.all)
    func oracleTable(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            var refusedReads = 0
            for actor in Self.actors {
                let api = try await client(app, world, actor)
                let list = try await api.call(.GET, "/api/v1/documents?perPage=200")
                #expect(list.status == .ok)
                var readable: Set<String> = []
                var listed: Set<String> = []
                if case .array(let items)? = list["items"] {
                    for case .object(let item) in items {
                        guard case .string(let raw)? = item["id"] else { continue }
                        let id = raw.lowercased()
                        listed.insert(id)
                        if case .object(let access)? = item["access"], access["allowed"] == .bool(true) { readable.insert(id) }
                    }
                }
                for doc in W.Doc.allCases {
                    let expected = doc == .publicReport || Self.oracle[doc]!.contains(actor)
                    let show = try await api.call(.GET, "/api/v1/documents/\(world.doc(doc))")
                    #expect(show.status == (expected ? .ok : .forbidden), "\(actor) reading \(doc): \(show.status) \(show.body)")
                    let file = try await api.call(.GET, "/api/v1/documents/\(world.doc(doc))/download")
                    #expect(file.status == (expected ? .ok : .forbidden), "\(actor) downloading \(doc): \(file.status)")
                    if expected {
                        #expect(file.body == String(decoding: W.pdf, as: UTF8.self))
                        let confidential = doc != .publicReport
                        #expect((file.headers.first(name: "X-Probity-Classification") == "CONFIDENTIAL") == confidential, "\(actor) \(doc)")
                        #expect(file.headers.first(name: .contentDisposition)?.contains("CONFIDENTIAL") == confidential)
                    } else {
                        refusedReads += 1
                        #expect(show.isProblem)
                        #expect(!show.body.contains("\(doc.rawValue).pdf"), "a refusal gives nothing of the file away")
                    }
                    #expect(readable.contains(world.doc(doc)) == expected, "\(actor) list shows \(doc) readable: \(!expected)")
                    // Never even listed: another group's papers, personal records (TH 12.13-12.14), and for officers anything they cannot read.
                    if [.groupAInternal, .groupBInternal, .personalRecord].contains(doc) || { if case .person(let w) = actor { return !w.isMember }; return false }() {
                        #expect(listed.contains(world.doc(doc)) == expected, "\(actor) list names \(doc)")
                    }
                }
                if case .object(let page)? = list["page"] { #expect(page["total"] == .number(Double(listed.count)), "count equals what is listed") }
            }
            let audited = try await AuditEntry.query(on: app.db).filter(\.$outcome == "refused").filter(\.$action ~~ ["document.read", "document.download"]).count()
            #expect(audited == refusedReads * 2, "every refused read and download is audited")
            let reads = try await AuditEntry.query(on: app.db).filter(\.$outcome == "success").filter(\.$action == "document.download").count()
            #expect(reads > 0)
        }
    }

    @Test("An assistant reads only for a named member of their group, and says which", arguments: TestDatabase.all)
    func assistantActsForNamedMember(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let assistant = try await world.assistant(app)
            let memberA = world.id(.memberA).uuidString.lowercased(), leaderA = world.id(.leaderA).uuidString.lowercased()
            #expect(try await assistant.call(.GET, "/api/v1/documents/\(world.doc(.groupAInternal))?actingFor=\(memberA)").status == .ok)
            let other = try await assistant.call(.GET, "/api/v1/documents/\(world.doc(.groupAInternal))?actingFor=\(leaderA)")
            #expect(other.status == .forbidden, "Leader A is of the group but not named for this assistant")
            #expect(other.body.contains("12.23"))
            #expect(try await assistant.call(.GET, "/api/v1/documents?actingFor=not-an-id").status == .badRequest)
            // Leader A sees Cabinet papers; the assistant acting for Member A does not.
            #expect(try await assistant.call(.GET, "/api/v1/documents/\(world.doc(.cabinetHousingPartII))?actingFor=\(memberA)").status == .forbidden)
        }
    }

    @Test("A refusal gives its reasons and the paragraph, and a councillor is offered the need-to-know route and FOI", arguments: TestDatabase.all)
    func refusalExplains(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let memberB = try await world.api(app, .memberB)
            let group = try await memberB.call(.GET, "/api/v1/documents/\(world.doc(.groupAInternal))")
            #expect(group.status == .forbidden)
            #expect(group.body.contains("12.14"), "\(group.body)")
            let draft = try await memberB.call(.GET, "/api/v1/documents/\(world.doc(.draftPolicy))")
            #expect(draft.body.contains("12.13"), "\(draft.body)")
            let memberA = try await world.api(app, .memberA)
            // Leader B may read the Cabinet housing paper as a scrutiny member, until declaring an interest in housing.
            let leaderB = try await world.api(app, .leaderB)
            #expect(try await leaderB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetHousingPartII))").status == .ok)
            #expect(try await leaderB.call(.POST, "/api/v1/documents/interests", json: #"{"subjects":"housing"}"#).errorFields == ["subjects"])
            let declared = try await leaderB.call(.POST, "/api/v1/documents/interests", json: #"{"subjects":["Housing"]}"#)
            #expect(declared["subjects"] == .array([.string("housing")]), "\(declared.body)")
            #expect(try await leaderB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetHousingPartII))").status == .forbidden)
            #expect(try await world.api(app, .highwaysOfficer).call(.POST, "/api/v1/documents/interests", json: #"{"subjects":["housing"]}"#).status == .forbidden)
            let interest = try await memberA.call(.GET, "/api/v1/documents/\(world.doc(.planningPartII))")
            #expect(interest.status == .forbidden)
            #expect(interest.body.contains("private"), "\(interest.body)")
            // In the list the budget paper is askable, with the FOI route (Wigan 6.7 / TH 12.6(iv)) where anyone would be entitled.
            let list = try await memberB.call(.GET, "/api/v1/documents")
            guard case .array(let items)? = list["items"] else { Issue.record("no items"); return }
            let budget = items.first { if case .object(let o) = $0, case .string(let id)? = o["id"] { return id.lowercased() == world.doc(.cabinetBudgetPartII) }; return false }
            guard case .object(let o)? = budget, case .object(let access)? = o["access"] else { Issue.record("budget paper not listed as askable"); return }
            #expect(access["mayRequestNeedToKnow"] == .bool(true))
            #expect(access["freedomOfInformation"] == .string("supply-without-formal-request"))
            #expect(o["summary"] == nil || o["summary"] == .null, "nothing but the title of an unreadable document")
            // The page shows the request form and the reasons, with status 403.
            let browser = try await world.base.browser(app, .memberB)
            let page = try await browser.get("/documents/\(world.doc(.cabinetBudgetPartII))")
            #expect(page.status == .forbidden)
            #expect(page.body.contains("Ask to see it on a need-to-know basis"))
            #expect(page.body.contains("Freedom of Information"))
            let personal = try await browser.get("/documents/\(world.doc(.personalRecord))")
            #expect(personal.status == .forbidden)
            #expect(!personal.body.contains("Ask to see it"))
        }
    }
}
