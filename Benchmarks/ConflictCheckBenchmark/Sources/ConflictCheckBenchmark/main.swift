import Foundation
import ProbityCore

// A committee of 15 against 20,000 declarations, checking a 12-item agenda:
//   run(declarations:)   the one-shot call the server makes: indexes the participants' entries, then checks
//   run(index:)          against an index of every declaration built once beforehand
//   DeclarationIndex(_:) building that index of all 20,000
// Each is timed over many runs; the median and the slowest are printed. Exits 1 if the
// one-shot call's median goes over the budget, or if the check stops finding what was planted.

let runs = 200
let budget = Duration.milliseconds(20)

func id(_ n: Int) -> UUID {
    UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n)) ?? UUID()
}

// The authority: 60 members in 3 groups over 20 wards, 400 officers in 8 services.
let services = (0..<8).map { OrgSnapshot.Service(id: id(100 + $0), name: "Service \($0)") }
let officers = (0..<400).map { n in
    OrgSnapshot.Officer(id: id(1_000 + n), name: "Officer \(n)", post: n == 0 ? .chiefExecutive : .officer,
                        designations: n == 1 ? [.monitoringOfficer] : [], serviceID: services[n % 8].id)
}
let groups = (0..<3).map { OrgSnapshot.Group(id: id(200 + $0), name: "Group \($0)") }
let wards = (0..<20).map { id(300 + $0) }
let members = (0..<60).map { n in
    OrgSnapshot.Member(id: id(5_000 + n), name: "Member \(n)", wardID: wards[n % 20], groupID: groups[n % 3].id)
}
let org = OrgSnapshot(officers: officers, services: services, members: members, groups: groups)
let monitoringOfficer = PersonRef.officer(officers[1].id)

// 20,000 declarations, as a register holds them over the years: 60 for each of the 60 members
// (half of them ceased), the rest by officers, one in a hundred of those a close relationship
// with a member. A few are planted to touch the agenda.
struct Generator {
    var state: UInt64 = 2026
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}
let committee = members.prefix(15).map { PersonRef.member($0.id) }

func makeDeclarations() -> [Declaration] {
    var random = Generator()
    let registered = CalendarDate(2024, 5, 9)
    var declarations: [Declaration] = []
    declarations.reserveCapacity(20_000)
    func add(_ person: PersonRef, _ kind: DeclarationKind, tags: Set<InterestTag>, ceased: CalendarDate? = nil) {
        declarations.append(Declaration(id: UUID(), declarant: person, kind: kind, description: "Interest \(declarations.count)",
                                        tags: tags, registeredOn: registered, ceasedOn: ceased))
    }
    let categories = PecuniaryInterestCategory.allCases
    for member in members {
        for n in 0..<60 {
            let category = categories[n % 7]
            let tags: Set<InterestTag> = category == .land
                ? [.land("\(random.next(90_000)) Long Road"), .ward(wards[random.next(20)])]
                : [.body("Company \(random.next(40_000)) Ltd")]
            let kind: DeclarationKind = n % 4 == 0
                ? .otherRegisterable(.other)
                : .disclosablePecuniary(category, holder: n % 5 == 0 ? .spouseOrPartner : .member)
            add(.member(member.id), kind, tags: tags, ceased: n % 2 == 0 ? CalendarDate(2025, 1, 1) : nil)
        }
    }
    while declarations.count < 19_994 {
        let person = PersonRef.officer(officers[random.next(officers.count)].id)
        let kind: DeclarationKind = random.next(100) == 0
            ? .closeRelationship(CloseRelationship(with: .member(members[random.next(60)].id), nature: .closeFriendship))
            : .otherRegisterable(.other)
        add(person, kind, tags: [.body("Company \(random.next(40_000)) Ltd")])
    }
    add(committee[2], .disclosablePecuniary(.land, holder: .member), tags: [.land("3 Agenda Street")])
    add(committee[5], .otherRegisterable(.charitable), tags: [.body("Agenda Trust 7")])
    add(committee[8], .restriction(.councilTaxArrears(months: 3)), tags: [])
    add(committee[9], .restriction(.councilTenancy(address: "9 Tenant Way", rentArrearsMonths: 2)), tags: [])
    add(committee[11], .closeRelationship(CloseRelationship(with: .officer(officers[42].id), nature: .spouseOrCivilPartner)), tags: [])
    add(committee[13], .restriction(.tradeUnion(union: "Unison", role: .official)), tags: [])
    return declarations
}
let declarations = makeDeclarations()

