import Foundation
import Testing
@testable import ProbityCore

/// Party group briefings (TH 6.2–6.4; Wigan 8.3–8.4; LE 14; LC 6).
@Suite("Party group briefings")
struct BriefingRequestTests {
    typealias F = InformationFixture

    static let topic = "Options for the housing revenue account budget, ahead of the Cabinet meeting."

    func request(_ context: ViewerContext = F.member(F.otherGroupMember), profile: String = "tower-hamlets", matter: UUID? = F.housing,
                 outsiders: [String] = []) throws -> BriefingRequest {
        try BriefingRequest.request(id: F.id(170), by: context, topic: Self.topic, matterServiceID: matter, nonCouncillorsAttending: outsiders,
                                    at: F.day(-10), profile: try F.profile(profile), org: F.org)
    }

    func step(_ briefing: BriefingRequest, _ action: BriefingAction, by viewer: Viewer, profile: String = "tower-hamlets",
              at: Date = F.day(-5)) throws -> BriefingRequest {
        try briefing.applying(action, by: viewer, at: at, profile: try F.profile(profile), org: F.org)
    }

    func failure(_ briefing: BriefingRequest, _ action: BriefingAction, by viewer: Viewer,
                 profile: String = "tower-hamlets") throws -> InformationError {
        do {
            _ = try step(briefing, action, by: viewer, profile: profile)
        } catch let error as InformationError {
            return error
        }
        Issue.record("expected the step to be refused")
        throw InformationError(.wrongState, "applied")
    }

