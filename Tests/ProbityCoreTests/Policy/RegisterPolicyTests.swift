import Foundation
import Testing
@testable import ProbityCore

@Suite("Register access policy")
struct RegisterPolicyTests {
    typealias F = RegisterFixture

    static let annsLand = F.dpi(F.ann, .land, "Home", tags: [])
    static let annsArrears = F.restriction(F.ann, .councilTaxArrears(months: 2))
    static let annsFriendship = F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship)
    static let officersFriendship = F.relationship(F.housingOfficer, with: F.carol, .closeFriendship)
    static let bobsLink = F.declaration(F.bob, .recruitment(RecruitmentLink(candidateName: "Sam", processID: "HR-1", post: "Head of Housing")))

    static func view(_ declaration: Declaration, by person: PersonRef, _ profileID: String = "tower-hamlets") throws -> Decision {
        RegisterPolicy.canView(declaration, viewer: F.viewer(person), profile: try F.profile(profileID), org: F.org)
    }

    @Test func declarantsSeeTheirOwnEntries() throws {
        for declaration in [Self.annsLand, Self.annsArrears, Self.annsFriendship] {
            let decision = try Self.view(declaration, by: F.ann)
            #expect(decision.allowed)
            #expect(decision.reasons == ["This is your own entry."])
        }
        #expect(try Self.view(Self.officersFriendship, by: F.housingOfficer).allowed)
    }

    @Test(arguments: RegisterFixture.profileIDs)
    func theMonitoringOfficerSeesEverything(profileID: String) throws {
        for declaration in [Self.annsLand, Self.annsArrears, Self.annsFriendship, Self.officersFriendship, Self.bobsLink] {
            let decision = try Self.view(declaration, by: F.monitoringOfficer, profileID)
            #expect(decision.allowed)
            #expect(decision.rules.map(\.citation) == ["Localism Act 2011 s.29"])
        }
    }

    @Test func otherMembersAndOfficersSeeNothingPrivate() throws {
        for person in [F.bob, F.leaderA, F.whipA, F.carol, F.chiefExecutive, F.placeDirector, F.hrDirector] {
            #expect(try !Self.view(Self.annsLand, by: person).allowed, "\(person)")
            #expect(try !Self.view(Self.annsArrears, by: person).allowed, "\(person)")
        }
        let refusal = try Self.view(Self.annsLand, by: F.bob)
        #expect(refusal.reasons.first?.contains("published register") == true)
    }

    @Test func relationshipsAreSeenByTheirRoutedRecipients() throws {
        // Tower Hamlets: the whip; London Councils: the group leader.
        #expect(try Self.view(Self.annsFriendship, by: F.whipA).allowed)
        #expect(try !Self.view(Self.annsFriendship, by: F.leaderA).allowed)
        #expect(try Self.view(Self.annsFriendship, by: F.leaderA, "london-councils").allowed)
        #expect(try !Self.view(Self.annsFriendship, by: F.whipA, "london-councils").allowed)
        // An officer's: their manager (TH), the Chief Executive (LC).
        #expect(try Self.view(Self.officersFriendship, by: F.housingManager).allowed)
        #expect(try !Self.view(Self.officersFriendship, by: F.chiefExecutive).allowed)
        #expect(try Self.view(Self.officersFriendship, by: F.chiefExecutive, "london-councils").allowed)
        // Wigan routes to nobody.
        #expect(try !Self.view(Self.annsFriendship, by: F.leaderA, "wigan").allowed)
    }

    @Test func theOtherPersonInARelationshipDoesNotSeeTheDeclaration() throws {
        let decision = try Self.view(Self.annsFriendship, by: F.highwaysOfficer)
        #expect(!decision.allowed)
        #expect(decision.reasons.first?.contains("even where it names you") == true)
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 5.2 and 14.14"])
    }

    @Test func theMonitoringOfficerIsToldOnlyOfPossiblyUndueRelationshipsButSeesAllAnyway() throws {
        let flagged = F.relationship(F.ann, with: F.highwaysOfficer, .closeFriendship, undueInfluence: true)
        #expect(try Self.view(flagged, by: F.monitoringOfficer).allowed)
    }

    @Test func theHRDirectorSeesRecruitmentLinksAndNobodyElseDoes() throws {
        for profileID in RegisterFixture.profileIDs {
            #expect(try Self.view(Self.bobsLink, by: F.hrDirector, profileID).allowed, "\(profileID)")
            #expect(try !Self.view(Self.bobsLink, by: F.housingHead, profileID).allowed, "\(profileID)")
            #expect(try !Self.view(Self.bobsLink, by: F.leaderA, profileID).allowed, "\(profileID)")
        }
        #expect(try Self.view(Self.bobsLink, by: F.hrDirector).rules.map(\.citation) == ["Tower Hamlets protocol 14.2"])
    }

    @Test func assistantsPartyWorkersAndAnonymousUsersSeeNothing() throws {
        let profile = try F.profile("tower-hamlets")
        let assistant = Viewer(kind: .assistant, personID: F.id(900), groupID: F.groupA, actsForMemberIDs: [F.ann.id])
        let worker = Viewer(kind: .partyWorker, personID: F.id(901))
        let nobody = Viewer(kind: .none, personID: nil)
        for viewer in [assistant, worker, nobody] {
            #expect(!RegisterPolicy.canView(Self.annsLand, viewer: viewer, profile: profile, org: F.org).allowed)
        }
        #expect(RegisterPolicy.canView(Self.annsLand, viewer: worker, profile: profile, org: F.org).reasons.first?.contains("Party workers") == true)
    }

    @Test func onlyTheDeclarantMaintainsAnEntry() throws {
        let profile = try F.profile("tower-hamlets")
        #expect(RegisterPolicy.canMaintain(Self.annsLand, viewer: F.viewer(F.ann), profile: profile).allowed)
        let mo = RegisterPolicy.canMaintain(Self.annsLand, viewer: F.viewer(F.monitoringOfficer), profile: profile)
        #expect(!mo.allowed)
        #expect(mo.reasons.first?.contains("does not edit entries") == true)
        #expect(!RegisterPolicy.canMaintain(Self.annsLand, viewer: F.viewer(F.bob), profile: profile).allowed)
        #expect(RegisterPolicy.canDeclare(for: F.ann, viewer: F.viewer(F.ann), profile: profile).allowed)
        #expect(!RegisterPolicy.canDeclare(for: F.ann, viewer: F.viewer(F.leaderA), profile: profile).allowed)
        let assistant = Viewer(kind: .assistant, personID: F.id(900), groupID: F.groupA, actsForMemberIDs: [F.ann.id])
        #expect(!RegisterPolicy.canDeclare(for: F.ann, viewer: assistant, profile: profile).allowed)
    }

    @Test func theHRDirectorRecordsDeterminationsButNeverOnTheirOwnLink() throws {
        let profile = try F.profile("tower-hamlets")
        #expect(RegisterPolicy.canRecordDetermination(on: Self.bobsLink, viewer: F.viewer(F.hrDirector), profile: profile, org: F.org).allowed)
        #expect(!RegisterPolicy.canRecordDetermination(on: Self.bobsLink, viewer: F.viewer(F.monitoringOfficer), profile: profile, org: F.org).allowed)
        #expect(!RegisterPolicy.canRecordDetermination(on: Self.bobsLink, viewer: F.viewer(F.bob), profile: profile, org: F.org).allowed)
        let own = F.declaration(F.hrDirector, .recruitment(RecruitmentLink(candidateName: "Kim", processID: "HR-2", post: "HR Adviser")))
        let decision = RegisterPolicy.canRecordDetermination(on: own, viewer: F.viewer(F.hrDirector), profile: profile, org: F.org)
        #expect(!decision.allowed)
        #expect(decision.reasons.first?.contains("Someone else must decide") == true)
        #expect(!RegisterPolicy.canRecordDetermination(on: Self.annsLand, viewer: F.viewer(F.hrDirector), profile: profile, org: F.org).allowed)
    }

    @Test func onlyTheMonitoringOfficerRecordsDispensationsAndDecidesSensitivity() {
        #expect(RegisterPolicy.canRecordDispensation(viewer: F.viewer(F.monitoringOfficer)).allowed)
        #expect(RegisterPolicy.canRecordDispensation(viewer: F.viewer(F.monitoringOfficer)).rules.map(\.citation) == ["Localism Act 2011 s.33"])
        #expect(RegisterPolicy.canDecideSensitivity(viewer: F.viewer(F.monitoringOfficer)).allowed)
        for person in [F.chiefExecutive, F.governanceDirector, F.leaderA, F.mayor] {
            #expect(!RegisterPolicy.canRecordDispensation(viewer: F.viewer(person)).allowed)
            #expect(!RegisterPolicy.canDecideSensitivity(viewer: F.viewer(person)).allowed)
        }
    }

    @Test func aConflictRowIsSeenByTheParticipantAndTheMonitoringOfficer() {
        #expect(RegisterPolicy.canViewConflicts(of: F.ann, viewer: F.viewer(F.ann)).allowed)
        #expect(RegisterPolicy.canViewConflicts(of: F.ann, viewer: F.viewer(F.monitoringOfficer)).allowed)
        #expect(!RegisterPolicy.canViewConflicts(of: F.ann, viewer: F.viewer(F.bob)).allowed)
        #expect(!RegisterPolicy.canViewConflicts(of: F.ann, viewer: F.viewer(F.leaderA)).allowed)
    }

    @Test func visibleFiltersToWhatTheViewerMaySee() throws {
        let all = [Self.annsLand, Self.annsArrears, Self.annsFriendship, Self.officersFriendship, Self.bobsLink]
        let profile = try F.profile("tower-hamlets")
        #expect(RegisterPolicy.visible(all, viewer: F.viewer(F.ann), profile: profile, org: F.org).map(\.id) ==
                [Self.annsLand.id, Self.annsArrears.id, Self.annsFriendship.id])
        #expect(RegisterPolicy.visible(all, viewer: F.viewer(F.whipA), profile: profile, org: F.org).map(\.id) == [Self.annsFriendship.id])
        #expect(RegisterPolicy.visible(all, viewer: F.viewer(F.monitoringOfficer), profile: profile, org: F.org).count == 5)
    }
}
