import Foundation
import Testing
@testable import ProbityCore

@Suite("Delegated-decision consultations")
struct ConsultationsTests {
    static func profile(_ name: String) throws -> ProtocolProfile { try #require(try BuiltInProfiles.named(name)) }

    @Test("Leicestershire offers advice from the CE, MO or CFO, referral to the Cabinet or the delegating body, or proceeding (LE 23–24)")
    func leicestershire() throws {
        #expect(Consultations.routes(try Self.profile("leicestershire")) == [
            .adviceChiefExecutive, .adviceMonitoringOfficer, .adviceChiefFinanceOfficer, .referToCabinet, .referToDelegatingBody, .proceed,
        ])
    }

    @Test("Tower Hamlets offers the Monitoring Officer or Chief Executive (TH 9.2), or proceeding: the decision is the officer's (TH 9.3)")
    func towerHamlets() throws {
        #expect(Consultations.routes(try Self.profile("tower-hamlets")) == [.adviceChiefExecutive, .adviceMonitoringOfficer, .proceed])
        #expect(Consultations.routes(try Self.profile("wigan")) == [.proceed], "the rule is not in force for Wigan")
    }

    @Test("A route is needed exactly when the views differ materially, and must be one offered")
    func check() throws {
        let th = try Self.profile("tower-hamlets")
        #expect(Consultations.check(divergent: false, route: nil, profile: th) == nil)
        #expect(Consultations.check(divergent: true, route: .adviceMonitoringOfficer, profile: th) == nil)
        #expect(Consultations.check(divergent: true, route: nil, profile: th) != nil)
        #expect(Consultations.check(divergent: false, route: .proceed, profile: th) != nil)
        #expect(Consultations.check(divergent: true, route: .referToCabinet, profile: th) != nil, "Tower Hamlets has no such route")
    }
}
