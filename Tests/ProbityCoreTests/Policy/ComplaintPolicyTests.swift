import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint access policy")
struct ComplaintPolicyTests {
    typealias F = ComplaintFixture
    static let details: Set<ComplaintField> = [.investigationDetails, .outcomeSummary, .history]

    /// A London Councils complaint by a member about an officer, handled by the officer's director.
    static func memberComplaint(
        disclosed: Bool = false, identityTo: Set<PersonRef> = [], witnesses: [PersonRef: Set<UUID>] = [:]
    ) -> ComplaintAccessFacts {
        ComplaintAccessFacts(
            kind: .complaint, routeRuleId: "complaints.routes.member-about-officer", complainant: F.memberB,
            subject: F.highwaysOfficer, handlers: [F.placeDirector], allegationDisclosedToSubject: disclosed,
            complainantIdentityDisclosedTo: identityTo, witnessItems: witnesses)
    }

    /// A London Councils complaint by an officer about a member: copy to the Chief Executive,
    /// the member's group leader told.
    static let officerComplaint = ComplaintAccessFacts(
        kind: .complaint, routeRuleId: "complaints.routes.officer-about-member", complainant: F.caseworker,
        subject: F.memberA, handlers: [F.peopleDirector], copiedTo: [F.chiefExecutive], informed: [F.leaderA])

    static func view(_ person: PersonRef, _ facts: ComplaintAccessFacts, _ profileID: String = "london-councils") throws -> ComplaintAccess {
        ComplaintPolicy.view(for: F.viewer(person), facts: facts, profile: try F.profile(profileID), org: F.org)
    }

    @Test func theHandlerAndThoseWhoNeedToKnowSeeEverything() throws {
        for person in [F.placeDirector, F.chiefExecutive, F.chair] {
            let access = try Self.view(person, Self.memberComplaint())
            #expect(access.view.audience == .full, "\(person)")
            #expect(access.view.fields == Set(ComplaintField.allCases))
            #expect(access.decision.allowed)
        }
        let chair = try Self.view(F.chair, Self.memberComplaint())
        #expect(chair.decision.reasons == ["As chair you are one of those who need to know the full details of complaints."])
        #expect(chair.decision.rules.map(\.citation) == ["London Councils protocol 13 (Confidentiality)"])
    }

    @Test func theMemberComplainantSeesTheOutcomeButNeverDisciplinaryDetails() throws {
        let access = try Self.view(F.memberB, Self.memberComplaint())
        #expect(access.view.audience == .complainant)
        #expect(access.view.shows(.outcome))
        #expect(access.view.shows(.complainantStatement))
        #expect(access.view.shows(.acknowledgement))
        #expect(access.view.fields.isDisjoint(with: Self.details))
        #expect(!access.view.shows(.monitoringOfficerDecision))
        #expect(access.view.complainantLearns == "The outcome of any disciplinary investigation, but not detailed information about the investigation.")
        #expect(access.decision.rules.map(\.ruleId) == ["complaints.routes.member-about-officer"])
    }

    @Test func theChairAsComplainantIsStillOnlyAComplainant() throws {
        var facts = Self.memberComplaint()
        facts.complainant = F.chair
        let access = try Self.view(F.chair, facts)
        #expect(access.view.audience == .complainant)
        #expect(access.view.fields.isDisjoint(with: Self.details))
    }

    @Test func theOfficerComplainantLearnsWhetherItGoesToTheMonitoringOfficer() throws {
        let access = try Self.view(F.caseworker, Self.officerComplaint)
        #expect(access.view.audience == .complainant)
        #expect(access.view.shows(.monitoringOfficerDecision))
        #expect(access.view.fields.isDisjoint(with: Self.details))
        #expect(access.view.complainantLearns?.hasPrefix("Whether London Councils will make a formal complaint") == true)
    }

    @Test func theSubjectSeesNothingUntilTheAllegationIsDisclosed() throws {
        let before = try Self.view(F.highwaysOfficer, Self.memberComplaint())
        #expect(before.view == .none)
        #expect(!before.decision.allowed)
        #expect(before.decision.reasons == ["The investigator has not yet disclosed the allegation to you."])
        #expect(before.audit.summary.hasPrefix("Refused: "))
    }

