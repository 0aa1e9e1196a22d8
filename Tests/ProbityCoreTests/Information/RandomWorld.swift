import Foundation
@testable import ProbityCore

/// A deterministic pseudo-random generator (InformationRNG), so every run builds the same world.
struct InformationRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random authority: groups (one or two forming the administration), councillors with seats
/// and declared interests, assistants (some claiming councillors of other groups), party
/// workers, officers in management lines, and documents of every class.
struct RandomWorld {
    static let subjects = ["housing", "finance", "planning", "schools", "waste", "parks", "licensing"]

    var rng: InformationRNG
    var org: OrgSnapshot
    var groups: [UUID] = []
    var members: [UUID] = []
    var standings: [UUID: MemberStanding] = [:]
    var assistants: [Viewer] = []
    var partyWorkers: [Viewer] = []
    var officers: [UUID] = []
    var documents: [DocumentFacts] = []
    var committees: [CommitteeSeat] = []
    private var counter: UInt64 = 0

    mutating func newID() -> UUID {
        counter += 1
        let n = counter
        return UUID(uuid: (0xAB, 0, 0, 0, 0, 0, 0, 0, UInt8(truncatingIfNeeded: n >> 56), UInt8(truncatingIfNeeded: n >> 48),
                           UInt8(truncatingIfNeeded: n >> 40), UInt8(truncatingIfNeeded: n >> 32), UInt8(truncatingIfNeeded: n >> 24),
                           UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)))
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func someSubjects() -> Set<String> {
        Set((0..<Int.random(in: 1...2, using: &rng)).map { _ in pick(Self.subjects) })
    }

    init(seed: UInt64, memberCount: Int = 40, documentCount: Int = 80) {
        rng = InformationRNG(seed: seed)
        org = OrgSnapshot()
        build(memberCount: memberCount, documentCount: documentCount)
    }

