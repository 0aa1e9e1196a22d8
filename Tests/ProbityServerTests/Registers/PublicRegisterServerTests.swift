import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: the public register shows what the law makes public and nothing more")
struct PublicRegisterServerTests {
    typealias W = RegisterWorld

    static let secrets = ["9 Hidden Lane", "Sam Partner", "My neighbour is the applicant", "Jo Bloggs", "REC-42", "Flat 2, Tower Court",
                          "UNISON", "Council tax", "Newham Council", "Officer side business", "Riverside FC", "partner", "Close personal relationship"]

    @Test("Nothing sensitive, private, relational, restrictive or of officers appears in the HTML or the JSON, signed in or not", arguments: TestDatabase.all)
    func nothingPrivate(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await W.make(app)
            try await world.declare(app, .memberA, #"{"kind":"disclosable-pecuniary","category":"land","description":"Freehold of 1 High Street"}"#)
            try await world.declare(app, .memberA, #"{"kind":"disclosable-pecuniary","category":"land","description":"Home at 9 Hidden Lane","sensitive":true}"#)
            try await world.declare(app, .memberA, #"{"kind":"disclosable-pecuniary","category":"employment","holder":"spouse-or-partner","relatedPersonName":"Sam Partner","description":"Spouse is a director of Acme Widgets Ltd"}"#)
            try await world.declare(app, .memberA, #"{"kind":"non-registerable","meetingID":"m1","description":"My neighbour is the applicant"}"#)
            try await world.declare(app, .memberA, #"{"kind":"close-relationship","with":"\#(world.ref(.highwaysOfficer))","nature":"partner"}"#)
            try await world.declare(app, .memberA, #"{"kind":"recruitment","candidateName":"Jo Bloggs","processID":"REC-42","post":"Head of Highways"}"#)
            try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"council-tax-arrears","months":3}"#)
            try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"council-tenancy","address":"Flat 2, Tower Court","rentArrearsMonths":2}"#)
            try await world.declare(app, .memberA, #"{"kind":"restriction","restriction":"trade-union","union":"UNISON","role":"official"}"#)
            try await world.declare(app, .memberB, #"{"kind":"restriction","restriction":"politically-restricted-post","post":"Head of Policy","authority":"Newham Council"}"#)
            try await world.declare(app, .highwaysOfficer, #"{"kind":"other-registerable","category":"other","description":"Officer side business","bodies":["Riverside FC"]}"#)
            let withdrawn = try await world.declare(app, .memberB, #"{"kind":"other-registerable","category":"charitable","description":"Withdrawn entry text"}"#)
            #expect(try await world.api(app, .memberB).call(.POST, "/api/v1/declarations/\(withdrawn.id)/withdrawal").status == .ok)

            let anonymous = APIClient(app: app, token: nil)
            let json = try await anonymous.call(.GET, "/api/v1/registers/th/public")
            #expect(json.status == .ok, "\(json.body)")
            let page = try await Browser(app).get("/registers/public/th")
            #expect(page.status == .ok)
            let signedIn = try await world.browser(app, .leaderB).get("/registers/public/th")
            for body in [json.body, page.body, signedIn.body] {
                #expect(body.contains("Freehold of 1 High Street"))
                #expect(body.contains("Spouse is a director of Acme Widgets Ltd"))
                #expect(body.contains("The member has an interest whose details are withheld under section 32(2) of the Localism Act 2011"))
                for secret in Self.secrets + ["Withdrawn entry text"] { #expect(!body.contains(secret), "\(secret) must not be published") }
                #expect(!body.contains(world.name(.highwaysOfficer)), "officers are not on the members' register")
            }
            #expect(page.body.contains(world.name(.memberA)))
            #expect(try await anonymous.call(.GET, "/api/v1/registers/nowhere/public").status == .notFound)
            #expect(try await Browser(app).get("/registers/public/nowhere").status == .notFound)

            // The Monitoring Officer refuses the sensitivity request: then it is published in full.
            let mo = try await world.api(app, .monitoringOfficer)
            let hidden = try #require(try await DeclarationRecord.query(on: app.db).filter(\.$sensitivity == "requested").first())
            let hiddenID = try hidden.requireID().uuidString
            #expect(try await world.api(app, .memberA).call(.POST, "/api/v1/declarations/\(hiddenID)/sensitivity", json: #"{"decision":"agreed"}"#).status == .forbidden)
            #expect(try await world.refusals(app, "declaration.sensitivity") == 1)
            #expect(try await mo.call(.POST, "/api/v1/declarations/\(hiddenID)/sensitivity", json: #"{"decision":"agreed"}"#).status == .ok)
            #expect(!(try await anonymous.call(.GET, "/api/v1/registers/th/public").body.contains("9 Hidden Lane")))
            #expect(try await mo.call(.POST, "/api/v1/declarations/\(hiddenID)/sensitivity", json: #"{"decision":"refused"}"#).status == .ok)
            #expect(try await anonymous.call(.GET, "/api/v1/registers/th/public").body.contains("9 Hidden Lane"))
            #expect(try await world.messages(app, to: .memberA, category: "declaration.sensitivity").count == 2)
        }
    }
}
