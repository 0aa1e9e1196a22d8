import Fluent
import Foundation
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: the demo council has entries to show")
struct DemoRegistersTests {
    @Test("The demo seeding fills the registers, and the public register still shows nothing private")
    func demo() async throws {
        try await withProbity { app, _ in
            _ = try await DemoSeeder.seed(app)
            #expect(try await DeclarationRecord.query(on: app.db).count() == 8)
            let leader = Browser(app)
            try await leader.signIn("cllr.okafor@demo.probity.test", password: DemoSeeder.password)
            let mine = try await leader.get("/registers")
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Freehold of 14 Abbey Road"))
            let published = try await Browser(app).get("/registers/public/demo")
            #expect(published.status == .ok)
            #expect(published.body.contains("Partner, Okafor"))
            for secret in ["Home address", "Flat 3, Brookside House", "Alex Morgan", "Close personal relationship"] {
                #expect(!published.body.contains(secret), "\(secret)")
            }
            let mo = Browser(app)
            try await mo.signIn("monitoring.officer@demo.probity.test", password: DemoSeeder.password)
            let all = try await mo.get("/registers/all")
            #expect(all.status == .ok)
            #expect(all.body.contains("Alex Morgan"))
            #expect(all.body.contains("Dr Helen Marsh"))
            let dispensations = try await mo.get("/registers/dispensations").body
            #expect(dispensations.contains("Every member has an interest in the scheme"))
        }
    }
}
