import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint routing")
struct ComplaintRoutingTests {
    typealias F = ComplaintFixture

    /// What every route of every built-in profile should do with the fixture's people.
    struct Expected: Sendable, CustomStringConvertible {
        var handler: PersonRef?
        var alternatives: [PersonRef] = []
        var copyTo: [PersonRef] = []
        var inform: [PersonRef] = []
        var procedure: ComplaintProcedure
        var description: String { "handler \(handler.map(\.description) ?? "none")" }
    }

    static let expected: [String: [String: Expected]] = [
        "london-councils": [
            "member-about-officer": Expected(handler: F.placeDirector, procedure: .formal),
            "member-about-director": Expected(handler: F.chiefExecutive, procedure: .formal),
            "member-about-chief-executive": Expected(handler: nil, procedure: .statutory),
            "officer-about-member": Expected(handler: F.peopleDirector, copyTo: [F.chiefExecutive], inform: [F.leaderA],
                                             procedure: .formal),
            "officer-about-group-leader": Expected(handler: F.chiefExecutive, procedure: .formal),
            "officer-about-chair": Expected(handler: F.chiefExecutive, procedure: .formal),
        ],
        "hackney": [
            "member-about-officer": Expected(handler: F.highwaysHead, alternatives: [F.placeDirector], procedure: .formal),
            "officer-about-member": Expected(handler: F.housingHead, alternatives: [F.peopleDirector], procedure: .formal),
        ],
        "leicestershire": [
            "member-about-officer": Expected(handler: F.placeDirector, alternatives: [F.monitoringOfficer], procedure: .informal),
        ],
        "tower-hamlets": [
            "member-about-officer": Expected(handler: F.placeDirector, procedure: .formal),
            "member-about-director": Expected(handler: F.chiefExecutive, procedure: .formal),
            "member-about-member": Expected(handler: F.monitoringOfficer, procedure: .statutory),
            "officer-about-member": Expected(handler: F.monitoringOfficer, procedure: .statutory),
            "officer-about-officer": Expected(handler: F.peopleDirector, procedure: .formal),
        ],
        "wigan": [
            "member-about-officer": Expected(handler: F.highwaysHead, procedure: .informal),
            "officer-about-member": Expected(handler: F.housingHead, procedure: .informal),
        ],
    ]

