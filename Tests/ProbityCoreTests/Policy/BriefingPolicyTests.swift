import Foundation
import Testing
@testable import ProbityCore

/// Nothing of one group's briefing is visible to another group (TH 6.4(vi), 12.19; LC 6; LE 12–17).
@Suite("Briefing policy: who sees a group's briefing")
struct BriefingPolicyTests {
    typealias F = InformationFixture

    /// The Conservative group's briefing, given by the Head of Housing with the Director of
    /// People, with a non-councillor present by agreement, recorded, and offered to Labour.
    static func briefing() throws -> BriefingRequest {
        let profile = try F.profile("tower-hamlets")
        var briefing = try BriefingRequest.request(id: F.id(180), by: F.member(F.otherGroupMember), topic: "Our line on the estate sale",
                                                   matterServiceID: F.housing, nonCouncillorsAttending: ["Regional organiser"],
                                                   at: F.day(-10), profile: profile, org: F.org)
        let steps: [(BriefingAction, UUID)] = [
            (.assign(officerID: F.headOfHousing, accompanyingOfficerIDs: [F.directorPeople]), F.directorPlace),
            (.decideAttendance(agreed: true, note: "Agreed in advance."), F.chiefExecutive),
            (.offer(toGroupID: F.labour, neutralTopic: "Estate regeneration options"), F.directorPlace),
            (.hold(officerLeftBeforePartyBusiness: true), F.headOfHousing),
            (.saveRecord(facts: ["The estate has 420 homes."], options: [BriefingOption(title: "Sell the depot site")]), F.headOfHousing),
        ]
        for (action, officer) in steps {
            briefing = try briefing.applying(action, by: F.officerViewer(officer), at: F.day(-5), profile: profile, org: F.org)
        }
        return briefing
    }

    func view(_ viewer: Viewer) throws -> Decision {
        BriefingPolicy.canView(viewer: viewer, briefing: try Self.briefing(), profile: try F.profile("tower-hamlets"), org: F.org)
    }

    func record(_ viewer: Viewer) throws -> Decision {
        BriefingPolicy.canViewRecord(viewer: viewer, briefing: try Self.briefing(), profile: try F.profile("tower-hamlets"), org: F.org)
    }

    func offer(_ viewer: Viewer, group: UUID = F.labour) throws -> Decision {
        BriefingPolicy.canViewOffer(viewer: viewer, briefing: try Self.briefing(), toGroupID: group, profile: try F.profile("tower-hamlets"), org: F.org)
    }

    @Test func theGroupAndItsAssistantsSeeTheBriefingAndTheRecord() throws {
        for member in [F.otherGroupMember, F.scrutinyWithin, F.planningMember, F.conservativeLeader] {
            #expect(try view(F.memberViewer(member)).allowed)
            #expect(try record(F.memberViewer(member)).allowed)
        }
        #expect(try view(F.conservativeAssistantViewer).allowed)
        #expect(try record(F.conservativeAssistantViewer).allowed)
    }

    @Test func theGatekeeperAndTheOfficersBriefingSeeIt() throws {
        for officer in [F.directorPlace, F.headOfHousing, F.directorPeople] {
            #expect(try view(F.officerViewer(officer)).allowed)
            #expect(try record(F.officerViewer(officer)).allowed)
        }
        // The Chief Executive agreed to the non-councillor and is a gatekeeper (CMT) in Tower Hamlets.
        #expect(try view(F.officerViewer(F.chiefExecutive)).allowed)
    }

    @Test func anotherGroupSeesNothingOfItButTheOfferInNeutralWords() throws {
        for member in [F.cabinetMember, F.sameGroupMember, F.labourLeader, F.interestedMember] {
            let decision = try view(F.memberViewer(member))
            #expect(!decision.allowed)
            #expect(decision.explanation.contains("Tower Hamlets protocol 6.4(vi), 12.19 and 12.20"))
            #expect(!(try record(F.memberViewer(member))).allowed)
            #expect(try offer(F.memberViewer(member)).allowed)
        }
        #expect(!(try view(F.labourAssistantViewer)).allowed)
        #expect(try offer(F.labourAssistantViewer).allowed)
        #expect(try Self.briefing().offerView(for: F.labour)?.topic == "Estate regeneration options")
        // The offer is the gatekeeper's and Labour's; the Conservatives were not offered their own briefing.
        #expect(!(try offer(F.memberViewer(F.otherGroupMember))).allowed)
        #expect(!(try offer(F.memberViewer(F.otherGroupMember), group: F.conservative)).allowed)
    }

