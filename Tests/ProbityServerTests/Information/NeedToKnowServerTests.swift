import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Need-to-know requests over HTTP")
struct NeedToKnowServerTests {
    typealias W = InformationWorld

    @Test("Request, grant: the member reads the document marked confidential to its purpose; nobody else learns of the request", arguments: TestDatabase.all)
    func grant(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let asked = try await world.ask(app, .memberB, for: .cabinetBudgetPartII)
            #expect(asked.status == .created, "\(asked.body)")
            let id = try #require(asked.string("id"))
            #expect(asked.string("status") == "submitted")
            #expect(asked.body.contains(world.id(.placeDirector).uuidString), "sent to the service's director (TH 12.22(i))")
            #expect(asked.string("freedomOfInformation") == "supply-without-formal-request")
            // The decider is told; nobody else is.
            #expect(try await Notification.query(on: app.db).filter(\.$category == "access-request.submitted").filter(\.$personID == world.id(.placeDirector)).count() == 1)
            // TH 12.19: other members, even of the same group, do not see it.
            let leaderB = try await world.api(app, .leaderB)
            #expect(try await leaderB.call(.GET, "/api/v1/access-requests/\(id)").status == .forbidden)
            #expect(try await leaderB.call(.GET, "/api/v1/access-requests")["items"] == .array([]))
            #expect(try await world.api(app, .highwaysHead).call(.GET, "/api/v1/access-requests/\(id)").status == .forbidden)
            // Only the decider decides.
            let wrong = try await world.api(app, .peopleDirector).call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"grant"}"#)
            #expect(wrong.status == .forbidden)
            let director = try await world.api(app, .placeDirector)
            let granted = try await director.call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"grant","purpose":"answering residents about the road closure"}"#)
            #expect(granted.status == .ok, "\(granted.body)")
            #expect(granted.string("status") == "granted")
            let memberB = try await world.api(app, .memberB)
            let read = try await memberB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))")
            #expect(read.status == .ok)
            if case .object(let access)? = read["access"] {
                #expect(access["basis"] == .string("need-to-know-release"))
                #expect(access["useLimitedTo"] == .string("answering residents about the road closure"))
                #expect(access["confidential"] == .bool(true))
            } else { Issue.record("no access") }
            let file = try await memberB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))/download")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: "X-Probity-Use-Limited-To") == "answering residents about the road closure")
            #expect(file.headers.first(name: .contentDisposition)?.contains("CONFIDENTIAL") == true)
            // The release is Member B's alone.
            #expect(try await leaderB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))").status == .forbidden)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "access-request.decided").filter(\.$personID == world.id(.memberB)).count() == 1)
            #expect(try await ReleaseRecord.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "access-request.granted").count() == 1)
            // A needless second request is refused.
            #expect(try await world.ask(app, .memberB, for: .cabinetBudgetPartII).status == .conflict)
            // Withdrawn: no longer readable.
            let revoked = try await director.call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"revoke","explanation":"The road closure is resolved."}"#)
            #expect(revoked.status == .ok, "\(revoked.body)")
            #expect(try await memberB.call(.GET, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))").status == .forbidden)
        }
    }

    @Test("Refusal is referred to the Corporate Director of Governance, who determines it; doubt is referred too", arguments: TestDatabase.all)
    func refuseAndRefer(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let director = try await world.api(app, .placeDirector)
            let governance = try await world.api(app, .governanceDirector)
            let first = try #require(try await world.ask(app, .memberB, for: .confidentialOrder).string("id"))
            let refused = try await director.call(.POST, "/api/v1/access-requests/\(first)/decision",
                                                  json: #"{"outcome":"refuse","ground":"not-reasonably-necessary","explanation":"The order concerns a matter outside the ward."}"#)
            #expect(refused.status == .ok, "\(refused.body)")
            #expect(refused.string("status") == "referred", "TH 12.22(ii): a refusal goes to the Corporate Director of Governance")
            #expect(refused.body.contains(world.id(.governanceDirector).uuidString))
            #expect(try await Notification.query(on: app.db).filter(\.$category == "access-request.referred").filter(\.$personID == world.id(.governanceDirector)).count() == 1)
            #expect(try await director.call(.POST, "/api/v1/access-requests/\(first)/decision", json: #"{"outcome":"grant"}"#).status == .forbidden,
                    "once referred, only the referee determines it")
            let final = try await governance.call(.POST, "/api/v1/access-requests/\(first)/decision",
                                                  json: #"{"outcome":"refuse","ground":"not-reasonably-necessary","explanation":"Agreed: not needed for the councillor's duties."}"#)
            #expect(final.string("status") == "refused")
            #expect(try await world.api(app, .memberB).call(.GET, "/api/v1/documents/\(world.doc(.confidentialOrder))").status == .forbidden)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "access-request.refused").count() == 2)

            let needless = try await world.ask(app, .memberB, for: .planningPartII, kind: "committee-work",
                                               reason: "I sit on the planning committee and this item is on our agenda next week.")
            #expect(needless.status == .conflict, "Member B sits on Planning: no request is needed")
            let doubtful = try #require(try await world.ask(app, .leaderB, for: .planningPartII).string("id"))
            let referred = try await director.call(.POST, "/api/v1/access-requests/\(doubtful)/decision", json: #"{"outcome":"refer","explanation":"Unclear whether the ward is affected."}"#)
            #expect(referred.string("status") == "referred", "\(referred.body)")
            let granted = try await governance.call(.POST, "/api/v1/access-requests/\(doubtful)/decision", json: #"{"outcome":"grant"}"#)
            #expect(granted.string("status") == "granted", "\(granted.body)")
            #expect(try await world.api(app, .leaderB).call(.GET, "/api/v1/documents/\(world.doc(.planningPartII))").status == .ok)
        }
    }

    @Test("A redacted release serves the redacted file, once filed and confirmed (TH 12.12)", arguments: TestDatabase.all)
    func redacted(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let director = try await world.api(app, .placeDirector)
            let id = try #require(try await world.ask(app, .memberB, for: .cabinetBudgetPartII).string("id"))
            let early = try await director.call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"grant-redacted","redactionConfirmed":true}"#)
            #expect(early.status == .unprocessableEntity)
            #expect(early.errorFields == ["outcome"])
            let filed = try await world.api(app, .highwaysOfficer).call(.POST, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))/redacted-version",
                json: #"{"redactionNote":"Contract prices removed.","file":{"filename":"budget-redacted.pdf","contentBase64":"\#(W.redactedPDF.base64EncodedString())"}}"#)
            #expect(filed.status == .ok, "\(filed.body)")
            let unconfirmed = try await director.call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"grant-redacted"}"#)
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.errorFields == ["redactionConfirmed"], "\(unconfirmed.body)")
            let granted = try await director.call(.POST, "/api/v1/access-requests/\(id)/decision", json: #"{"outcome":"grant-redacted","redactionConfirmed":true}"#)
            #expect(granted.status == .ok, "\(granted.body)")
            let file = try await world.api(app, .memberB).call(.GET, "/api/v1/documents/\(world.doc(.cabinetBudgetPartII))/download")
            #expect(file.status == .ok)
            #expect(file.body == String(decoding: W.redactedPDF, as: UTF8.self), "the redacted version, never the full one")
            #expect(file.headers.first(name: .contentDisposition)?.contains("REDACTED") == true)
        }
    }

    @Test("Fishing, another group's papers, personal records and an interest are refused and audited; nothing is written", arguments: TestDatabase.all)
    func refusedAtOnce(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            let fishing = try await world.ask(app, .memberB, for: .confidentialOrder, kind: "other", reason: "I am just interested to see what is there in the files.")
            #expect(fishing.status == .unprocessableEntity)
            #expect(fishing.errorFields == ["reason"])
            #expect(fishing.body.contains("12.11"), "\(fishing.body)")
            #expect(try await world.ask(app, .memberB, for: .groupAInternal).status == .forbidden)
            #expect(try await world.ask(app, .memberB, for: .personalRecord).status == .forbidden)
            #expect(try await world.ask(app, .memberB, for: .draftPolicy).status == .forbidden)
            #expect(try await world.ask(app, .memberA, for: .planningPartII).status == .forbidden, "an interested member (TH 12.7)")
            #expect(try await world.ask(app, .highwaysOfficer, for: .confidentialOrder).status == .forbidden, "officers do not make requests")
            #expect(try await NeedToKnowRecord.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "access-request.submit").filter(\.$outcome == "refused").count() == 6)
            // An assistant asks for the member they act for; the member, not the assistant, holds the release.
            let assistant = try await world.assistant(app)
            let made = try await assistant.call(.POST, "/api/v1/access-requests", json: #"{"document":"\#(world.doc(.confidentialOrder))","reasonKind":"portfolio","reason":"The councillor needs this order for the licensing review in her portfolio work.","actingFor":"\#(world.id(.memberA).uuidString)"}"#)
            #expect(made.status == .created, "\(made.body)")
            let notMine = try await assistant.call(.POST, "/api/v1/access-requests", json: #"{"document":"\#(world.doc(.confidentialOrder))","reasonKind":"portfolio","reason":"The councillor needs this order for the licensing review in his portfolio work.","actingFor":"\#(world.id(.leaderA).uuidString)"}"#)
            #expect(notMine.status == .forbidden)
        }
    }
}
