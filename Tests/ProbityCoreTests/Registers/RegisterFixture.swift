import Foundation
import Testing
@testable import ProbityCore

/// A small authority for register and conflict tests: directorates of Place, People and
/// Governance with Highways, Housing and Legal services; a Monitoring Officer (Head of Legal)
/// and an HR director; members in two groups (group A with a leader and a whip, group B with a
/// leader only), an independent and the Mayor.
enum RegisterFixture {
    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n)) ?? UUID()
    }

    // Officers
    static let chiefExecutive = PersonRef.officer(id(1))
    static let placeDirector = PersonRef.officer(id(2))
    static let peopleDirector = PersonRef.officer(id(3))
    static let governanceDirector = PersonRef.officer(id(4))
    static let highwaysHead = PersonRef.officer(id(5))
    static let highwaysOfficer = PersonRef.officer(id(6))
    static let housingHead = PersonRef.officer(id(7))
    static let housingOfficer = PersonRef.officer(id(8))
    static let monitoringOfficer = PersonRef.officer(id(9))
    static let hrDirector = PersonRef.officer(id(10))
    static let housingManager = PersonRef.officer(id(11))

    // Members
    static let leaderA = PersonRef.member(id(101))
    static let whipA = PersonRef.member(id(102))
    static let ann = PersonRef.member(id(103))      // group A
    static let bob = PersonRef.member(id(104))      // group A
    static let leaderB = PersonRef.member(id(105))
    static let carol = PersonRef.member(id(106))    // group B
    static let independent = PersonRef.member(id(107))
    static let mayor = PersonRef.member(id(108))

    static let place = id(201), people = id(202), governance = id(203)
    static let highways = id(301), housing = id(302), legal = id(303)
    static let groupA = id(401), groupB = id(402)
    static let northWard = id(501), southWard = id(502)

    static let org: OrgSnapshot = {
        func o(_ ref: PersonRef, _ name: String, _ post: OfficerPost, _ designations: Set<OrgRole> = [],
               service: UUID? = nil, directorate: UUID? = nil, manager: PersonRef? = nil) -> OrgSnapshot.Officer {
            OrgSnapshot.Officer(id: ref.id, name: name, post: post, designations: designations, serviceID: service,
                                directorateID: directorate, lineManagerID: manager?.id)
        }
        func m(_ ref: PersonRef, _ name: String, group: UUID?, ward: UUID?, position: String = "councillor") -> OrgSnapshot.Member {
            OrgSnapshot.Member(id: ref.id, name: name, wardID: ward, groupID: group, position: position)
        }
        return OrgSnapshot(
            officers: [
                o(chiefExecutive, "Chief Executive", .chiefExecutive),
                o(placeDirector, "Director of Place", .corporateDirector, directorate: place, manager: chiefExecutive),
                o(peopleDirector, "Director of People", .corporateDirector, directorate: people, manager: chiefExecutive),
                o(governanceDirector, "Director of Governance", .corporateDirector, [.governanceDirector],
                  directorate: governance, manager: chiefExecutive),
                o(highwaysHead, "Head of Highways", .headOfService, service: highways, manager: placeDirector),
                o(highwaysOfficer, "Dana Highways", .officer, service: highways, manager: highwaysHead),
                o(housingHead, "Head of Housing", .headOfService, service: housing, manager: peopleDirector),
                o(housingManager, "Housing Manager", .manager, service: housing, manager: housingHead),
                o(housingOfficer, "Eve Housing", .officer, service: housing, manager: housingManager),
                o(monitoringOfficer, "Head of Legal", .headOfService, [.monitoringOfficer], service: legal,
                  manager: governanceDirector),
                o(hrDirector, "Divisional Director HR", .divisionalDirector, [.hrDirector], directorate: governance,
                  manager: governanceDirector),
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
                m(leaderA, "Alice Leader", group: groupA, ward: northWard),
                m(whipA, "Walter Whip", group: groupA, ward: southWard),
                m(ann, "Ann Able", group: groupA, ward: northWard),
                m(bob, "Bob Baker", group: groupA, ward: southWard),
                m(leaderB, "Bea Leader", group: groupB, ward: southWard),
                m(carol, "Carol Clark", group: groupB, ward: northWard),
                m(independent, "Ivan Independent", group: nil, ward: southWard),
                m(mayor, "Morag Mayor", group: groupA, ward: northWard, position: "mayor"),
            ],
            groups: [
                OrgSnapshot.Group(id: groupA, name: "Group A", leaderID: leaderA.id, whipID: whipA.id, isAdministration: true),
                OrgSnapshot.Group(id: groupB, name: "Group B", leaderID: leaderB.id),
            ]
        )
    }()

    static let profileIDs = ["hackney", "leicestershire", "london-councils", "tower-hamlets", "wigan"]

    static func profile(_ id: String) throws -> ProtocolProfile {
        try #require(try BuiltInProfiles.named(id))
    }

    static func viewer(_ person: PersonRef) -> Viewer {
        switch person {
        case .officer(let id):
            Viewer(kind: .officer, personID: id, designations: org.officers[id]?.designations ?? [])
        case .member(let id):
            Viewer(kind: .member, personID: id, groupID: org.members[id]?.groupID)
        }
    }

    static let registered = CalendarDate(2026, 5, 11)
    static let meetingDay = CalendarDate(2026, 9, 15)

    /// A declaration with a fresh id.
    static func declaration(
        _ declarant: PersonRef, _ kind: DeclarationKind, _ description: String = "An interest",
        tags: Set<InterestTag> = [], sensitivity: Sensitivity = .none, significant: Bool = false,
        relatedPersonName: String? = nil, registeredOn: CalendarDate = registered, ceasedOn: CalendarDate? = nil
    ) -> Declaration {
        Declaration(id: UUID(), declarant: declarant, kind: kind, description: description,
                    relatedPersonName: relatedPersonName, tags: tags, sensitivity: sensitivity,
                    judgedSignificant: significant, registeredOn: registeredOn, ceasedOn: ceasedOn)
    }

    static func dpi(_ member: PersonRef, _ category: PecuniaryInterestCategory, _ description: String,
                    holder: InterestHolder = .member, tags: Set<InterestTag>, sensitivity: Sensitivity = .none,
                    relatedPersonName: String? = nil) -> Declaration {
        declaration(member, .disclosablePecuniary(category, holder: holder), description, tags: tags,
                    sensitivity: sensitivity, relatedPersonName: relatedPersonName)
    }

    static func relationship(_ declarant: PersonRef, with other: PersonRef, _ nature: RelationshipNature,
                             undueInfluence: Bool = false) -> Declaration {
        declaration(declarant, .closeRelationship(CloseRelationship(with: other, nature: nature,
                                                                     mightBeSeenAsUndulyInfluencing: undueInfluence)), "")
    }

    static func restriction(_ member: PersonRef, _ restriction: Restriction) -> Declaration {
        declaration(member, .restriction(restriction), "")
    }

    // Bodies
    static let housingCommittee = DecisionBody(id: "housing-committee", name: "Housing Committee", departments: [housing])
    static let planningCommittee = DecisionBody(id: "planning", name: "Planning Committee", departments: [place])
    static let jcag = DecisionBody(id: "jcag", name: "Joint Consultative Advisory Group", negotiatesWithStaff: true)
    static let cabinet = DecisionBody(id: "cabinet", name: "Cabinet")

    static func meeting(_ body: DecisionBody, id: String = "meeting-1", _ items: [MatterItem]) -> Matter {
        Matter.meeting(id: id, committee: body, date: meetingDay, items: items)
    }

    /// A Planning Committee meeting.
    static func meeting(id: String = "meeting-1", _ items: [MatterItem]) -> Matter {
        meeting(planningCommittee, id: id, items)
    }

    static func item(_ id: String, _ tags: Set<InterestTag>) -> MatterItem {
        MatterItem(id: id, title: "Item \(id)", tags: tags)
    }

    static func check(
        _ matter: Matter, _ participants: [PersonRef], _ declarations: [Declaration], dispensations: [Dispensation] = [],
        profile id: String = "tower-hamlets"
    ) throws -> ConflictReport {
        ConflictCheck.run(matter: matter, participants: participants.map { MatterParticipant($0) }, declarations: declarations,
                          dispensations: dispensations, profile: try profile(id), org: org)
    }
}
