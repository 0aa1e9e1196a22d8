import Foundation
import Testing
@testable import ProbityCore

@Suite("Media clearance")
struct MediaClearanceTests {
    static func profile(_ name: String) throws -> ProtocolProfile { try #require(try BuiltInProfiles.named(name)) }

    @Test("Tower Hamlets officers need Communications' clearance, except for advertising (TH 15.4); Leicestershire sets no such rule")
    func clearance() throws {
        #expect(MediaClearance.clearance(advertising: false, profile: try Self.profile("tower-hamlets"))?.citation.hasSuffix("15.4") == true)
        #expect(MediaClearance.clearance(advertising: true, profile: try Self.profile("tower-hamlets")) == nil)
        #expect(MediaClearance.clearance(advertising: false, profile: try Self.profile("leicestershire")) == nil)
    }

    @Test("Communications clears: the rule's recipients")
    func clearers() throws {
        let comms = UUID()
        let org = OrgSnapshot(officers: [.init(id: comms, name: "Press Officer", post: .officer, designations: [.communications]),
                                         .init(id: UUID(), name: "Other", post: .officer)])
        #expect(MediaClearance.clearers(try Self.profile("tower-hamlets"), org: org) == [.officer(comms)])
    }

    @Test("A press approach about wards is a ward matter where the protocol lists press approaches (LE 35; TH 15.2), not in Wigan")
    func wardMatter() throws {
        #expect(MediaClearance.becomesWardMatter(hasWards: true, profile: try Self.profile("leicestershire")))
        #expect(MediaClearance.becomesWardMatter(hasWards: true, profile: try Self.profile("tower-hamlets")))
        #expect(!MediaClearance.becomesWardMatter(hasWards: true, profile: try Self.profile("wigan")))
        #expect(!MediaClearance.becomesWardMatter(hasWards: false, profile: try Self.profile("leicestershire")))
    }
}
