import Foundation
import Testing
@testable import ProbityCore

/// A committee of 15 against 20,000 declarations: the check finds exactly what was planted,
/// whichever way the declarations are indexed. (Timing is in Benchmarks/ConflictCheckBenchmark.)
@Suite("Conflict check at scale")
struct ConflictCheckScaleTests {
    typealias F = RegisterFixture

    /// A deterministic generator, so a failure repeats.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let committee = (0..<15).map { PersonRef.member(F.id(10_000 + $0)) }
    static let items = (0..<12).map { n in
        F.item("\(n)", [.land("\(n) Planted Road"), .body("Planted Body \(n)"), .ward(F.id(20_000 + n % 4)), .topic("topic \(n)")])
    }

    /// 20,000 declarations by 2,000 people (members and officers), none touching the agenda,
    /// plus the planted ones.
    static func declarations() -> (all: [Declaration], planted: [PersonRef: String]) {
        var generator = Generator(state: 42)
        var all: [Declaration] = []
        all.reserveCapacity(20_000)
        for n in 0..<19_990 {
            let person = PersonRef.member(F.id(30_000 + generator.next(2_000)))
            let tags: Set<InterestTag> = [.land("\(generator.next(100_000)) Elsewhere Street"), .body("Company \(generator.next(50_000))")]
            let kind: DeclarationKind = n % 3 == 0 ? .otherRegisterable(.other) : .disclosablePecuniary(.land, holder: .member)
            all.append(F.declaration(person, kind, "Interest \(n)", tags: tags))
        }
        // Committee members' own unrelated interests.
        for (n, member) in committee.enumerated() {
            all.append(F.dpi(member, .land, "Unrelated \(n)", tags: [.land("\(n) Unrelated Lane")]))
        }
        // Planted: member 3 has land on item 5; member 7 a charity on item 9; member 11 council tax arrears.
        all.append(F.dpi(committee[3], .land, "Planted land", tags: [.land("5 planted road")]))
        all.append(F.declaration(committee[7], .otherRegisterable(.charitable), "Planted trustee", tags: [.body("PLANTED BODY 9 LTD")]))
        all.append(F.restriction(committee[11], .councilTaxArrears(months: 2)))
        return (all, [committee[3]: "5", committee[7]: "9"])
    }

    @Test func itFindsExactlyWhatWasPlanted() throws {
        let (all, planted) = Self.declarations()
        #expect(all.count == 20_008)
        let matter = F.meeting(id: "big", Self.items)
        let participants = Self.committee.map { MatterParticipant($0) }
        let profile = try F.profile("tower-hamlets")
        let report = ConflictCheck.run(matter: matter, participants: participants, declarations: all, dispensations: [],
                                       profile: profile, org: F.org)
        for row in report.participants {
            for item in row.items {
                let expected: ConflictOutcome = switch (planted[row.participant.person], item.itemID) {
                case ("5", "5") where row.participant.person == Self.committee[3]: .mustWithdraw
                case ("9", "9") where row.participant.person == Self.committee[7]: .mustDeclare
                default: .clear
                }
                #expect(item.outcome == expected, "\(row.participant.person) item \(item.itemID)")
            }
        }
        // The same answer from one index of every declaration, built once for many checks.
        let index = DeclarationIndex(all)
        let again = ConflictCheck.run(matter: matter, participants: participants, index: index, dispensations: [], profile: profile, org: F.org)
        #expect(again == report)
        #expect(index.declarations(of: Self.committee[3], on: F.meetingDay).count == 2)
    }

    @Test func theParticipantIndexKeepsOnlyTheirEntries() {
        let (all, _) = Self.declarations()
        let index = DeclarationIndex(all, people: Set(Self.committee))
        #expect(index.declarations.count == 18)
    }
}