    /// Requested, assigned to the Director of People and held.
    func held(profile: String = "tower-hamlets", gatekeeper: UUID = F.directorPeople) throws -> BriefingRequest {
        var briefing = try request(profile: profile)
        briefing = try step(briefing, .assign(officerID: F.headOfHousing, neutralTopic: "Housing revenue account budget options"),
                            by: F.officerViewer(gatekeeper), profile: profile)
        return try step(briefing, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.headOfHousing), profile: profile)
    }

    // MARK: Requesting and the gatekeeper

    @Test func eachProfileNamesItsGatekeeper() throws {
        // TH 6.4(i): the appropriate member of the Corporate Management Team.
        #expect(Set(try request().gatekeeperIDs) == [F.chiefExecutive, F.directorPeople, F.directorPlace, F.governanceDirector, F.chiefFinanceOfficer])
        // LC 6: the Chief Executive (the Corporate Management Board in their absence).
        #expect(try request(profile: "london-councils").gatekeeperIDs == [F.chiefExecutive])
        // Wigan 8.3: the appropriate Director.
        #expect(try request(profile: "wigan").gatekeeperIDs == [F.directorPeople])
        // LE 14 names nobody; Probity's documented default is the Chief Executive.
        #expect(try request(profile: "leicestershire").gatekeeperIDs == [F.chiefExecutive])
    }

    @Test func wiganNeedsToKnowWhoseBusinessItIs() throws {
        let error = try #require(throws: InformationError.self) { _ = try request(profile: "wigan", matter: nil) }
        #expect(error.code == .nobodyToRoute)
        #expect(error.message.contains("department"))
        #expect(error.rule?.citation == "Wigan protocol 8.3")
    }

    @Test func hackneySetsNoBriefingProcedure() throws {
        let error = try #require(throws: InformationError.self) { _ = try request(profile: "hackney") }
        #expect(error.code == .procedureNotInForce)
    }

    @Test func onlyAGroupsCouncillorsOrItsAssistantsForThemAsk() throws {
        #expect(try request(F.labourAssistant(actingFor: F.sameGroupMember)).groupID == F.labour)
        #expect(throws: InformationError.self) { _ = try request(F.labourAssistant(actingFor: F.otherGroupMember)) }
        #expect(throws: InformationError.self) { _ = try request(.plain(F.partyWorkerViewer)) }
        #expect(throws: InformationError.self) { _ = try request(F.officer(F.housingOfficer)) }
        let blank = try #require(throws: InformationError.self) {
            _ = try BriefingRequest.request(id: F.id(171), by: F.member(F.cabinetMember), topic: " ", at: F.now,
                                            profile: try F.profile("tower-hamlets"), org: F.org)
        }
        #expect(blank.field == "topic")
    }

    @Test func onlyTheGatekeeperAssigns() throws {
        let briefing = try request()
        let error = try failure(briefing, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.headOfHousing))
        #expect(error.code == .notPermitted)
        #expect(error.rule?.citation == "Tower Hamlets protocol 6.4(i)")
        #expect(try failure(briefing, .assign(officerID: F.headOfHousing), by: F.memberViewer(F.otherGroupMember)).code == .notPermitted)
        let assigned = try step(briefing, .assign(officerID: F.directorPeople, accompanyingOfficerIDs: [F.headOfHousing]),
                                by: F.officerViewer(F.directorPeople))
        #expect(assigned.status == .assigned)
        #expect(assigned.attendingOfficerIDs == [F.directorPeople, F.headOfHousing])
        #expect(assigned.offers.isEmpty)
    }

    // MARK: Offers to other groups

    /// LE 14: the same offer is made to the other political groups.
    @Test func leicestershireOffersTheSameBriefingToEveryOtherGroupInNeutralWords() throws {
        let briefing = try request(profile: "leicestershire")
        let noWording = try failure(briefing, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.chiefExecutive), profile: "leicestershire")
        #expect(noWording.field == "neutralTopic")
        let assigned = try step(briefing, .assign(officerID: F.headOfHousing, neutralTopic: "Housing revenue account budget options"),
                                by: F.officerViewer(F.chiefExecutive), profile: "leicestershire")
        #expect(assigned.offers.map(\.toGroupID) == [F.labour])
        let view = try #require(assigned.offerView(for: F.labour))
        #expect(view.topic == "Housing revenue account budget options")
        #expect(!view.topic.contains(Self.topic))
        #expect(assigned.offerView(for: F.conservative) == nil)
        #expect(assigned.history.last?.rules.map(\.citation) == ["Leicestershire protocol 14"])

        let answered = try step(assigned, .answerOffer(groupID: F.labour, accept: true), by: F.memberViewer(F.labourLeader), profile: "leicestershire")
        #expect(answered.offers.first?.status == .accepted)
        #expect(throws: InformationError.self) {
            _ = try step(assigned, .answerOffer(groupID: F.labour, accept: true), by: F.memberViewer(F.otherGroupMember), profile: "leicestershire")
        }
        // The accepting group's own briefing answers the offer and makes no further offers.
        let theirs = try BriefingRequest.request(id: F.id(172), by: F.member(F.labourLeader), topic: "Housing revenue account budget options",
                                                 answersOffer: true, at: F.day(-4), profile: try F.profile("leicestershire"), org: F.org)
        let theirsAssigned = try step(theirs, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.chiefExecutive), profile: "leicestershire")
        #expect(theirsAssigned.offers.isEmpty)
    }

    /// TH 6.3, LC 6: available to all groups, served the same way if they ask.
    @Test func onRequestProfilesLetTheGatekeeperOfferItToAGroupThatAsks() throws {
        let assigned = try step(try request(profile: "london-councils"), .assign(officerID: F.headOfHousing),
                                by: F.officerViewer(F.chiefExecutive), profile: "london-councils")
        #expect(assigned.offers.isEmpty)
        let offered = try step(assigned, .offer(toGroupID: F.labour, neutralTopic: "Housing budget options"),
                               by: F.officerViewer(F.chiefExecutive), profile: "london-councils")
        #expect(offered.offers.map(\.toGroupID) == [F.labour])
        #expect(try failure(offered, .offer(toGroupID: F.labour, neutralTopic: "Again"), by: F.officerViewer(F.chiefExecutive),
                            profile: "london-councils").code == .wrongState)
        #expect(try failure(offered, .offer(toGroupID: F.conservative, neutralTopic: "Own group"), by: F.officerViewer(F.chiefExecutive),
                            profile: "london-councils").field == "group")
        let wigan = try step(try request(profile: "wigan"), .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople), profile: "wigan")
        let error = try failure(wigan, .offer(toGroupID: F.labour, neutralTopic: "Housing"), by: F.officerViewer(F.directorPeople), profile: "wigan")
        #expect(error.code == .offerNotProvided)
    }

    // MARK: Non-councillors, leaving, declining

    /// TH 6.4(ii): officers do not attend with non-councillors present unless the Chief Executive agreed in advance.
    @Test func nonCouncillorsNeedTheChiefExecutivesAdvanceAgreement() throws {
        var briefing = try request(outsiders: ["The party's regional organiser", " "])
        #expect(briefing.nonCouncillorsAttending == ["The party's regional organiser"])
        #expect(briefing.agreementGiverIDs == [F.chiefExecutive])
        briefing = try step(briefing, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople))
        let early = try failure(briefing, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.headOfHousing))
        #expect(early.code == .attendanceNotAgreed)
        #expect(early.rule?.citation == "Tower Hamlets protocol 6.4(ii)")
        #expect(try failure(briefing, .decideAttendance(agreed: true, note: "Fine."), by: F.officerViewer(F.directorPeople)).code == .notPermitted)
        let declined = try step(briefing, .decideAttendance(agreed: false, note: "Councillors only, please."), by: F.officerViewer(F.chiefExecutive))
        #expect(try failure(declined, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.headOfHousing)).code == .attendanceNotAgreed)
        let agreed = try step(briefing, .decideAttendance(agreed: true, note: "Agreed: the organiser is bound by the group's own rules."),
                              by: F.officerViewer(F.chiefExecutive))
        #expect(try step(agreed, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.headOfHousing)).status == .held)
        // London Councils asks only for special care: no agreement needed.
        let lc = try step(try request(profile: "london-councils", outsiders: ["A party adviser from another council"]),
                          .assign(officerID: F.headOfHousing), by: F.officerViewer(F.chiefExecutive), profile: "london-councils")
        #expect(lc.agreementGiverIDs.isEmpty)
        #expect(try step(lc, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.headOfHousing), profile: "london-councils").status == .held)
    }

    @Test(arguments: [("wigan", "Wigan protocol 8.4"), ("tower-hamlets", "Tower Hamlets protocol 6.4(iii)"),
                      ("london-councils", "London Councils protocol 6(a)")])
    func theOfficerLeavesBeforePartyBusiness(profile: String, citation: String) throws {
        let gatekeeper = profile == "london-councils" ? F.chiefExecutive : F.directorPeople
        let assigned = try step(try request(profile: profile), .assign(officerID: F.headOfHousing), by: F.officerViewer(gatekeeper), profile: profile)
        let error = try failure(assigned, .hold(officerLeftBeforePartyBusiness: false), by: F.officerViewer(F.headOfHousing), profile: profile)
        #expect(error.code == .officerMustLeave)
        #expect(error.rule?.citation == citation)
        #expect(try failure(assigned, .hold(officerLeftBeforePartyBusiness: true), by: F.officerViewer(F.parksOfficer), profile: profile).code == .notPermitted)
    }

    @Test func leicestershireDoesNotAskTheOfficerToConfirmLeaving() throws {
        let assigned = try step(try request(profile: "leicestershire"), .assign(officerID: F.headOfHousing, neutralTopic: "Housing budget"),
                                by: F.officerViewer(F.chiefExecutive), profile: "leicestershire")
        #expect(try step(assigned, .hold(officerLeftBeforePartyBusiness: false), by: F.officerViewer(F.headOfHousing), profile: "leicestershire").status == .held)
    }

    /// Wigan 8.3: no officer can be instructed to advise a group or attend its meetings.
    @Test func wiganOfficersMayDeclineAndAreNotReassigned() throws {
        let assigned = try step(try request(profile: "wigan"), .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople), profile: "wigan")
        let declined = try step(assigned, .decline(reason: "I advised the other side of this dispute."), by: F.officerViewer(F.headOfHousing), profile: "wigan")
        #expect(declined.status == .requested)
        #expect(declined.assignedOfficerID == nil)
        let again = try failure(declined, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople), profile: "wigan")
        #expect(again.rule?.citation == "Wigan protocol 8.3")
        let thAssigned = try step(try request(), .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople))
        #expect(try failure(thAssigned, .decline(reason: "Busy."), by: F.officerViewer(F.headOfHousing)).code == .declineNotProvided)
    }

    // MARK: The record: facts and options only

    static let facts = ["The housing revenue account has a £4.2m gap in 2026/27.", "Rents may rise by at most CPI + 1%."]
    static let options = [
        BriefingOption(title: "Raise rents by the maximum", merits: ["Closes most of the gap"], demerits: ["Affordability for tenants"]),
        BriefingOption(title: "Defer the repairs programme", merits: ["No rent rise"], demerits: ["Damp cases would wait longer"]),
    ]

    @Test func aFactsAndOptionsRecordIsSaved() throws {
        let recorded = try step(try held(), .saveRecord(facts: Self.facts + ["  "], options: Self.options), by: F.officerViewer(F.headOfHousing))
        #expect(recorded.status == .recorded)
        #expect(recorded.record?.facts == Self.facts)
        #expect(recorded.record?.options.count == 2)
        #expect(recorded.history.last?.rules.map(\.citation) == ["Tower Hamlets protocol 6.4(iii)"])
    }

    @Test(arguments: [
        (["We recommend the group supports option 1."], [BriefingOption](), "facts[0]"),
        (["Officers recommend raising rents."], [], "facts[0]"),
        ([], [BriefingOption(title: "Option 1 should adopt a rent rise")], "options[0].title"),
        ([], [BriefingOption(title: "Defer repairs", merits: ["The group should back this, it is cheapest"])], "options[0].merits[0]"),
        (["Rents may rise."], [BriefingOption(title: "Raise rents", demerits: ["It is recommended that members vote against"])], "options[0].demerits[0]"),
        (["The preferred option is to raise rents."], [], "facts[0]"),
    ])
    func recommendationsAreRejectedCitingFactsAndOptionsOnly(facts: [String], options: [BriefingOption], field: String) throws {
        let error = try failure(try held(), .saveRecord(facts: facts, options: options), by: F.officerViewer(F.headOfHousing))
        #expect(error.code == .recommendationInRecord)
        #expect(error.field == field)
        #expect(error.rule?.ruleId == "briefings.factsAndOptionsOnly")
        #expect(error.description.hasSuffix("(Tower Hamlets protocol 6.4(iii))"))
    }

    @Test func politicalImplicationsAreRejected() throws {
        let error = try failure(try held(), .saveRecord(facts: ["Raising rents would lose votes in the marginal wards."], options: []),
                                by: F.officerViewer(F.headOfHousing))
        #expect(error.code == .politicalImplicationsInRecord)
    }

    @Test func factsThatMentionOtherBodiesRecommendationsAreFine() throws {
        let facts = ["The Audit Committee's 2024 recommendations on damp were accepted by the Cabinet.", "Members asked about repairs timescales."]
        #expect(try step(try held(), .saveRecord(facts: facts, options: []), by: F.officerViewer(F.headOfHousing)).status == .recorded)
    }

    @Test func whereTheRuleIsNotInForceAdviceMayBeRecorded() throws {
        let recorded = try step(try held(profile: "leicestershire", gatekeeper: F.chiefExecutive),
                                .saveRecord(facts: ["We recommend option 1."], options: []),
                                by: F.officerViewer(F.headOfHousing), profile: "leicestershire")
        #expect(recorded.status == .recorded)
    }

    @Test func onlyTheOfficerWhoBriefedRecordsAndOnlyOnceHeld() throws {
        #expect(try failure(try held(), .saveRecord(facts: Self.facts, options: []), by: F.officerViewer(F.directorPeople)).code == .notPermitted)
        let assigned = try step(try request(), .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople))
        #expect(try failure(assigned, .saveRecord(facts: Self.facts, options: []), by: F.officerViewer(F.headOfHousing)).code == .wrongState)
        #expect(try failure(try held(), .saveRecord(facts: [" "], options: []), by: F.officerViewer(F.headOfHousing)).field == "facts")
    }

    @Test func theGroupMayWithdrawBeforeTheBriefing() throws {
        let briefing = try request()
        #expect(try failure(briefing, .withdraw(reason: "No longer needed."), by: F.memberViewer(F.cabinetMember)).code == .notPermitted)
        let withdrawn = try step(briefing, .withdraw(reason: "The Cabinet item was deferred."), by: F.memberViewer(F.scrutinyWithin))
        #expect(withdrawn.status == .withdrawn)
        #expect(try failure(withdrawn, .assign(officerID: F.headOfHousing), by: F.officerViewer(F.directorPeople)).code == .wrongState)
        #expect(try failure(try held(), .withdraw(reason: "Too late."), by: F.memberViewer(F.otherGroupMember)).code == .wrongState)
    }
}