// The agenda: 12 items, each touching land, a body, a ward, a department and a topic.
let items = (0..<12).map { n -> MatterItem in
    var tags: Set<InterestTag> = [.land("\(n) Agenda Street"), .body("Agenda Trust \(n)"), .ward(wards[n]),
                                  .department(services[n % 8].id), .topic("topic \(n)")]
    if n == 0 { tags.insert(.councilTaxSetting) }
    if n == 1 { tags.formUnion([.housingRents]) }
    if n == 2 { tags.insert(.staffNegotiations) }
    if n == 4 { tags.insert(.person(.officer(officers[42].id))) }
    return MatterItem(id: "\(n)", title: "Item \(n)", tags: tags)
}
let body = DecisionBody(id: "cabinet", name: "Cabinet")
let matter = Matter.meeting(id: "meeting", committee: body, date: CalendarDate(2026, 9, 15), items: items)
let participants = committee.map { MatterParticipant($0) }
let dispensations = [Dispensation(id: UUID(), grantee: .member(committee[2].id), scope: .item(matterID: "meeting", itemID: "3"),
                                  terms: .discussion, ground: .inhabitantsInterests, grantedBy: monitoringOfficer,
                                  grantedOn: CalendarDate(2026, 1, 1), expiresOn: CalendarDate(2027, 1, 1))]
guard let profile = try BuiltInProfiles.named("tower-hamlets") else {
    print("the tower-hamlets profile is missing")
    exit(1)
}

func time<T>(_ body: () -> T) -> (Duration, T) {
    var result: T?
    let elapsed = ContinuousClock().measure { result = body() }
    guard let result else { preconditionFailure("measured body returned nothing") }
    return (elapsed, result)
}

func summary(_ label: String, _ durations: [Duration]) -> Duration {
    let sorted = durations.sorted()
    let median = sorted[sorted.count / 2]
    print("\(label): median \(milliseconds(median)), slowest \(milliseconds(sorted.last ?? median)) over \(durations.count) runs")
    return median
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.2f ms", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
}

print("\(declarations.count) declarations, \(participants.count) participants, \(items.count) items")

func measure() -> (report: ConflictReport, median: Duration) {
    var oneShot: [Duration] = []
    var report: ConflictReport?
    for _ in 0..<runs {
        let (elapsed, result) = time {
            ConflictCheck.run(matter: matter, participants: participants, declarations: declarations,
                              dispensations: dispensations, profile: profile, org: org)
        }
        oneShot.append(elapsed)
        report = result
    }
    var indexBuilds: [Duration] = []
    var index = DeclarationIndex([])
    for _ in 0..<20 {
        let (elapsed, built) = time { DeclarationIndex(declarations) }
        indexBuilds.append(elapsed)
        index = built
    }
    var indexed: [Duration] = []
    for _ in 0..<runs {
        let (elapsed, _) = time {
            ConflictCheck.run(matter: matter, participants: participants, index: index, dispensations: dispensations,
                              profile: profile, org: org)
        }
        indexed.append(elapsed)
    }
    let median = summary("run(declarations:) one-shot      ", oneShot)
    _ = summary("run(index:) with a prebuilt index", indexed)
    _ = summary("DeclarationIndex of all 20,000   ", indexBuilds)
    guard let report else { preconditionFailure("no runs") }
    return (report, median)
}
let (report, median) = measure()

// What was planted must be found.
let expected: [(Int, String, ConflictOutcome)] = [
    (2, "3", .maySpeakNotVote),   // DPI on item 3, eased by a discussion-only dispensation
    (5, "7", .mustDeclare),       // charity trustee
    (8, "0", .maySpeakNotVote),   // council tax arrears on council tax setting
    (9, "1", .maySpeakNotVote),   // council tenant in rent arrears on rents
    (11, "4", .mustWithdraw),     // TH 5.3: the item affects the member's spouse
    (13, "2", .mustWithdraw),     // TH 14.9: union official on staff negotiations
]
var wrong = 0
for (member, item, outcome) in expected {
    let found = report.outcome(for: committee[member], item: item)
    if found != outcome {
        print("member \(member) item \(item): expected \(outcome.displayName), found \(found.displayName)")
        wrong += 1
    }
}
let flagged = report.participants.reduce(0) { $0 + $1.items.filter { $0.outcome > .clear }.count }
print("\(flagged) participant-items flagged")
if wrong > 0 { exit(1) }
if median > budget {
    print("over budget: the one-shot check's median is more than \(milliseconds(budget))")
    exit(1)
}