    private mutating func build(memberCount: Int, documentCount: Int) {
        // Officers: the Chief Executive, statutory officers, two directorates each with services.
        var officerList: [OrgSnapshot.Officer] = []
        var services: [OrgSnapshot.Service] = []
        var directorates: [OrgSnapshot.Directorate] = []
        let ce = newID()
        officerList.append(.init(id: ce, name: "CE", post: .chiefExecutive))
        let corporate = newID()
        let governance = newID()
        officerList.append(.init(id: governance, name: "Governance", post: .corporateDirector, designations: [.governanceDirector],
                                 directorateID: corporate, lineManagerID: ce))
        directorates.append(.init(id: corporate, name: "Corporate", directorID: governance))
        for (name, role) in [("MO", OrgRole.monitoringOfficer), ("FOI", .foiOfficer), ("CFO", .chiefFinanceOfficer)] {
            officerList.append(.init(id: newID(), name: name, post: .officer, designations: [role], directorateID: corporate,
                                     lineManagerID: governance))
        }
        for d in 0..<2 {
            let directorate = newID()
            let director = newID()
            officerList.append(.init(id: director, name: "Director \(d)", post: .corporateDirector, directorateID: directorate, lineManagerID: ce))
            directorates.append(.init(id: directorate, name: "Directorate \(d)", directorID: director))
            for s in 0..<2 {
                let service = newID()
                let head = newID()
                officerList.append(.init(id: head, name: "Head \(d)\(s)", post: .headOfService, serviceID: service, lineManagerID: director))
                services.append(.init(id: service, name: "Service \(d)\(s)", directorateID: directorate, headOfServiceID: head))
                for o in 0..<3 {
                    officerList.append(.init(id: newID(), name: "Officer \(d)\(s)\(o)", post: .officer, serviceID: service, lineManagerID: head))
                }
            }
        }
        // Groups: the first forms the administration, sometimes in coalition with the second.
        let coalition = chance(0.3)
        var groupList: [OrgSnapshot.Group] = []
        for g in 0..<4 {
            groupList.append(.init(id: newID(), name: "Group \(g)", isAdministration: g == 0 || (g == 1 && coalition)))
        }
        groups = groupList.map(\.id)
        // Committees.
        let cabinet = CommitteeSeat(committeeID: newID(), kind: .cabinet)
        committees = [cabinet]
        committees.append(CommitteeSeat(committeeID: newID(), kind: .overviewAndScrutiny, termsOfReference: someSubjects()))
        for _ in 0..<2 {
            committees.append(CommitteeSeat(committeeID: newID(), kind: .scrutinySubCommittee, termsOfReference: someSubjects()))
        }
        for kind in [CommitteeKind.regulatory, .standards, .other] {
            committees.append(CommitteeSeat(committeeID: newID(), kind: kind))
        }
        // Members.
        let wards = (0..<5).map { _ in newID() }
        var memberList: [OrgSnapshot.Member] = []
        for m in 0..<memberCount {
            let id = newID()
            let group: UUID? = chance(0.1) ? nil : pick(groups)
            memberList.append(.init(id: id, name: "Member \(m)", wardID: pick(wards), groupID: group))
            let administration = group.map { g in groupList.first { $0.id == g }?.isAdministration ?? false } ?? false
            var seats: [CommitteeSeat] = []
            for seat in committees where chance(seat.kind == .cabinet ? (administration ? 0.3 : 0) : 0.2) {
                seats.append(seat)
            }
            standings[id] = MemberStanding(memberID: id, committees: seats,
                                           declaredInterests: chance(0.15) ? [pick(Self.subjects)] : [])
        }
        members = memberList.map(\.id)
        for index in groupList.indices {
            groupList[index].leaderID = memberList.first { $0.groupID == groupList[index].id }?.id
        }
        org = OrgSnapshot(officers: officerList, services: services, directorates: directorates, members: memberList, groups: groupList)
        officers = officerList.map(\.id)
        // Assistants, each acting for some councillors of their group, sometimes also claiming one of another group.
        for _ in 0..<8 {
            let group = pick(groups)
            let own = members.filter { org.members[$0]?.groupID == group }
            var actsFor = Set(own.filter { _ in chance(0.4) })
            if chance(0.2), let stranger = members.first(where: { org.members[$0]?.groupID != group }) { actsFor.insert(stranger) }
            if chance(0.15) { actsFor = [] }  // a former assistant, acting for nobody now
            assistants.append(Viewer(kind: .assistant, personID: newID(), groupID: group, actsForMemberIDs: actsFor))
        }
        for _ in 0..<4 {
            partyWorkers.append(Viewer(kind: .partyWorker, personID: newID(), groupID: pick(groups)))
        }
        // Documents.
        let serviceIDs = services.map(\.id)
        for n in 0..<documentCount {
            let roll = Int.random(in: 0..<100, using: &rng)
            let documentClass: DocumentClass = switch roll {
            case 0..<15: .public
            case 15..<45: .exempt(pick(ExemptCategory.allCases))
            case 45..<55: .confidential
            case 55..<70: .groupInternal(groupID: pick(groups))
            case 70..<85: .draftPolicy
            default: .personal
            }
            let service = pick(serviceIDs)
            let staff = officerList.filter { $0.serviceID == service }.map(\.id)
            var committee: UUID?
            var cabinetItem = false
            switch documentClass {
            case .public, .exempt, .confidential:
                if chance(0.8) {
                    let seat = chance(0.5) ? cabinet : pick(committees)
                    committee = seat.committeeID
                    cabinetItem = seat.kind == .cabinet
                }
            default:
                break
            }
            let isGroupPaper: Bool = if case .groupInternal = documentClass { true } else { false }
            documents.append(DocumentFacts(
                id: newID(), title: "Document \(n)", documentClass: documentClass, serviceID: isGroupPaper ? nil : service,
                ownerOfficerID: isGroupPaper || chance(0.1) ? nil : pick(staff), committeeID: committee, isCabinetItem: cabinetItem,
                subjects: someSubjects(), wardIDs: [pick(wards)], disclosableToAnyone: chance(0.2)))
        }
    }

    /// A councillor reading as themself.
    func memberContext(_ id: UUID) -> ViewerContext {
        ViewerContext(viewer: Viewer(kind: .member, personID: id, groupID: org.members[id]?.groupID), member: standings[id])
    }

    /// An assistant naming `member` (whom they may or may not act for).
    func assistantContext(_ assistant: Viewer, actingFor member: UUID?) -> ViewerContext {
        ViewerContext(viewer: assistant, member: member.flatMap { standings[$0] })
    }

    func officerContext(_ id: UUID) -> ViewerContext {
        .plain(Viewer(kind: .officer, personID: id, designations: org.officers[id]?.designations ?? []))
    }

    /// Any reader at all.
    mutating func randomReader() -> ViewerContext {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<45: return memberContext(pick(members))
        case 45..<65:
            let assistant = pick(assistants)
            let named: UUID? = chance(0.7) && !assistant.actsForMemberIDs.isEmpty ? pick(Array(assistant.actsForMemberIDs).sorted())
                : (chance(0.8) ? pick(members) : nil)
            return assistantContext(assistant, actingFor: named)
        case 65..<70: return .plain(pick(partyWorkers))
        case 70..<72: return .plain(Viewer(kind: .none, personID: nil))
        default: return officerContext(pick(officers))
        }
    }
}
