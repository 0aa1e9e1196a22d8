import Foundation
import Testing
@testable import ProbityCore

/// A small authority for the enquiries tests: two directorates, four services (one with no
/// Head of Service or liaison officer at all), two party groups and their members.
enum EnquiryFixture {
    static func id(_ n: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xE0, n))
    }

    // Directorates and services.
    static let place = id(1)
    static let people = id(2)
    static let highways = id(10)
    static let parks = id(11)
    static let housing = id(12)
    static let libraries = id(13)

    // Officers.
    static let chiefExecutive = id(20)
    static let directorPlace = id(21)
    static let directorPeople = id(22)
    static let headOfHighways = id(23)
    static let liaisonHighways = id(24)
    static let highwaysOfficer = id(25)
    static let highwaysColleague = id(26)
    static let headOfParks = id(27)
    static let parksOfficer = id(28)
    static let liaisonHousing = id(29)
    static let memberServicesOfficer = id(30)
    static let monitoringOfficer = id(31)
    /// In Highways but line-managed straight by the Chief Executive, so the Place director is
    /// not in their management line.
    static let highwaysSecondee = id(32)
    static let placeOfficer = id(33)

    // Groups, wards, members, assistants.
    static let labour = id(40)
    static let conservative = id(41)
    static let wardA = id(42)
    static let wardB = id(43)
    static let cllrAhmed = id(50)     // Labour, ward A: the enquiring member
    static let cllrBrown = id(51)     // Labour, ward A: same group
    static let cllrCarter = id(52)    // Conservative, ward B
    static let cllrLeader = id(53)    // Labour group leader
    static let cllrDavies = id(54)
    static let cllrEvans = id(55)
    static let cllrFoster = id(56)
    static let assistantForAhmed = id(60)
    static let assistantForBrown = id(61)
    static let partyWorker = id(62)

    static let org = OrgSnapshot(
        officers: [
            .init(id: chiefExecutive, name: "Chris Exley", post: .chiefExecutive),
            .init(id: directorPlace, name: "Dana Place", post: .corporateDirector, directorateID: place, lineManagerID: chiefExecutive),
            .init(id: directorPeople, name: "Pat People", post: .corporateDirector, directorateID: people, lineManagerID: chiefExecutive),
            .init(id: headOfHighways, name: "Hal Road", post: .headOfService, serviceID: highways, lineManagerID: directorPlace),
            .init(id: liaisonHighways, name: "Lee Liaison", post: .officer, serviceID: highways, lineManagerID: headOfHighways),
            .init(id: highwaysOfficer, name: "Olu Tarmac", post: .officer, serviceID: highways, lineManagerID: headOfHighways),
            .init(id: highwaysColleague, name: "Kim Kerb", post: .officer, serviceID: highways, lineManagerID: headOfHighways),
            .init(id: headOfParks, name: "Pip Green", post: .headOfService, serviceID: parks, lineManagerID: directorPlace),
            .init(id: parksOfficer, name: "Rowan Tree", post: .officer, serviceID: parks, lineManagerID: headOfParks),
            .init(id: liaisonHousing, name: "Hana Home", post: .officer, serviceID: housing, lineManagerID: directorPeople),
            .init(id: memberServicesOfficer, name: "Mo Services", post: .officer, designations: [.memberServices], lineManagerID: chiefExecutive),
            .init(id: monitoringOfficer, name: "Morgan Law", post: .officer, designations: [.monitoringOfficer], lineManagerID: chiefExecutive),
            .init(id: highwaysSecondee, name: "Sam Second", post: .officer, serviceID: highways, lineManagerID: chiefExecutive),
            .init(id: placeOfficer, name: "Ira Plan", post: .officer, directorateID: place, lineManagerID: directorPlace),
        ],
        services: [
            .init(id: highways, name: "Highways", directorateID: place, headOfServiceID: headOfHighways, liaisonOfficerID: liaisonHighways),
            .init(id: parks, name: "Parks", directorateID: place, headOfServiceID: headOfParks),
            .init(id: housing, name: "Housing", directorateID: people, liaisonOfficerID: liaisonHousing),
            .init(id: libraries, name: "Libraries"),
        ],
        directorates: [
            .init(id: place, name: "Place", directorID: directorPlace),
            .init(id: people, name: "People", directorID: directorPeople),
        ],
        members: [
            .init(id: cllrAhmed, name: "Aisha Ahmed", wardID: wardA, groupID: labour),
            .init(id: cllrBrown, name: "Ben Brown", wardID: wardA, groupID: labour),
            .init(id: cllrCarter, name: "Cara Carter", wardID: wardB, groupID: conservative),
            .init(id: cllrLeader, name: "Lou Leader", wardID: wardB, groupID: labour, executiveRole: "leader"),
            .init(id: cllrDavies, name: "Dev Davies", wardID: wardB, groupID: conservative),
            .init(id: cllrEvans, name: "Eve Evans", wardID: wardA, groupID: labour),
            .init(id: cllrFoster, name: "Cllr Fay Foster", wardID: wardB),
        ],
        groups: [
            .init(id: labour, name: "Labour Group", leaderID: cllrLeader, isAdministration: true),
            .init(id: conservative, name: "Conservative Group"),
        ]
    )

    static func profile(_ id: String) throws -> ProtocolProfile {
        try #require(try BuiltInProfiles.named(id))
    }

    static let calendar = WorkingCalendar(region: .englandAndWales)

    /// Noon in London on `date`.
    static func noon(_ date: CalendarDate) -> Date { date.instant(hour: 12) }

    // Viewers.
    static func member(_ id: UUID) -> Viewer {
        Viewer(kind: .member, personID: id, groupID: org.members[id]?.groupID)
    }

    static func officer(_ id: UUID) -> Viewer {
        Viewer(kind: .officer, personID: id, designations: org.officers[id]?.designations ?? [])
    }

    static func assistant(_ id: UUID, group: UUID, actsFor: Set<UUID>) -> Viewer {
        Viewer(kind: .assistant, personID: id, groupID: group, actsForMemberIDs: actsFor)
    }

    static let partyWorkerViewer = Viewer(kind: .partyWorker, personID: partyWorker, groupID: labour)
    static let nobody = Viewer(kind: .none, personID: nil)

    /// A valid routine draft from Cllr Ahmed about Highways.
    static func draft(purpose: EnquiryIntakePurpose? = .wardCasework, constituent: Constituent? = nil) -> EnquiryDraft {
        EnquiryDraft(memberID: cllrAhmed, channel: .email, subject: "Pothole on Mile End Road",
                     details: "A resident reports a deep pothole outside number 12.", purpose: purpose,
                     serviceID: highways, wardID: wardA, constituent: constituent)
    }

    /// A registered Highways enquiry handled by `handler`.
    static func state(handler: UUID = highwaysOfficer, constituent: Constituent? = nil,
                      receivedOn: CalendarDate = CalendarDate(2026, 11, 2), routine: Bool = true) -> EnquiryState {
        EnquiryState(raisedBy: .member(cllrAhmed), serviceID: highways, routine: routine, constituent: constituent,
                     receivedAt: noon(receivedOn), handlingOfficerID: handler)
    }

    static let consentingConstituent = Constituent(name: "Rita Resident", contact: "12 Mile End Road, E1", consentToShare: true)
}
