import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Registers: a committee of 15 against 20,000 declarations")
struct ConflictCheckScaleServerTests {
    /// The server reads only the participants' entries (and those naming them), so a 12-item
    /// agenda for 15 members is checked quickly however large the registers are. The core's
    /// own benchmark (Benchmarks/ConflictCheckBenchmark) times the check itself.
    @Test("Only the participants' entries are read, and what was planted is found")
    func scale() async throws {
        try await withProbity(clock: TestClock(ComplaintWorld.monday)) { app, _ in
            let world = try await RegisterWorld.make(app)
            let a = world.world.authorityID
            let today = CalendarDate(iso: "2026-11-01")!
            var committee: [UUID] = []
            for n in 0..<15 {
                let m = Member(); m.name = "Cllr Panel \(n)"; m.position = "councillor"; m.executiveRole = "none"; m.authorityID = a
                try await m.create(on: app.db)
                committee.append(try m.requireID())
            }
            // 20,000 entries of 2,000 people who are not on the committee, and one planted per committee member.
            var records: [DeclarationRecord] = []
            for n in 0..<20_000 {
                let declaration = Declaration(id: UUID(), declarant: .member(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n % 2_000))!),
                                              kind: .otherRegisterable(.other), description: "Interest \(n)",
                                              tags: [.land("\(n % 12) Planted Road"), .body("Body \(n)")], registeredOn: today)
                let record = DeclarationRecord()
                record.id = declaration.id
                record.authorityID = a
                record.createdAt = Date()
                try record.store(declaration, at: Date())
                records.append(record)
            }
            for (n, member) in committee.enumerated() {
                let declaration = Declaration(id: UUID(), declarant: .member(member), kind: .disclosablePecuniary(.land, holder: .member),
                                              description: "Planted \(n)", tags: [.land("\(n % 12) Planted Road")], registeredOn: today)
                let record = DeclarationRecord()
                record.id = declaration.id
                record.authorityID = a
                record.createdAt = Date()
                try record.store(declaration, at: Date())
                records.append(record)
            }
            var start = 0
            while start < records.count {
                let end = min(records.count, start + 500)
                try await Array(records[start..<end]).create(on: app.db)
                start = end
            }
            let items = (0..<12).map { #"{"id":"\#($0 + 1)","title":"Item \#($0 + 1)","land":["\#($0) Planted Road"],"bodies":["Body \#($0)"]}"# }
            let participants = committee.map { #"{"person":"member:\#($0.uuidString.lowercased())"}"# }
            let body = #"{"kind":"committee-meeting","committee":"\#(world.committeeID)","date":"2026-12-07","items":[\#(items.joined(separator: ","))],"participants":[\#(participants.joined(separator: ","))]}"#
            let mo = try await world.api(app, .monitoringOfficer)
            let began = Date()
            let reply = try await mo.call(.POST, "/api/v1/conflict-checks", json: body)
            let elapsed = Date().timeIntervalSince(began)
            #expect(reply.status == .ok, "\(reply.body.prefix(500))")
            guard case .object(let counts)? = reply["counts"] else { Issue.record("no counts"); return }
            #expect(counts["mustWithdraw"] == .number(15), "each member withdraws from the one item on their land")
            #expect(counts["clear"] == .number(15 * 11))
            #expect(elapsed < 10, "a debug build on a shared machine; it takes well under a second unloaded (\(elapsed)s)")
        }
    }
}
