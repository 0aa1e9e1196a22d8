import Foundation
import Testing
@testable import ProbityCore

@Suite("Improper influence routing")
struct ImproperInfluenceRoutingTests {
    typealias F = ComplaintFixture

    @Test func londonCouncilsSendsItToTheOfficersDirectorWhoInformsTheChiefExecutive() throws {
        let routed = try F.routed(ComplaintRouting.route(
            kind: .improperInfluence, complainant: F.caseworker, subject: F.memberA, profile: F.profile("london-councils"), org: F.org))
        #expect(routed.basis == .improperInfluence)
        #expect(routed.handler?.people == [F.peopleDirector])
        #expect(routed.informedPeople == [F.chiefExecutive])
        #expect(routed.rule.ruleId == "complaints.improperInfluence")
        #expect(routed.rule.citation == "London Councils protocol 7 (Undue influence)")
        #expect(routed.ladder.isEmpty, "improper influence goes by its own rule, not the complaints ladder")
    }

    @Test func towerHamletsCoversPressureFromOtherOfficersToo() throws {
        let profile = try F.profile("tower-hamlets")
        for subject in [F.memberA, F.highwaysOfficer, F.chair] {
            let routed = try F.routed(ComplaintRouting.route(
                kind: .improperInfluence, complainant: F.caseworker, subject: subject, profile: profile, org: F.org))
            #expect(routed.handler?.people == [F.peopleDirector])
            #expect(routed.rule.citation == "Tower Hamlets protocol 4.16")
        }
    }

    @Test func wiganAndHackneyGoToTheLineManagerFirst() throws {
        let wigan = try F.routed(ComplaintRouting.route(
            kind: .improperInfluence, complainant: F.caseworker, subject: F.memberA, profile: F.profile("wigan"), org: F.org))
        #expect(wigan.handler?.people == [F.housingHead])
        let hackney = try F.routed(ComplaintRouting.route(
            kind: .improperInfluence, complainant: F.caseworker, subject: F.memberA, profile: F.profile("hackney"), org: F.org))
        #expect(hackney.handler?.people == [F.housingHead])
        #expect(hackney.alternatives.flatMap(\.people) == [F.peopleDirector])
    }

    @Test func leicestershireSetsNoReportingRoute() throws {
        let profile = try F.profile("leicestershire")
        let unrouted = try #require(ComplaintRouting.route(
            kind: .improperInfluence, complainant: F.caseworker, subject: F.memberA, profile: profile, org: F.org).unrouted)
        #expect(unrouted.reason.hasPrefix("The Leicestershire protocol sets no reporting route for improper influence."))
        #expect(unrouted.rules.map(\.citation) == ["Probity default (protocol silent)"])
    }

    @Test func membersDoNotMakeImproperInfluenceReports() throws {
        let unrouted = try #require(ComplaintRouting.route(
            kind: .improperInfluence, complainant: F.memberB, subject: F.highwaysOfficer, profile: F.profile("london-councils"), org: F.org).unrouted)
        #expect(unrouted.reason.contains("made by an officer"))
    }
}