    @Test func theSubjectSeesTheDisclosedAllegationButNotWhoComplained() throws {
        let access = try Self.view(F.highwaysOfficer, Self.memberComplaint(disclosed: true))
        #expect(access.view.audience == .subject)
        #expect(access.view.shows(.disclosedAllegation))
        #expect(!access.view.shows(.complainantIdentity))
        #expect(!access.view.shows(.complaintText), "the complaint as written may identify the complainant")
        #expect(access.view.fields.isDisjoint(with: Self.details))
        #expect(access.decision.rules.map(\.ruleId) == ["complaints.complainantIdentityProtected", "complaints.needToKnow"])

        let told = try Self.view(F.highwaysOfficer, Self.memberComplaint(disclosed: true, identityTo: [F.highwaysOfficer]))
        #expect(told.view.shows(.complainantIdentity))
    }

    @Test func theSubjectWhoIsAlsoNeedToKnowIsOnlyTheSubject() throws {
        // An officer's complaint about the Chair: the Chair needs to know complaints in general,
        // but not this one.
        let facts = ComplaintAccessFacts(
            kind: .complaint, routeRuleId: "complaints.routes.officer-about-chair", complainant: F.caseworker,
            subject: F.chair, handlers: [F.chiefExecutive], allegationDisclosedToSubject: true)
        let access = try Self.view(F.chair, facts)
        #expect(access.view.audience == .subject)
        #expect(!access.view.shows(.complainantIdentity))
    }

    @Test func witnessesSeeOnlyWhatTheyAreGiven() throws {
        let item = F.id(777)
        let access = try Self.view(F.witnessOfficer, Self.memberComplaint(witnesses: [F.witnessOfficer: [item]]))
        #expect(access.view.audience == .witness)
        #expect(access.view.fields == [.sharedItems])
        #expect(access.view.sharedItemIDs == [item])
        #expect(access.decision.rules.map(\.ruleId).contains("complaints.needToKnow"))

        let told = try Self.view(F.witnessOfficer, Self.memberComplaint(identityTo: [F.witnessOfficer], witnesses: [F.witnessOfficer: [item]]))
        #expect(told.view.fields == [.sharedItems, .complainantIdentity])

        let another = try Self.view(F.highwaysHead, Self.memberComplaint(witnesses: [F.witnessOfficer: [item]]))
        #expect(another.view == .none, "a witness's items are theirs alone")
    }

    @Test func theGroupLeaderIsToldOfTheComplaintButNotItsContent() throws {
        let access = try Self.view(F.leaderA, Self.officerComplaint)
        #expect(access.view.audience == .informed)
        #expect(access.view.fields == [.kind, .category, .stage, .subjectIdentity])
        #expect(access.decision.rules.map(\.ruleId) == ["complaints.routes.officer-about-member", "complaints.complainantIdentityProtected"])
    }

    @Test func theChiefExecutiveCopiedInSeesEverything() throws {
        let access = try Self.view(F.chiefExecutive, Self.officerComplaint, "tower-hamlets")
        #expect(access.view.audience == .full)
        #expect(access.decision.reasons == ["The protocol's route sends you a copy of this complaint."])
    }

    @Test func theComplaintsOfficerMonitorsWithoutNamesOrNarrative() throws {
        let access = try Self.view(F.complaintsOfficer, Self.memberComplaint())
        #expect(access.view.audience == .monitoring)
        #expect(access.view.fields == [.kind, .category, .stage, .timeliness, .route, .outcome])
        #expect(access.decision.rules.map(\.citation).contains("London Councils protocol 13 and footnote 9 (Monitoring complaints)"))

        let hackney = try Self.view(F.hrDirector, Self.memberComplaint(), "hackney")
        #expect(hackney.view.audience == .monitoring, "Hackney 5.17: the HR Assistant Director reviews the case log")
        let wigan = try Self.view(F.complaintsOfficer, Self.memberComplaint(), "wigan")
        #expect(wigan.view == .none, "Wigan names no one to monitor complaints")
    }

    @Test func needToKnowFollowsTheProfile() throws {
        // Wigan adds no one: the Chief Executive with no part in the case sees nothing.
        let wigan = try Self.view(F.chiefExecutive, Self.memberComplaint(), "wigan")
        #expect(wigan.view == .none)
        #expect(wigan.decision.rules.map(\.citation) == ["Probity default (protocol silent)"])
    }

