import Foundation
import Testing
@testable import ProbityCore

/// A small authority for the access-to-information tests: the People directorate (Housing) and
/// the Place directorate (Parks), the statutory officers, two party groups (Labour forming the
/// administration), a Cabinet, an Overview and Scrutiny Committee, a finance scrutiny
/// sub-committee and a Planning Committee, and councillors placed to exercise every rule.
enum InformationFixture {
    static func id(_ n: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xF1, n))
    }

    // Directorates and services.
    static let peopleDirectorate = id(1)
    static let placeDirectorate = id(2)
    static let corporate = id(3)
    static let housing = id(10)
    static let parks = id(11)

    // Officers.
    static let chiefExecutive = id(20)
    static let directorPeople = id(21)
    static let directorPlace = id(22)
    static let headOfHousing = id(23)
    /// Holds every council document in the oracle.
    static let housingOfficer = id(24)
    static let parksOfficer = id(25)
    static let monitoringOfficer = id(26)
    /// TH's Corporate Director, Governance: determines referred requests (TH 12.22(ii)).
    static let governanceDirector = id(27)
    static let foiOfficer = id(28)
    static let chiefFinanceOfficer = id(29)

    // Groups, wards, committees.
    static let labour = id(30)
    static let conservative = id(31)
    static let wardA = id(32)
    static let cabinet = id(33)
    static let overviewAndScrutiny = id(34)
    static let financeScrutiny = id(35)
    static let planning = id(36)

    // Members.
    static let cabinetMember = id(40)      // Labour, sits on the Cabinet
    static let sameGroupMember = id(41)    // Labour, no seats
    static let otherGroupMember = id(42)   // Conservative, no seats
    static let scrutinyWithin = id(43)     // Conservative, O&S with housing in its terms of reference
    static let scrutinyOutside = id(44)    // Labour, finance scrutiny sub-committee
    static let interestedMember = id(45)   // Labour, Cabinet, declared interest in housing
    static let planningMember = id(46)     // Conservative, Planning Committee
    static let labourLeader = id(47)
    static let conservativeLeader = id(48)

    // Assistants and party workers.
    static let labourAssistant = id(50)
    static let conservativeAssistant = id(51)
    static let partyWorker = id(52)

    static let org = OrgSnapshot(
        officers: [
            .init(id: chiefExecutive, name: "Chris Exley", post: .chiefExecutive),
            .init(id: directorPeople, name: "Pat People", post: .corporateDirector, directorateID: peopleDirectorate, lineManagerID: chiefExecutive),
            .init(id: directorPlace, name: "Dana Place", post: .corporateDirector, directorateID: placeDirectorate, lineManagerID: chiefExecutive),
            .init(id: headOfHousing, name: "Hana Home", post: .headOfService, serviceID: housing, lineManagerID: directorPeople),
            .init(id: housingOfficer, name: "Olu Lettings", post: .officer, serviceID: housing, lineManagerID: headOfHousing),
            .init(id: parksOfficer, name: "Rowan Tree", post: .officer, serviceID: parks, lineManagerID: directorPlace),
            .init(id: monitoringOfficer, name: "Morgan Law", post: .officer, designations: [.monitoringOfficer], directorateID: corporate,
                  lineManagerID: governanceDirector),
            .init(id: governanceDirector, name: "Gale Governance", post: .corporateDirector, designations: [.governanceDirector],
                  directorateID: corporate, lineManagerID: chiefExecutive),
            .init(id: foiOfficer, name: "Fran Info", post: .officer, designations: [.foiOfficer], directorateID: corporate,
                  lineManagerID: governanceDirector),
            .init(id: chiefFinanceOfficer, name: "Sam Sums", post: .corporateDirector, designations: [.chiefFinanceOfficer],
                  lineManagerID: chiefExecutive),
        ],
        services: [
            .init(id: housing, name: "Housing", directorateID: peopleDirectorate, headOfServiceID: headOfHousing),
            .init(id: parks, name: "Parks", directorateID: placeDirectorate),
        ],
        directorates: [
            .init(id: peopleDirectorate, name: "People", directorID: directorPeople),
            .init(id: placeDirectorate, name: "Place", directorID: directorPlace),
            .init(id: corporate, name: "Governance", directorID: governanceDirector),
        ],
        members: [
            .init(id: cabinetMember, name: "Cara Cabinet", wardID: wardA, groupID: labour, executiveRole: "cabinet-member", portfolio: "Housing"),
            .init(id: sameGroupMember, name: "Sol Same", wardID: wardA, groupID: labour),
            .init(id: otherGroupMember, name: "Otto Other", groupID: conservative),
            .init(id: scrutinyWithin, name: "Sita Scrutiny", groupID: conservative),
            .init(id: scrutinyOutside, name: "Felix Finance", groupID: labour),
            .init(id: interestedMember, name: "Ida Interest", groupID: labour, executiveRole: "cabinet-member"),
            .init(id: planningMember, name: "Piers Planning", groupID: conservative),
            .init(id: labourLeader, name: "Lou Leader", groupID: labour, executiveRole: "leader"),
            .init(id: conservativeLeader, name: "Con Leader", groupID: conservative),
        ],
        groups: [
            .init(id: labour, name: "Labour Group", leaderID: labourLeader, isAdministration: true),
            .init(id: conservative, name: "Conservative Group", leaderID: conservativeLeader),
        ]
    )

    static func profile(_ id: String) throws -> ProtocolProfile {
        try #require(try BuiltInProfiles.named(id))
    }

    /// 12:00 UTC, 2 March 2026, and days around it.
    static let now = Date(timeIntervalSince1970: 1_772_452_800)
    static func day(_ offset: Int) -> Date { now.addingTimeInterval(Double(offset) * 86_400) }

    // Seats.
    static let cabinetSeat = CommitteeSeat(committeeID: cabinet, kind: .cabinet)
    static let scrutinySeat = CommitteeSeat(committeeID: overviewAndScrutiny, kind: .overviewAndScrutiny, termsOfReference: ["housing", "adult-care"])
    static let financeScrutinySeat = CommitteeSeat(committeeID: financeScrutiny, kind: .scrutinySubCommittee, termsOfReference: ["finance"])
    static let planningSeat = CommitteeSeat(committeeID: planning, kind: .regulatory)

    /// Each member's seats and declared interests.
    static func standing(_ member: UUID) -> MemberStanding {
        switch member {
        case cabinetMember: MemberStanding(memberID: member, committees: [cabinetSeat])
        case scrutinyWithin: MemberStanding(memberID: member, committees: [scrutinySeat])
        case scrutinyOutside: MemberStanding(memberID: member, committees: [financeScrutinySeat])
        case interestedMember: MemberStanding(memberID: member, committees: [cabinetSeat], declaredInterests: ["housing"])
        case planningMember: MemberStanding(memberID: member, committees: [planningSeat])
        default: MemberStanding(memberID: member)
        }
    }

    // Viewers.
    static func memberViewer(_ id: UUID) -> Viewer {
        Viewer(kind: .member, personID: id, groupID: org.members[id]?.groupID)
    }

    static func member(_ id: UUID) -> ViewerContext {
        ViewerContext(viewer: memberViewer(id), member: standing(id))
    }

    static func officerViewer(_ id: UUID) -> Viewer {
        Viewer(kind: .officer, personID: id, designations: org.officers[id]?.designations ?? [])
    }

    static func officer(_ id: UUID) -> ViewerContext { .plain(officerViewer(id)) }

    static let labourAssistantViewer = Viewer(kind: .assistant, personID: labourAssistant, groupID: labour, actsForMemberIDs: [sameGroupMember])
    static let conservativeAssistantViewer = Viewer(kind: .assistant, personID: conservativeAssistant, groupID: conservative,
                                                    actsForMemberIDs: [otherGroupMember])

    /// The Labour assistant acting for `member` (whom they may or may not act for).
    static func labourAssistant(actingFor member: UUID) -> ViewerContext {
        .assistant(labourAssistantViewer, actingFor: standing(member))
    }

    static let partyWorkerViewer = Viewer(kind: .partyWorker, personID: partyWorker, groupID: labour)

    // Documents: all Housing's, held by the housing officer, about housing.
    static func document(_ documentClass: DocumentClass, committee: UUID? = cabinet, cabinetItem: Bool = true,
                         disclosableToAnyone: Bool = false) -> DocumentFacts {
        let councilPaper: Bool
        switch documentClass {
        case .groupInternal: councilPaper = false
        default: councilPaper = true
        }
        return DocumentFacts(
            id: id(100), title: "Estate regeneration: \(documentClass)", documentClass: documentClass,
            serviceID: councilPaper ? housing : nil, ownerOfficerID: councilPaper ? housingOfficer : nil,
            committeeID: committee, isCabinetItem: cabinetItem, subjects: ["housing"], wardIDs: [wardA],
            disclosableToAnyone: disclosableToAnyone
        )
    }

    static func grant(to member: UUID, document: DocumentFacts, version: ReleaseVersion = .full, raisedBy assistant: UUID? = nil,
                      grantedAt: Date = day(-1), expiresAt: Date? = day(30), revokedAt: Date? = nil) -> ReleaseGrant {
        ReleaseGrant(requestID: id(200), documentID: document.id, memberID: member, raisedByAssistantID: assistant, version: version,
                     purpose: "ward problem: damp in the tower blocks on the estate", grantedByOfficerID: directorPeople,
                     grantedAt: grantedAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }

    static func access(_ context: ViewerContext, _ document: DocumentFacts, grants: [ReleaseGrant] = [],
                       profile: String = "tower-hamlets", at: Date = now) throws -> DocumentAccess {
        DocumentPolicy.access(context: context, document: document, grants: grants, at: at, profile: try self.profile(profile), org: org)
    }
}
