import Foundation
import Testing
@testable import ProbityCore

@Suite("Letters in a member's name and department visits")
struct MemberCorrespondenceTests {
    static func profile(_ name: String) throws -> ProtocolProfile { try #require(try BuiltInProfiles.named(name)) }

    @Test("Wigan 7.2: a letter creating obligations or giving instructions needs delegated authority")
    func letters() throws {
        let wigan = try Self.profile("wigan")
        #expect(MemberCorrespondence.letterRefusal(createsObligations: true, givesInstructions: false, delegatedAuthority: nil, profile: wigan)?.citation.hasSuffix("7.2") == true)
        #expect(MemberCorrespondence.letterRefusal(createsObligations: false, givesInstructions: true, delegatedAuthority: "  ", profile: wigan) != nil)
        #expect(MemberCorrespondence.letterRefusal(createsObligations: true, givesInstructions: true, delegatedAuthority: "Cabinet 12/3/2026 min. 7", profile: wigan) == nil)
        #expect(MemberCorrespondence.letterRefusal(createsObligations: false, givesInstructions: false, delegatedAuthority: nil, profile: wigan) == nil)
        #expect(MemberCorrespondence.letterRefusal(createsObligations: true, givesInstructions: false, delegatedAuthority: nil, profile: try Self.profile("tower-hamlets")) == nil,
                "not in force for Tower Hamlets")
    }

    @Test("Wigan 4.6: the Chief Officer is told in advance, except for statutory inspections")
    func visits() throws {
        let wigan = try Self.profile("wigan")
        #expect(MemberCorrespondence.visitNotice(statutoryInspection: false, profile: wigan)?.citation.hasSuffix("4.6") == true)
        #expect(MemberCorrespondence.visitNotice(statutoryInspection: true, profile: wigan) == nil)
        #expect(MemberCorrespondence.visitNotice(statutoryInspection: false, profile: try Self.profile("tower-hamlets")) == nil)
    }
}