    @Test func everyoneElseSeesNothing() throws {
        let facts = Self.memberComplaint(disclosed: true)
        for person in [F.memberA, F.leaderB, F.independent, F.highwaysHead, F.monitoringOfficer, F.caseworker, F.hrDirector] {
            let access = try Self.view(person, facts)
            #expect(access.view == .none, "\(person)")
            #expect(!access.decision.allowed)
            #expect(access.decision.explanation == "Complaints are kept in the strictest confidence, on a need-to-know basis, and you have no part in this one. (London Councils protocol 13 (Confidentiality))")
        }
        let profile = try F.profile("london-councils")
        let assistant = Viewer(kind: .assistant, personID: F.id(600), groupID: F.groupB, actsForMemberIDs: [F.memberB.id])
        let partyWorker = Viewer(kind: .partyWorker, personID: F.id(601))
        let administrator = Viewer(kind: .none, personID: nil)
        for viewer in [assistant, partyWorker, administrator] {
            let access = ComplaintPolicy.view(for: viewer, facts: facts, profile: profile, org: F.org)
            #expect(access.view == .none, "\(viewer.kind)")
            #expect(access.audit.viewerKind == viewer.kind)
            #expect(!access.audit.allowed)
        }
    }

    @Test func everyViewIsAudited() throws {
        let access = try Self.view(F.memberB, Self.memberComplaint())
        #expect(access.audit.viewer == F.memberB)
        #expect(access.audit.allowed)
        #expect(access.audit.audience == .complainant)
        #expect(access.audit.summary.hasPrefix("Viewed as complainant: You made this complaint"))
    }

    @Test func theCaseGivesThePolicyItsFacts() throws {
        var complaint = try ComplaintIntake.open(
            id: F.id(902), kind: .complaint, category: .conduct, complainant: F.caseworker, subject: F.memberA,
            receivedOn: ymd("2026-11-27"), profile: F.profile("london-councils"), org: F.org, calendar: F.calendar).complaint
        try complaint.addInvestigator(F.housingHead, on: ymd("2026-11-30"))
        try complaint.discloseAllegationToSubject(on: ymd("2026-12-01"))
        let facts = complaint.accessFacts
        #expect(facts.handlers == [F.peopleDirector, F.housingHead])
        #expect(facts.copiedTo == [F.chiefExecutive])
        #expect(facts.informed == [F.leaderA])
        #expect(try Self.view(F.housingHead, facts).view.audience == .full)
        #expect(try Self.view(F.memberA, facts).view.audience == .subject)
    }

    // MARK: Monitoring decisions

    @Test func onlyTheMonitoringOfficerSeesTheRepeatedComplaintsIndicator() throws {
        let wigan = try F.profile("wigan")
        #expect(ComplaintPolicy.mayViewRepeatedComplaintsIndicator(F.viewer(F.complaintsOfficer), profile: wigan, org: F.org).allowed)
        #expect(!ComplaintPolicy.mayViewRepeatedComplaintsIndicator(F.viewer(F.chiefExecutive), profile: wigan, org: F.org).allowed)
        #expect(!ComplaintPolicy.mayViewRepeatedComplaintsIndicator(F.viewer(F.memberB), profile: wigan, org: F.org).allowed)
        let lc = ComplaintPolicy.mayViewRepeatedComplaintsIndicator(F.viewer(F.complaintsOfficer), profile: try F.profile("london-councils"), org: F.org)
        #expect(!lc.allowed)
        #expect(lc.reasons == ["The protocol sets no indicator for repeated complaints."])
    }

    @Test func onlyTheMonitoringOfficerMonitors() throws {
        let lc = try F.profile("london-councils")
        #expect(ComplaintPolicy.mayMonitor(F.viewer(F.complaintsOfficer), profile: lc, org: F.org).allowed)
        #expect(!ComplaintPolicy.mayMonitor(F.viewer(F.chiefExecutive), profile: lc, org: F.org).allowed)
        #expect(ComplaintPolicy.mayMonitor(F.viewer(F.hrDirector), profile: try F.profile("hackney"), org: F.org).allowed)
        #expect(!ComplaintPolicy.mayMonitor(F.viewer(F.complaintsOfficer), profile: try F.profile("tower-hamlets"), org: F.org).allowed)
    }
}
