import Foundation
import Testing
@testable import ProbityCore

/// A small authority for complaint tests: two directorates with their services, a Chief
/// Executive, a Monitoring Officer below director, an HR director, a complaints officer, and
/// members in two groups plus a Chair and an independent.
enum ComplaintFixture {
    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n)) ?? UUID()
    }

    // Officers
    static let chiefExecutive = PersonRef.officer(id(1))
    static let placeDirector = PersonRef.officer(id(2))
    static let peopleDirector = PersonRef.officer(id(3))
    static let governanceDirector = PersonRef.officer(id(4))
    static let placeAssistantDirector = PersonRef.officer(id(5))
    static let highwaysHead = PersonRef.officer(id(6))
    static let highwaysOfficer = PersonRef.officer(id(7))
    static let housingHead = PersonRef.officer(id(8))
    static let caseworker = PersonRef.officer(id(9))
    static let monitoringOfficer = PersonRef.officer(id(10))   // Head of Legal, below director
    static let hrDirector = PersonRef.officer(id(11))
    static let complaintsOfficer = PersonRef.officer(id(12))
    static let witnessOfficer = PersonRef.officer(id(13))

    // Members
    static let chair = PersonRef.member(id(101))
    static let leaderA = PersonRef.member(id(102))
    static let memberA = PersonRef.member(id(103))
    static let leaderB = PersonRef.member(id(104))
    static let memberB = PersonRef.member(id(105))
    static let independent = PersonRef.member(id(106))

    static let place = id(201), people = id(202), governance = id(203)
    static let highways = id(301), housing = id(302), legal = id(303)
    static let groupA = id(401), groupB = id(402)

    static let org: OrgSnapshot = {
        func o(_ ref: PersonRef, _ name: String, _ post: OfficerPost, _ designations: Set<OrgRole> = [],
               service: UUID? = nil, directorate: UUID? = nil, manager: PersonRef? = nil) -> OrgSnapshot.Officer {
            OrgSnapshot.Officer(id: ref.id, name: name, post: post, designations: designations, serviceID: service,
                                directorateID: directorate, lineManagerID: manager?.id)
        }
        func m(_ ref: PersonRef, _ name: String, group: UUID?, position: String = "councillor") -> OrgSnapshot.Member {
            OrgSnapshot.Member(id: ref.id, name: name, groupID: group, position: position)
        }
        return OrgSnapshot(
            officers: [
                o(chiefExecutive, "Chief Executive", .chiefExecutive),
                o(placeDirector, "Director of Place", .corporateDirector, directorate: place, manager: chiefExecutive),
                o(peopleDirector, "Director of People", .corporateDirector, directorate: people, manager: chiefExecutive),
                o(governanceDirector, "Director of Governance", .corporateDirector, [.governanceDirector],
                  directorate: governance, manager: chiefExecutive),
                o(placeAssistantDirector, "AD Place", .assistantDirector, directorate: place, manager: placeDirector),
                o(highwaysHead, "Head of Highways", .headOfService, service: highways, manager: placeAssistantDirector),
                o(highwaysOfficer, "Highways Officer", .officer, service: highways, manager: highwaysHead),
                o(housingHead, "Head of Housing", .headOfService, service: housing, manager: peopleDirector),
                o(caseworker, "Housing Caseworker", .officer, service: housing, manager: housingHead),
                o(monitoringOfficer, "Head of Legal", .headOfService, [.monitoringOfficer], service: legal,
                  manager: governanceDirector),
                o(hrDirector, "Divisional Director HR", .divisionalDirector, [.hrDirector], directorate: governance,
                  manager: governanceDirector),
                o(complaintsOfficer, "Corporate Complaints Officer", .officer, [.complaintsOfficer], service: legal,
                  manager: monitoringOfficer),
                o(witnessOfficer, "Highways Inspector", .officer, service: highways, manager: highwaysHead),
            ],
            services: [
                OrgSnapshot.Service(id: highways, name: "Highways", directorateID: place, headOfServiceID: highwaysHead.id),
                OrgSnapshot.Service(id: housing, name: "Housing", directorateID: people, headOfServiceID: housingHead.id),
                OrgSnapshot.Service(id: legal, name: "Legal", directorateID: governance, headOfServiceID: monitoringOfficer.id),
            ],
            directorates: [
                OrgSnapshot.Directorate(id: place, name: "Place", directorID: placeDirector.id),
                OrgSnapshot.Directorate(id: people, name: "People", directorID: peopleDirector.id),
                OrgSnapshot.Directorate(id: governance, name: "Governance", directorID: governanceDirector.id),
            ],
            members: [
                m(chair, "Cllr Chair", group: groupA, position: "chair"),
                m(leaderA, "Cllr Leader A", group: groupA),
                m(memberA, "Cllr Member A", group: groupA),
                m(leaderB, "Cllr Leader B", group: groupB),
                m(memberB, "Cllr Member B", group: groupB),
                m(independent, "Cllr Independent", group: nil),
            ],
            groups: [
                OrgSnapshot.Group(id: groupA, name: "Group A", leaderID: leaderA.id, isAdministration: true),
                OrgSnapshot.Group(id: groupB, name: "Group B", leaderID: leaderB.id),
            ])
    }()

    static let calendar = WorkingCalendar(region: .englandAndWales)

    static func profile(_ id: String) throws -> ProtocolProfile {
        try #require(try BuiltInProfiles.named(id))
    }

    /// The fixture's person for each kind a route can name.
    static func subject(for kind: ComplaintSubjectKind) -> PersonRef {
        switch kind {
        case .officer: highwaysOfficer
        case .director: placeDirector
        case .chiefExecutive: chiefExecutive
        case .monitoringOfficer: monitoringOfficer
        case .member: memberA
        case .groupLeader: leaderB
        case .chair: chair
        }
    }

    static func complainant(for kind: ComplainantKind) -> PersonRef {
        switch kind {
        case .member: memberB
        case .officer: caseworker
        }
    }

    static func viewer(_ person: PersonRef) -> Viewer {
        switch person {
        case .officer(let id):
            Viewer(kind: .officer, personID: id, designations: org.officers[id]?.designations ?? [])
        case .member(let id):
            Viewer(kind: .member, personID: id, groupID: org.members[id]?.groupID)
        }
    }

    static func routed(_ outcome: ComplaintRoutingOutcome, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutedComplaint {
        guard let routed = outcome.routed else {
            Issue.record("expected a route, got: \(outcome.unrouted?.reason ?? "?")", sourceLocation: sourceLocation)
            throw FixtureError.notRouted
        }
        return routed
    }

    enum FixtureError: Error { case notRouted }
}
