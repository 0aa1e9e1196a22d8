import Foundation
import Testing
@testable import ProbityCore

/// Party-political confidentiality (LE 12–17; TH 6.4(vi), 12.19–12.20; LC 6).
@Suite("Party-political confidences")
struct PartyConfidenceTests {
    typealias F = InformationFixture

    func record(_ profile: String = "leicestershire", matter: UUID? = F.housing) throws -> PartyConfidenceRecord {
        try PartyConfidenceRecord.record(id: F.id(160), by: F.officerViewer(F.housingOfficer), givenByMemberID: F.otherGroupMember,
                                         setting: .groupMeeting, summary: "The group will propose selling the depot site to fund a rent freeze.",
                                         matterServiceID: matter, at: F.day(-5), profile: try F.profile(profile), org: F.org)
    }

    func reads(_ viewer: Viewer, _ record: PartyConfidenceRecord, profile: String = "leicestershire", org: OrgSnapshot = F.org) throws -> Bool {
        PartyConfidencePolicy.canRead(viewer: viewer, record: record, profile: try F.profile(profile), org: org).allowed
    }

    @Test func theOfficerRecordsItAndTheGroupIsFixed() throws {
        let confidence = try record()
        #expect(confidence.groupID == F.conservative)
        #expect(confidence.privyOfficerIDs == [F.housingOfficer])
        #expect(confidence.rule.citation == "Leicestershire protocol 12, 15, 16 and 17")
        #expect(throws: InformationError.self) {
            _ = try PartyConfidenceRecord.record(id: F.id(161), by: F.memberViewer(F.cabinetMember), givenByMemberID: F.otherGroupMember,
                                                 setting: .privateConversation, summary: "x", at: F.now,
                                                 profile: try F.profile("leicestershire"), org: F.org)
        }
        let blank = try #require(throws: InformationError.self) {
            _ = try PartyConfidenceRecord.record(id: F.id(161), by: F.officerViewer(F.housingOfficer), givenByMemberID: F.otherGroupMember,
                                                 setting: .privateConversation, summary: "  ", at: F.now,
                                                 profile: try F.profile("leicestershire"), org: F.org)
        }
        #expect(blank.field == "summary")
    }

    @Test func onlyTheOfficersTheGiverAndTheirLeaderReadIt() throws {
        let confidence = try record()
        #expect(try reads(F.officerViewer(F.housingOfficer), confidence))
        #expect(try reads(F.memberViewer(F.otherGroupMember), confidence))
        #expect(try reads(F.memberViewer(F.conservativeLeader), confidence))
        #expect(!(try reads(F.memberViewer(F.scrutinyWithin), confidence)))     // same group, not privy
        #expect(!(try reads(F.memberViewer(F.cabinetMember), confidence)))      // the administration
        #expect(!(try reads(F.memberViewer(F.labourLeader), confidence)))
        #expect(!(try reads(F.conservativeAssistantViewer, confidence)))
        #expect(!(try reads(F.partyWorkerViewer, confidence)))
        #expect(!(try reads(F.officerViewer(F.headOfHousing), confidence)))     // not even the officer's manager
        #expect(!(try reads(F.officerViewer(F.chiefExecutive), confidence)))
        let refusal = PartyConfidencePolicy.canRead(viewer: F.memberViewer(F.cabinetMember), record: confidence,
                                                    profile: try F.profile("leicestershire"), org: F.org)
        #expect(refusal.reasons == ["Officers never relay what one group tells them in confidence to another group or its councillors."])
        #expect(refusal.rules.map(\.citation) == ["Leicestershire protocol 12, 15, 16 and 17", "Leicestershire protocol 12",
                                                  "Leicestershire protocol 17"])
    }

    @Test func sharingNeedsAPrivyOfficerANecessityAndCarriesTheConfidence() throws {
        let confidence = try record()
        let profile = try F.profile("leicestershire")
        let notPrivy = try #require(throws: InformationError.self) {
            _ = try confidence.sharing(with: F.chiefFinanceOfficer, necessity: .financialProbity, explanation: "Check the sale values.",
                                       by: F.officerViewer(F.headOfHousing), at: F.day(-4), profile: profile, org: F.org)
        }
        #expect(notPrivy.code == .notPrivy)
        let noReason = try #require(throws: InformationError.self) {
            _ = try confidence.sharing(with: F.chiefFinanceOfficer, necessity: .financialProbity, explanation: "",
                                       by: F.officerViewer(F.housingOfficer), at: F.day(-4), profile: profile, org: F.org)
        }
        #expect(noReason.field == "explanation")
        let toCouncillor = try #require(throws: InformationError.self) {
            _ = try confidence.sharing(with: F.cabinetMember, necessity: .legality, explanation: "Check it is lawful.",
                                       by: F.officerViewer(F.housingOfficer), at: F.day(-4), profile: profile, org: F.org)
        }
        #expect(toCouncillor.field == "officer")

        let shared = try confidence.sharing(with: F.chiefFinanceOfficer, necessity: .financialProbity,
                                            explanation: "The s151 officer must check the sale would fund the freeze.",
                                            by: F.officerViewer(F.housingOfficer), at: F.day(-4), profile: profile, org: F.org)
        #expect(shared.shares.first?.confidenceConfirmed == true)
        #expect(try reads(F.officerViewer(F.chiefFinanceOfficer), shared))
        // The confidence travels: the finance officer may pass it on only where necessary, and is bound by it.
        let again = try shared.sharing(with: F.monitoringOfficer, necessity: .legality, explanation: "Check the disposal powers.",
                                       by: F.officerViewer(F.chiefFinanceOfficer), at: F.day(-3), profile: profile, org: F.org)
        #expect(again.privyOfficerIDs == [F.housingOfficer, F.chiefFinanceOfficer, F.monitoringOfficer])
        #expect(!(try reads(F.memberViewer(F.cabinetMember), again)))
        #expect(throws: InformationError.self) {
            _ = try again.sharing(with: F.monitoringOfficer, necessity: .legality, explanation: "Again.",
                                  by: F.officerViewer(F.housingOfficer), at: F.day(-2), profile: profile, org: F.org)
        }
    }

    @Test func apparentUnlawfulnessGoesToTheProfilesRecipients() throws {
        let th = try record("tower-hamlets").referring(.unlawful, explanation: "The sale would breach the best-consideration duty.",
                                                       by: F.officerViewer(F.housingOfficer), at: F.day(-2),
                                                       profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(Set(th.referrals.first?.toOfficerIDs ?? []) == [F.monitoringOfficer, F.chiefExecutive, F.directorPeople])
        #expect(th.referrals.first?.rule.citation == "Tower Hamlets protocol 6.4(vi), 12.19 and 12.20")
        #expect(try reads(F.officerViewer(F.chiefExecutive), th, profile: "tower-hamlets"))
        #expect(!(try reads(F.memberViewer(F.labourLeader), th, profile: "tower-hamlets")))

        let le = try record().referring(.abuseOfProcess, explanation: "It bypasses the disposals procedure.",
                                        by: F.officerViewer(F.housingOfficer), at: F.day(-2), profile: try F.profile("leicestershire"), org: F.org)
        #expect(Set(le.referrals.first?.toOfficerIDs ?? []) == [F.monitoringOfficer, F.chiefFinanceOfficer])
        let lc = try record("london-councils").referring(.severeDamageToCouncil, explanation: "Reputational damage.",
                                                         by: F.officerViewer(F.housingOfficer), at: F.day(-2),
                                                         profile: try F.profile("london-councils"), org: F.org)
        #expect(lc.referrals.first?.toOfficerIDs == [F.chiefExecutive])
        #expect(throws: InformationError.self) {
            _ = try record().referring(.unlawful, explanation: "x", by: F.officerViewer(F.parksOfficer), at: F.day(-2),
                                       profile: try F.profile("leicestershire"), org: F.org)
        }
    }

    /// LE 17: the confidence is kept across a change of administration.
    @Test func aChangeOfAdministrationChangesNothing() throws {
        var confidence = try record()
        confidence = try confidence.sharing(with: F.monitoringOfficer, necessity: .legality, explanation: "Check the disposal powers.",
                                            by: F.officerViewer(F.housingOfficer), at: F.day(-4), profile: try F.profile("leicestershire"),
                                            org: F.org)
        var changed = F.org
        changed.groups[F.labour]?.isAdministration = false
        changed.groups[F.conservative]?.isAdministration = true
        let everyone: [Viewer] = F.org.members.keys.sorted().map(F.memberViewer) + F.org.officers.keys.sorted().map(F.officerViewer)
            + [F.labourAssistantViewer, F.conservativeAssistantViewer, F.partyWorkerViewer]
        for viewer in everyone {
            #expect(try reads(viewer, confidence) == reads(viewer, confidence, org: changed), "\(viewer.kind) \(viewer.personID?.uuidString ?? "")")
        }
        #expect(!(try reads(F.memberViewer(F.cabinetMember), confidence, org: changed)))
        #expect(!(try reads(F.memberViewer(F.scrutinyWithin), confidence, org: changed)))
    }

    /// LE 16: officers may persuade the group to let it be shared; without agreement it stays confidential.
    @Test func onlyTheGiverOrTheirLeaderCanWaiveTheConfidence() throws {
        let confidence = try record()
        let profile = try F.profile("leicestershire")
        let refused = try #require(throws: InformationError.self) {
            _ = try confidence.waiving(by: F.scrutinyWithin, note: "Agreed.", at: F.day(-1), profile: profile, org: F.org)
        }
        #expect(refused.rule?.citation == "Leicestershire protocol 16")
        let waived = try confidence.waiving(by: F.conservativeLeader, note: "The group agrees it may go to all groups.", at: F.day(-1),
                                            profile: profile, org: F.org)
        #expect(try reads(F.memberViewer(F.cabinetMember), waived))
        #expect(!(try reads(F.partyWorkerViewer, waived)))
    }

    /// Random confidences, shares and referrals: nobody but the privy officers, the giver and
    /// their leader ever reads one, and flipping the administration changes no answer.
    @Test func randomizedNobodyOutsideTheConfidenceReadsIt() throws {
        let profiles = try ["tower-hamlets", "leicestershire", "london-councils"].map { try F.profile($0) }
        var world = RandomWorld(seed: 617)
        var flipped = world.org
        for id in flipped.groups.keys { flipped.groups[id]?.isAdministration.toggle() }
        var records: [PartyConfidenceRecord] = []
        for n in 0..<150 {
            let profile = world.pick(profiles)
            let giver = world.pick(world.members.filter { world.org.members[$0]?.groupID != nil })
            var confidence = try PartyConfidenceRecord.record(id: world.newID(), by: Viewer(kind: .officer, personID: world.pick(world.officers)),
                                                              givenByMemberID: giver, setting: world.pick(ConfidenceSetting.allCases),
                                                              summary: "Confidence \(n)", matterServiceID: world.pick(Array(world.org.services.keys).sorted()),
                                                              at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
            for _ in 0..<Int.random(in: 0...3, using: &world.rng) {
                let sharer = world.pick(Array(confidence.privyOfficerIDs).sorted())
                let candidates = world.officers.filter { !confidence.privyOfficerIDs.contains($0) }
                guard !candidates.isEmpty else { break }
                confidence = try confidence.sharing(with: world.pick(candidates), necessity: world.pick(SharingNecessity.allCases),
                                                    explanation: "Necessary.", by: Viewer(kind: .officer, personID: sharer),
                                                    at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
            }
            if world.chance(0.2) {
                confidence = try confidence.referring(world.pick(ConfidenceConcern.allCases), explanation: "Appears unlawful.",
                                                      by: Viewer(kind: .officer, personID: confidence.receivedByOfficerID),
                                                      at: RandomizedAccessTests.epoch, profile: profile, org: world.org)
            }
            records.append(confidence)
        }
        var leaks: [String] = []
        for _ in 0..<6_000 {
            let confidence = world.pick(records)
            let viewer = world.randomReader().viewer
            let profile = world.pick(profiles)
            let decision = PartyConfidencePolicy.canRead(viewer: viewer, record: confidence, profile: profile, org: world.org)
            let afterChange = PartyConfidencePolicy.canRead(viewer: viewer, record: confidence, profile: profile, org: flipped)
            if decision.allowed != afterChange.allowed { leaks.append("administration change altered \(viewer.kind)") }
            guard decision.allowed else { continue }
            let privy: Bool = switch viewer.kind {
            case .officer: viewer.personID.map { confidence.privyOfficerIDs.contains($0) } ?? false
            case .member: viewer.personID == confidence.givenByMemberID || viewer.personID == world.org.groups[confidence.groupID]?.leaderID
            default: false
            }
            if !privy { leaks.append("\(viewer.kind) \(viewer.personID?.uuidString ?? "-") read confidence of group \(confidence.groupID)") }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }
}