    @Test func partyWorkersAndUninvolvedOfficersSeeNothing() throws {
        #expect(!(try view(F.partyWorkerViewer)).allowed)
        #expect(!(try record(F.partyWorkerViewer)).allowed)
        #expect(!(try offer(F.partyWorkerViewer)).allowed)
        for officer in [F.parksOfficer, F.housingOfficer, F.monitoringOfficer, F.foiOfficer] {
            #expect(!(try view(F.officerViewer(officer))).allowed)
            #expect(!(try record(F.officerViewer(officer))).allowed)
        }
        #expect(!(try view(Viewer(kind: .none, personID: nil))).allowed)
    }

    /// An assistant who claims the group but acts for none of its councillors sees nothing.
    @Test func anAssistantMustActForACouncillorOfTheGroup() throws {
        let idle = Viewer(kind: .assistant, personID: F.id(254), groupID: F.conservative, actsForMemberIDs: [])
        #expect(!(try view(idle)).allowed)
        let crossing = Viewer(kind: .assistant, personID: F.id(254), groupID: F.labour, actsForMemberIDs: [F.otherGroupMember])
        #expect(!(try view(crossing)).allowed)
    }

    /// Many groups asking for briefings, random viewers: nobody outside the group and the officers
    /// involved ever sees a briefing or its record.
    @Test func randomizedNoGroupSeesAnothersBriefing() throws {
        let profiles = try ["tower-hamlets", "leicestershire", "london-councils", "wigan"].map { try F.profile($0) }
        var world = RandomWorld(seed: 64)
        let services = Array(world.org.services.keys).sorted()
        var briefings: [(BriefingRequest, ProtocolProfile)] = []
        for n in 0..<120 {
            let profile = world.pick(profiles)
            let groupMembers = world.members.filter { world.org.members[$0]?.groupID != nil }
            let context = world.memberContext(world.pick(groupMembers))
            var briefing = try BriefingRequest.request(id: world.newID(), by: context, topic: "Topic \(n)", matterServiceID: world.pick(services),
                                                       nonCouncillorsAttending: world.chance(0.2) ? ["Agent"] : [],
                                                       at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
            if world.chance(0.8) {
                let gatekeeper = Viewer(kind: .officer, personID: world.pick(briefing.gatekeeperIDs))
                briefing = try briefing.applying(.assign(officerID: world.pick(world.officers), neutralTopic: "Neutral \(n)"), by: gatekeeper,
                                                 at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
                if profile.briefings.offerToOtherGroups.parameters.mode == .onRequest, world.chance(0.5),
                   let other = world.groups.first(where: { $0 != briefing.groupID }) {
                    briefing = try briefing.applying(.offer(toGroupID: other, neutralTopic: "Neutral \(n)"), by: gatekeeper,
                                                     at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
                }
            }
            briefings.append((briefing, profile))
        }
        var leaks: [String] = []
        for _ in 0..<6_000 {
            let (briefing, profile) = world.pick(briefings)
            let viewer = world.randomReader().viewer
            let decision = BriefingPolicy.canView(viewer: viewer, briefing: briefing, profile: profile, org: world.org)
            let offered = world.groups.filter { group in
                BriefingPolicy.canViewOffer(viewer: viewer, briefing: briefing, toGroupID: group, profile: profile, org: world.org).allowed
            }
            let inGroup: Bool = switch viewer.kind {
            case .member: viewer.personID.flatMap { world.org.members[$0]?.groupID } == briefing.groupID
            case .assistant: viewer.groupID == briefing.groupID
                && viewer.actsForMemberIDs.contains { world.org.members[$0]?.groupID == briefing.groupID }
            default: false
            }
            let involvedOfficer = viewer.kind == .officer && viewer.personID.map {
                briefing.gatekeeperIDs.contains($0) || briefing.attendingOfficerIDs.contains($0) || briefing.agreementGiverIDs.contains($0)
            } ?? false
            if decision.allowed && !inGroup && !involvedOfficer {
                leaks.append("\(viewer.kind) saw group \(briefing.groupID)'s briefing")
            }
            if !decision.allowed && inGroup { leaks.append("the group's own \(viewer.kind) was refused") }
            for group in offered where group == briefing.groupID || !briefing.offers.contains(where: { $0.toGroupID == group }) {
                leaks.append("offer view to \(group) wrongly allowed")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }
}
