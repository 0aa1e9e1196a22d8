import Foundation
import Testing
@testable import ProbityCore

@Suite("Register routing: who receives a declaration")
struct RegisterRoutingTests {
    typealias F = RegisterFixture

    static func route(_ declaration: Declaration, _ profileID: String) throws -> DeclarationRoute {
        DeclarationRouting.route(declaration, profile: try F.profile(profileID), org: F.org)
    }

    @Test func londonCouncilsMembersTellTheirGroupLeaderAndOfficersTheChiefExecutive() throws {
        let member = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship), "london-councils")
        #expect(member.to == [F.leaderA])
        #expect(member.informed.isEmpty)
        #expect(member.rules.first?.citation == "London Councils protocol 9")
        let officer = try Self.route(F.relationship(F.highwaysOfficer, with: F.ann, .closeFriendship), "london-councils")
        #expect(officer.to == [F.chiefExecutive])
        #expect(officer.rules.first?.ruleId == "declarations.officerRelationshipRecipients")
    }

    @Test func towerHamletsMembersTellTheWhipAndOfficersTheirManager() throws {
        let member = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .business), "tower-hamlets")
        #expect(member.to == [F.whipA])
        #expect(member.rules.first?.citation == "Tower Hamlets protocol 5.2 and 14.14")
        let officer = try Self.route(F.relationship(F.housingOfficer, with: F.ann, .business), "tower-hamlets")
        #expect(officer.to == [F.housingManager])
    }

    @Test func towerHamletsTellsTheMonitoringOfficerOnlyWhereUndueInfluenceMightBeSeen() throws {
        let plain = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .intimate), "tower-hamlets")
        #expect(plain.informed.isEmpty)
        #expect(plain.informedIfUndueInfluence == [F.monitoringOfficer])
        #expect(plain.recipients == [F.whipA])
        let flagged = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .intimate, undueInfluence: true), "tower-hamlets")
        #expect(flagged.informed == [F.monitoringOfficer])
        #expect(flagged.recipients == [F.whipA, F.monitoringOfficer])
        // London Councils informs nobody, whatever the flag.
        let lc = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .intimate, undueInfluence: true), "london-councils")
        #expect(lc.recipients == [F.leaderA])
    }

    @Test func leicestershireOfficersTellTheirLineManagerAndMembersNobody() throws {
        let officer = try Self.route(F.relationship(F.highwaysOfficer, with: F.ann, .closeRelative), "leicestershire")
        #expect(officer.to == [F.highwaysHead])
        #expect(officer.rules.first?.citation == "Leicestershire protocol 8")
        let member = try Self.route(F.relationship(F.ann, with: F.highwaysOfficer, .closeRelative), "leicestershire")
        #expect(member.recipients.isEmpty)
        #expect(member.notes.first?.contains("names nobody") == true)
    }

    @Test(arguments: ["wigan", "hackney"])
    func protocolsWithoutReportingRouteRelationshipsToNobody(profileID: String) throws {
        for declaration in [F.relationship(F.ann, with: F.highwaysOfficer, .partner), F.relationship(F.highwaysOfficer, with: F.ann, .partner)] {
            let route = try Self.route(declaration, profileID)
            #expect(route.recipients.isEmpty)
            #expect(!route.notes.isEmpty)
        }
    }

    @Test func aMemberWithoutAGroupHasNoLeaderToTell() throws {
        let route = try Self.route(F.relationship(F.independent, with: F.highwaysOfficer, .closeFriendship), "london-councils")
        #expect(route.to.isEmpty)
        #expect(route.unresolved == ["Nobody in the directory is declarant group leader."])
        #expect(route.notes.contains { $0.contains("Monitoring Officer") })
    }

    @Test func groupBHasNoWhipSoTowerHamletsCannotResolveIt() throws {
        let route = try Self.route(F.relationship(F.carol, with: F.housingOfficer, .closeFriendship), "tower-hamlets")
        #expect(route.to.isEmpty)
        #expect(route.unresolved == ["Nobody in the directory is declarant group whip."])
    }

    @Test func towerHamletsRecruitmentGoesToTheHRDirector() throws {
        let link = F.declaration(F.bob, .recruitment(RecruitmentLink(candidateName: "Sam Baker", processID: "HR-14", post: "Head of Housing")))
        let route = try Self.route(link, "tower-hamlets")
        #expect(route.to == [F.hrDirector])
        #expect(route.rules.first?.citation == "Tower Hamlets protocol 14.2")
        for profileID in ["london-councils", "wigan", "leicestershire", "hackney"] {
            #expect(try Self.route(link, profileID).recipients.isEmpty, "\(profileID)")
        }
    }

    @Test func interestsAndRestrictionsGoToTheMonitoringOfficer() throws {
        let dpi = try Self.route(F.dpi(F.ann, .land, "Home", tags: []), "wigan")
        #expect(dpi.to == [F.monitoringOfficer])
        #expect(dpi.rules.map(\.citation) == ["Localism Act 2011 s.29", "Localism Act 2011 s.30(1)"])
        let arrears = try Self.route(F.restriction(F.bob, .councilTaxArrears(months: 2)), "tower-hamlets")
        #expect(arrears.to == [F.monitoringOfficer])
        #expect(arrears.rules.map(\.citation) == ["Localism Act 2011 s.29", "Tower Hamlets protocol 3.29 and 3.30", "Local Government Finance Act 1992 s.106"])
    }

    @Test func theDeclarantIsNeverTheirOwnRecipient() throws {
        // The whip declares a relationship: the whip is the profile's recipient, so nobody is.
        let route = try Self.route(F.relationship(F.whipA, with: F.highwaysOfficer, .closeFriendship), "tower-hamlets")
        #expect(!route.recipients.contains(F.whipA))
    }
}
