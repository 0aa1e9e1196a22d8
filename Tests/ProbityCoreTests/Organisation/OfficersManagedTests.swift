import Foundation
import Testing
@testable import ProbityCore

@Suite("Organisation: who an officer manages")
struct OfficersManagedTests {
    /// Random directories, with line managers that loop, point outside the directory or are
    /// missing (so the service, directorate and Chief Executive fallbacks apply): the one-pass
    /// answer is always the one `managementLine(of:)` gives officer by officer.
    @Test("officersManaged(by:) agrees with managementLine(of:) on random directories")
    func agreesWithManagementLines() {
        var rng = SplitMix64(seed: 20261206)
        for _ in 0..<200 {
            let count = Int(rng.next() % 40) + 1
            let ids = (0..<count).map { _ in UUID() }
            let directorates = (0..<2).map { _ in OrgSnapshot.Directorate(id: UUID(), name: "D", directorID: ids.randomElement(using: &rng)) }
            let services = (0..<3).map { _ in
                OrgSnapshot.Service(id: UUID(), name: "S", directorateID: directorates.randomElement(using: &rng)?.id,
                                    headOfServiceID: rng.next() % 4 == 0 ? nil : ids.randomElement(using: &rng))
            }
            let officers = ids.enumerated().map { index, id in
                OrgSnapshot.Officer(id: id, name: "O\(index)", post: index == 0 && rng.next() % 2 == 0 ? .chiefExecutive : .officer,
                                    serviceID: services.randomElement(using: &rng)?.id,
                                    directorateID: directorates.randomElement(using: &rng)?.id,
                                    lineManagerID: rng.next() % 3 == 0 ? nil : (rng.next() % 5 == 0 ? UUID() : ids.randomElement(using: &rng)))
            }
            let org = OrgSnapshot(officers: officers, services: services, directorates: directorates)
            for me in ids {
                let expected = Set(ids.filter { $0 != me && org.managementLine(of: $0).contains(me) })
                #expect(org.officersManaged(by: me) == expected)
            }
        }
    }
}
