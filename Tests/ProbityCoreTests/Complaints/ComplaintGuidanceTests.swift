import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint guidance")
struct ComplaintGuidanceTests {
    typealias F = ComplaintFixture

    @Test func londonCouncilsTellsMembersNotToInsistOnDiscipline() throws {
        let lc = try F.profile("london-councils")
        let members = ComplaintGuidance.items(for: .members, profile: lc)
        #expect(members.map(\.ruleId) == [
            "guidance.no-insisting-on-discipline", "guidance.no-insisting-on-director-discipline", "guidance.breach-by-formal-complaint",
        ])
        #expect(members.first?.citation == "London Councils protocol 13 (Formal complaint by a Member about an officer)")
        #expect(members.first?.statement.hasPrefix("A Member must not insist") == true)

        let officers = ComplaintGuidance.items(for: .officers, profile: lc)
        #expect(officers.map(\.ruleId) == ["guidance.witnesses-need-to-know", "guidance.breach-by-formal-complaint"])
        #expect(ComplaintGuidance.items(for: .everyone, profile: lc).map(\.ruleId) == ["guidance.breach-by-formal-complaint"])
    }

    @Test func wiganAndLeicestershireWarnAgainstPublicCriticism() throws {
        for (id, citation) in [("wigan", "Wigan protocol 4.1"), ("leicestershire", "Leicestershire protocol 9")] {
            let items = ComplaintGuidance.items(for: .members, profile: try F.profile(id))
            let item = try #require(items.first { $0.ruleId == "guidance.no-public-criticism" }, "\(id)")
            #expect(item.citation == citation)
            #expect(item.statement.contains("public"))
        }
    }

    @Test func onlyComplaintsGuidanceInForceIsShown() throws {
        var profile = try F.profile("london-councils")
        let index = try #require(profile.guidance.firstIndex { $0.parameters.key == "no-insisting-on-discipline" })
        profile.guidance[index].inForce = false
        #expect(!ComplaintGuidance.all(profile).contains { $0.ruleId == "guidance.no-insisting-on-discipline" })
        #expect(ComplaintGuidance.all(try F.profile("hackney")).isEmpty)
        #expect(ComplaintGuidance.all(profile).allSatisfy { profile.rule(withId: $0.ruleId)?.id == $0.ruleId })
    }
}