    @Test(arguments: BuiltInProfilesTests.expectedIds)
    func everyRouteOfEveryProfileReachesTheRightPeople(profileID: String) throws {
        let profile = try F.profile(profileID)
        let table = try #require(Self.expected[profileID])
        #expect(Set(profile.complaints.routes.map(\.parameters.key)) == Set(table.keys),
                "every route of \(profileID) has an expectation, and nothing else")
        for rule in profile.complaints.routes {
            let route = rule.parameters
            let expected = try #require(table[route.key])
            let complainant = F.complainant(for: route.complainant)
            let subject = F.subject(for: route.about)
            for kind in [ComplaintKind.complaint, .breachOfProtocol] {
                let routed = try F.routed(ComplaintRouting.route(
                    kind: kind, complainant: complainant, subject: subject, profile: profile, org: F.org))
                #expect(routed.basis == .route(key: route.key, matchedAs: route.about), "\(profileID) \(route.key)")
                #expect(routed.rule.ruleId == "complaints.routes.\(route.key)")
                #expect(routed.rule.citation == rule.citationText(in: profile.document))
                #expect(routed.procedure == expected.procedure, "\(profileID) \(route.key)")
                #expect(routed.handler?.people == expected.handler.map { [$0] }, "\(profileID) \(route.key): \(expected)")
                #expect(routed.alternatives.flatMap(\.people) == expected.alternatives, "\(profileID) \(route.key)")
                #expect(routed.copiedPeople == expected.copyTo, "\(profileID) \(route.key)")
                #expect(routed.informedPeople == expected.inform, "\(profileID) \(route.key)")
                #expect(routed.complainantLearns == route.complainantLearns)
                #expect(routed.statutoryInstrument == route.statutoryInstrument)
                #expect(routed.kind == kind)
                let handlerPeople = routed.handler?.people ?? []
                for person in [complainant, subject] {
                    #expect(!handlerPeople.contains(person), "a party never handles their own complaint")
                }
            }
        }
    }

    @Test func aComplaintAboutTheChiefExecutiveGoesByTheStatutoryRouteToAnIndependentPerson() throws {
        let profile = try F.profile("london-councils")
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.chiefExecutive, profile: profile, org: F.org))
        #expect(routed.procedure == .statutory)
        #expect(routed.statutoryInstrument == "Local Authorities (Standing Orders) Regulations 1993")
        #expect(routed.needsManualRouting)
        #expect(routed.notes.contains("Independent person is outside the directory: send it by the statutory route."))
        #expect(routed.notes.contains("This complaint is dealt with under the Local Authorities (Standing Orders) Regulations 1993."))
        #expect(routed.rule.citation == "London Councils protocol 13 and footnote 8 (Formal complaint by a Member about the Chief Executive)")
    }

    @Test func londonCouncilsOffersItsConciliationLadderAlongsideTheFormalRoute() throws {
        let profile = try F.profile("london-councils")
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.highwaysOfficer, profile: profile, org: F.org))
        #expect(routed.ladder.map(\.people) == [[F.highwaysHead], [F.placeDirector]])
        #expect(routed.ladderRule?.ruleId == "complaints.informalLadder")
    }

    @Test func wigansLadderRunsFromTheOfficerToTheirLineManagerAssistantDirectorAndDirector() throws {
        let profile = try F.profile("wigan")
        let routed = try F.routed(ComplaintRouting.route(
            kind: .breachOfProtocol, complainant: F.memberB, subject: F.highwaysOfficer, profile: profile, org: F.org))
        #expect(routed.ladder.map(\.people) == [[F.highwaysOfficer], [F.highwaysHead], [F.placeAssistantDirector], [F.placeDirector]])
        #expect(routed.ladder.first?.recipient == Recipient(.self_, of: .subject), "the first step is direct discussion with the officer")
        #expect(routed.ladderRule?.citation == "Wigan protocol 4.1 and 5.1")
    }

    // MARK: Subject kinds and fallbacks

    @Test func subjectKindsComeFromTheDirectory() {
        #expect(F.org.complaintSubjectKinds(of: F.highwaysOfficer) == [.officer])
        #expect(F.org.complaintSubjectKinds(of: F.placeDirector) == [.director])
        #expect(F.org.complaintSubjectKinds(of: F.hrDirector) == [.director])
        #expect(F.org.complaintSubjectKinds(of: F.chiefExecutive) == [.chiefExecutive])
        #expect(F.org.complaintSubjectKinds(of: F.monitoringOfficer) == [.monitoringOfficer, .officer])
        #expect(F.org.complaintSubjectKinds(of: F.memberA) == [.member])
        #expect(F.org.complaintSubjectKinds(of: F.leaderB) == [.groupLeader, .member])
        #expect(F.org.complaintSubjectKinds(of: F.chair) == [.chair, .member])
        #expect(F.org.complaintSubjectKinds(of: .member(F.id(999))) == [])
    }

    @Test func aComplaintAboutTheMonitoringOfficerBelowDirectorTakesTheOfficerRouteAndSaysSo() throws {
        let profile = try F.profile("london-councils")
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.monitoringOfficer, profile: profile, org: F.org))
        #expect(routed.basis == .route(key: "member-about-officer", matchedAs: .officer))
        #expect(routed.handler?.people == [F.governanceDirector])
        #expect(routed.notes == ["The London Councils protocol sets no route for a complaint by a member about the monitoring officer; its route for a complaint about an officer applies, since the monitoring officer is also an officer."])
    }

    @Test func aChairWithoutARouteOfTheirOwnTakesTheRouteForAMember() throws {
        let profile = try F.profile("tower-hamlets")
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.caseworker, subject: F.chair, profile: profile, org: F.org))
        #expect(routed.basis == .route(key: "officer-about-member", matchedAs: .member))
        #expect(routed.handler?.people == [F.monitoringOfficer])
        #expect(routed.notes.first?.contains("since the chair is also a member") == true)

        let wigan = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.caseworker, subject: F.leaderB, profile: F.profile("wigan"), org: F.org))
        #expect(wigan.basis == .route(key: "officer-about-member", matchedAs: .member))
        #expect(wigan.handler?.people == [F.housingHead])
    }

    @Test func aDirectorNeverTakesTheRouteForAnOfficer() throws {
        // Tower Hamlets has a route for a director; Hackney does not, and its route for an officer
        // must not be used. Its ladder is (line manager, then director of the officer).
        let hackney = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.placeDirector, profile: F.profile("hackney"), org: F.org))
        #expect(hackney.basis == .informalLadder)
        #expect(hackney.procedure == .informal)
        #expect(hackney.handler?.people == [F.chiefExecutive], "the director's line manager")
        #expect(hackney.rule.ruleId == "complaints.informalLadder")
        #expect(hackney.notes == ["The Hackney protocol report sets no route for a complaint by a member about a director; its informal resolution ladder applies, starting with the officer line manager."])
        #expect(hackney.ladder.last?.unresolved == "The officer director is the person complained about, so cannot receive the complaint.")

        let wigan = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.placeDirector, profile: F.profile("wigan"), org: F.org))
        #expect(wigan.basis == .informalLadder)
        #expect(wigan.handler?.people == [F.chiefExecutive])
    }

    @Test func leicestershireFallsBackToTheMonitoringOfficerItNamesForOfficers() throws {
        let profile = try F.profile("leicestershire")
        for subject in [F.placeDirector, F.chiefExecutive] {
            let routed = try F.routed(ComplaintRouting.route(
                kind: .complaint, complainant: F.memberB, subject: subject, profile: profile, org: F.org))
            #expect(routed.basis == .monitoringOfficer(routeKey: "member-about-officer"))
            #expect(routed.handler?.people == [F.monitoringOfficer])
            #expect(routed.rule.ruleId == "complaints.routes.member-about-officer")
            #expect(routed.rule.citation == "Leicestershire protocol 9")
        }
    }

    @Test func theMonitoringOfficerFallbackIsNeverTheMonitoringOfficerComplainedAbout() throws {
        // A complaint about the Monitoring Officer themself in Leicestershire takes the officer
        // route (they are below director); the alternative Monitoring Officer drops out.
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.monitoringOfficer, profile: F.profile("leicestershire"), org: F.org))
        #expect(routed.handler?.people == [F.governanceDirector])
        #expect(routed.alternatives.isEmpty)
    }

    @Test func noRouteNamesTheProfilesSilence() throws {
        let th = try F.profile("tower-hamlets")
        let outcome = ComplaintRouting.route(kind: .complaint, complainant: F.memberB, subject: F.chiefExecutive, profile: th, org: F.org)
        let unrouted = try #require(outcome.unrouted)
        #expect(unrouted.reason == "The Tower Hamlets protocol sets no route for a complaint by a member about the chief executive. It has no informal resolution ladder to fall back on. Record the complaint; the complaints officer decides how it is handled.")
        #expect(unrouted.subjectKinds == [.chiefExecutive])
        #expect(unrouted.rules.map(\.ruleId) == ["complaints.informalLadder"])
        #expect(outcome.routeRuleId == nil)

        let lc = try F.profile("london-councils")
        let memberAboutMember = try #require(ComplaintRouting.route(
            kind: .breachOfProtocol, complainant: F.memberB, subject: F.memberA, profile: lc, org: F.org).unrouted)
        #expect(memberAboutMember.reason.hasPrefix("The London Councils protocol sets no route for a breach-of-protocol report by a member about a member. Its routes and informal resolution ladder cover complaints between members and officers."))

        let officerAboutOfficer = ComplaintRouting.route(kind: .complaint, complainant: F.caseworker, subject: F.highwaysOfficer, profile: lc, org: F.org)
        #expect(officerAboutOfficer.unrouted != nil, "LC has no officer-about-officer route and its ladder is for member/officer complaints")

        let chairByMember = try #require(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.chair, profile: lc, org: F.org).unrouted)
        #expect(chairByMember.reason.hasPrefix("The London Councils protocol sets no route for a complaint by a member about the chair."))
    }

    @Test func aRouteTheAuthoritySwitchedOffIsNotUsedAndTheSilenceSaysSo() throws {
        var profile = try F.profile("tower-hamlets")
        let index = try #require(profile.complaints.routes.firstIndex { $0.parameters.key == "member-about-director" })
        profile.complaints.routes[index].inForce = false
        let unrouted = try #require(ComplaintRouting.route(
            kind: .complaint, complainant: F.memberB, subject: F.placeDirector, profile: profile, org: F.org).unrouted)
        #expect(unrouted.reason.contains("The authority has switched off its route for this (Tower Hamlets protocol 3.42 and 14.6)."))
    }

    @Test func recipientsNeverIncludeTheComplainant() throws {
        // A director complaining about a member: their own director is themself.
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.placeDirector, subject: F.memberA, profile: F.profile("london-councils"), org: F.org))
        #expect(routed.handler == nil)
        #expect(routed.notes.contains("The complainant director is the complainant, so cannot receive the complaint."))
        #expect(routed.copiedPeople == [F.chiefExecutive])
    }

    @Test func anUnresolvableInformRecipientIsExplained() throws {
        let routed = try F.routed(ComplaintRouting.route(
            kind: .complaint, complainant: F.caseworker, subject: F.independent, profile: F.profile("london-councils"), org: F.org))
        #expect(routed.handler?.people == [F.peopleDirector])
        #expect(routed.informedPeople.isEmpty)
        #expect(routed.notes == ["Nobody in the directory is subject group leader."])
    }

    @Test func partiesMissingFromTheDirectoryOrTheSamePersonAreNotRouted() throws {
        let lc = try F.profile("london-councils")
        let stranger = PersonRef.officer(F.id(999))
        #expect(ComplaintRouting.route(kind: .complaint, complainant: F.memberB, subject: stranger, profile: lc, org: F.org).unrouted?.reason
                == "The person complained about is not in the directory, so the route cannot be worked out.")
        #expect(ComplaintRouting.route(kind: .complaint, complainant: .member(F.id(998)), subject: F.highwaysOfficer, profile: lc, org: F.org).unrouted?.reason
                == "The complainant is not in the directory, so the route cannot be worked out.")
        #expect(ComplaintRouting.route(kind: .complaint, complainant: F.memberB, subject: F.memberB, profile: lc, org: F.org).unrouted != nil)
    }
}
