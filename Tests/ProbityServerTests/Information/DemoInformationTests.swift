import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Demo council: documents, a briefing and a confidence")
struct DemoInformationTests {
    @Test("The demo seeds a document of each class, readable only as the policy allows", arguments: TestDatabase.all)
    func demo(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let summary = try await DemoSeeder.seed(app)
            #expect(summary.created)
            #expect(try await DocumentRecord.query(on: app.db).count() == 5)
            #expect(try await BriefingRecordRow.query(on: app.db).count() == 1)
            #expect(try await ConfidenceRecord.query(on: app.db).count() == 1)
            let leader = APIClient(app: app, token: try await Fixtures.token(app, "cllr.okafor@demo.probity.test"))
            let opposition = APIClient(app: app, token: try await Fixtures.token(app, "cllr.hughes@demo.probity.test"))
            let mine = try await leader.call(.GET, "/api/v1/documents")
            #expect(mine.body.contains("budget amendment notes"))
            #expect(mine.body.contains("Housing allocations policy review"))
            let theirs = try await opposition.call(.GET, "/api/v1/documents")
            #expect(!theirs.body.contains("budget amendment notes"), "another group's papers are not even listed")
            #expect(!theirs.body.contains("Tenancy file"))
            #expect(try await opposition.call(.GET, "/api/v1/briefings")["items"] != .array([]))
            #expect(try await leader.call(.GET, "/api/v1/briefings")["items"] == .array([]))
            let head = APIClient(app: app, token: try await Fixtures.token(app, "head.highways@demo.probity.test"))
            #expect(try await head.call(.GET, "/api/v1/confidences")["items"] != .array([]))
        }
    }
}
