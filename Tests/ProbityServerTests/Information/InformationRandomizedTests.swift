import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

/// Random seats, interests, requests and decisions through the API; then every councillor and the
/// assistant tries every document, and an independent statement of the rules (TH 12.6, 12.7,
/// 12.13, 12.14, 12.23) says what they may read. Nobody may read more, or less.
@Suite("Documents: randomized multi-actor check over HTTP")
struct InformationRandomizedTests {
    typealias W = InformationWorld
    typealias Who = ComplaintWorld.Who

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let members: [Who] = [.memberA, .leaderA, .chair, .memberB, .leaderB, .independent]
    static let groupA: Set<Who> = [.memberA, .leaderA, .chair]
    static let groupB: Set<Who> = [.memberB, .leaderB]
    static let reasons = ["I need this to answer a resident's complaint about the works in my ward.",
                          "My portfolio covers this and I must brief the Cabinet on the options.",
                          "The scrutiny panel I sit on is reviewing this decision next month."]

    @Test("No councillor or assistant reads what the rules deny, nor is denied what they allow", arguments: TestDatabase.all)
    func randomized(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app)
            var random = Generator(state: 0x5EED_0007)
            let committees = [world.cabinetID, world.planningID, world.scrutinyID]
            let subjects = ["housing", "budget", "riverside-appeal"]
            var who: [UUID: Who] = [:]
            for w in Who.allCases { who[world.id(w)] = w }
            let assistant = try await world.assistant(app)
            for _ in 0..<40 {
                switch random.next(5) {
                case 0:
                    let seat = CommitteeMembership(); seat.authorityID = world.base.authorityID
                    seat.committeeID = committees[random.next(3)]; seat.memberID = world.id(Self.members[random.next(Self.members.count)]); seat.role = "member"
                    if try await CommitteeMembership.query(on: app.db).filter(\.$committeeID == seat.committeeID).filter(\.$memberID == seat.memberID).count() == 0 {
                        try await seat.create(on: app.db)
                    }
                case 1:
                    let interest = DeclaredInterestRecord(); interest.authorityID = world.base.authorityID
                    interest.memberID = world.id(Self.members[random.next(Self.members.count)]); interest.subject = subjects[random.next(3)]; interest.declaredAt = W.monday
                    if try await DeclaredInterestRecord.query(on: app.db).filter(\.$memberID == interest.memberID).filter(\.$subject == interest.subject).count() == 0 {
                        try await interest.create(on: app.db)
                    }
                case 2:
                    let doc = W.Doc.allCases[random.next(W.Doc.allCases.count)]
                    let reply = try await assistant.call(.POST, "/api/v1/access-requests", json: #"{"document":"\#(world.doc(doc))","reasonKind":"portfolio","reason":"\#(Self.reasons[random.next(3)])","actingFor":"\#(world.id(.memberA))"}"#)
                    #expect(reply.status.code < 500, "\(reply.body)")
                case 3:
                    let doc = W.Doc.allCases[random.next(W.Doc.allCases.count)]
                    let member = Self.members[random.next(Self.members.count)]
                    let reply = try await world.api(app, member).call(.POST, "/api/v1/access-requests", json: #"{"document":"\#(world.doc(doc))","reasonKind":"committee-work","reason":"\#(Self.reasons[random.next(3)])"}"#)
                    #expect(reply.status.code < 500, "\(reply.body)")
                default:
                    let open = try await NeedToKnowRecord.query(on: app.db).filter(\.$status ~~ ["submitted", "referred"]).all()
                    guard !open.isEmpty else { continue }
                    let row = open[random.next(open.count)]
                    let state = try row.state
                    guard let decider = (state.status == .referred ? state.referralIDs : state.deciderIDs).first, let officer = who[decider] else { continue }
                    let body = random.next(3) == 0 ? #"{"outcome":"refuse","ground":"not-reasonably-necessary","explanation":"Not needed for the councillor's duties."}"#
                                                   : #"{"outcome":"grant"}"#
                    let reply = try await world.api(app, officer).call(.POST, "/api/v1/access-requests/\(row.id!)/decision", json: body)
                    #expect(reply.status == .ok, "\(reply.body)")
                }
            }
            #expect(try await ReleaseRecord.query(on: app.db).count() > 0, "the run granted something")

            // The rules, stated independently of DocumentPolicy.
            let documents = try await DocumentRecord.query(on: app.db).all()
            let seats = try await CommitteeMembership.query(on: app.db).all()
            let interests = try await DeclaredInterestRecord.query(on: app.db).all()
            let releases = try await ReleaseRecord.query(on: app.db).all()
            let groups = try await PartyGroup.query(on: app.db).filter(\.$authorityID == world.base.authorityID).all()
            let aID = groups.first { $0.name == "Group A" }!.id!, bID = groups.first { $0.name == "Group B" }!.id!
            func group(_ w: Who) -> UUID? { Self.groupA.contains(w) ? aID : Self.groupB.contains(w) ? bID : nil }
            func sits(_ w: Who, on committee: UUID?) -> Bool { seats.contains { $0.memberID == world.id(w) && $0.committeeID == committee && committee != nil } }
            func may(_ w: Who, _ d: DocumentRecord, viaAssistant: Bool) -> Bool {
                if d.classKind == "public" { return true }
                if d.classKind == "personal" { return false }
                if d.classKind == "group-internal" { return d.ownerGroupID == group(w) && !interestIn(w, d) }
                if interestIn(w, d) { return false }
                if d.classKind == "draft-policy" { return group(w) == aID }
                if !viaAssistant {
                    if sits(w, on: d.committeeID) { return true }
                    if d.committeeID == world.cabinetID, sits(w, on: world.scrutinyID), !Set(d.subjects).isDisjoint(with: ["housing", "adult-social-care"]) { return true }
                }
                return releases.contains { $0.documentID == d.id && $0.memberID == world.id(w) && $0.revokedAt == nil
                    && (!viaAssistant || $0.assistantID != nil) }
            }
            func interestIn(_ w: Who, _ d: DocumentRecord) -> Bool {
                interests.contains { $0.memberID == world.id(w) && d.subjects.contains($0.subject) }
            }
            var checked = 0
            for member in Self.members {
                let api = try await world.api(app, member)
                for d in documents {
                    let status = try await api.call(.GET, "/api/v1/documents/\(d.id!)").status
                    #expect(status == (may(member, d, viaAssistant: false) ? .ok : .forbidden), "\(member) reading \(d.title)")
                    checked += 1
                }
            }
            for d in documents {
                let status = try await assistant.call(.GET, "/api/v1/documents/\(d.id!)?actingFor=\(world.id(.memberA))").status
                #expect(status == (may(.memberA, d, viaAssistant: true) ? .ok : .forbidden), "assistant for Member A reading \(d.title)")
            }
            #expect(checked == Self.members.count * documents.count)
        }
    }
}
