import Foundation
import Testing
@testable import ProbityCore

/// TH 12.19, LC 12: a member's enquiries are seen by that member, their authorised assistant,
/// the officers handling them and those officers' management line, nobody else.
@Suite("Who may see and work on members' enquiries")
struct EnquiryPolicyTests {
    typealias F = EnquiryFixture

    /// Cllr Ahmed's Highways enquiry, logged by member services, first with the liaison
    /// officer and now with a Highways officer.
    static let facts = EnquiryAccessFacts(
        memberID: F.cllrAhmed, serviceID: F.highways, raisedByAssistantID: F.assistantForAhmed,
        loggedByOfficerID: F.memberServicesOfficer, currentHandlerID: F.highwaysOfficer,
        handlingOfficerIDs: [F.liaisonHighways, F.highwaysOfficer]
    )

    func view(_ viewer: Viewer, _ profileID: String = "tower-hamlets", facts: EnquiryAccessFacts = facts) throws -> Decision {
        EnquiryPolicy.canView(viewer: viewer, facts: facts, profile: try F.profile(profileID), org: F.org)
    }

    func act(_ kind: EnquiryActionKind, _ viewer: Viewer, _ profileID: String = "tower-hamlets") throws -> Decision {
        EnquiryPolicy.canAct(kind, viewer: viewer, facts: Self.facts, profile: try F.profile(profileID), org: F.org)
    }

    func notes(_ viewer: Viewer, _ profileID: String = "tower-hamlets") throws -> Decision {
        EnquiryPolicy.canSeeNotes(viewer: viewer, facts: Self.facts, profile: try F.profile(profileID), org: F.org)
    }

    // MARK: Allowed

    @Test func theMemberSeesTheirOwnEnquiry() throws {
        let decision = try view(F.member(F.cllrAhmed))
        #expect(decision.allowed)
        #expect(decision.reasons == ["This is your enquiry."])
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.19"])
    }

    @Test func theAssistantActingForTheMemberSeesIt() throws {
        let decision = try view(F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed]))
        #expect(decision.allowed)
        #expect(decision.reasons == ["You act for Cllr Aisha Ahmed."])
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.19", "Tower Hamlets protocol 12.23"])
    }

    @Test(arguments: [
        (F.highwaysOfficer, "You are handling this enquiry."),
        (F.liaisonHighways, "You handled this enquiry before it was passed on."),
        (F.headOfHighways, "You manage an officer handling this enquiry."),
        (F.directorPlace, "You manage an officer handling this enquiry."),
        (F.chiefExecutive, "You manage an officer handling this enquiry."),
        (F.memberServicesOfficer, "You logged this enquiry for the member."),
    ])
    func handlingOfficersAndTheirLineSeeIt(officer: UUID, reason: String) throws {
        let decision = try view(F.officer(officer))
        #expect(decision.allowed)
        #expect(decision.reasons == [reason])
        #expect(decision.rules.map(\.ruleId) == ["enquiries.confidentiality"])
    }

    @Test func theHeadOfServiceSeesItEvenOutsideTheHandlersLine() throws {
        let facts = EnquiryAccessFacts(memberID: F.cllrAhmed, serviceID: F.highways, currentHandlerID: F.highwaysSecondee,
                                       handlingOfficerIDs: [F.highwaysSecondee])
        let decision = try view(F.officer(F.headOfHighways), facts: facts)
        #expect(decision.reasons == ["You are Head of Service for the service handling this enquiry."])
    }

    /// The secondee reports straight to the Chief Executive, so the Place director is not in
    /// their line. Wigan's ladder escalates to the service's director, who may then see it;
    /// Tower Hamlets' ladder stops at the Service Head, so the director may not.
    @Test func officersTheChasingLadderNamesSeeItOnlyWhereTheProfileSaysSo() throws {
        let facts = EnquiryAccessFacts(memberID: F.cllrAhmed, serviceID: F.highways, currentHandlerID: F.highwaysSecondee,
                                       handlingOfficerIDs: [F.highwaysSecondee])
        let wigan = try view(F.officer(F.directorPlace), "wigan", facts: facts)
        #expect(wigan.allowed)
        #expect(wigan.reasons == ["The protocol has you chased about this enquiry if it is overdue."])
        #expect(!(try view(F.officer(F.directorPlace), "tower-hamlets", facts: facts)).allowed)
    }

    @Test func confidentialityRolesInTheProfileLetThoseOfficersSeeButNotReadNotes() throws {
        var profile = try F.profile("tower-hamlets")
        #expect(!EnquiryPolicy.canView(viewer: F.officer(F.monitoringOfficer), facts: Self.facts, profile: profile, org: F.org).allowed)
        profile.enquiries.confidentiality.parameters.roles = [Recipient(.monitoringOfficer)]
        let decision = EnquiryPolicy.canView(viewer: F.officer(F.monitoringOfficer), facts: Self.facts, profile: profile, org: F.org)
        #expect(decision.allowed)
        #expect(decision.reasons == ["The protocol lets your post see members' enquiries."])
        #expect(!EnquiryPolicy.canSeeNotes(viewer: F.officer(F.monitoringOfficer), facts: Self.facts, profile: profile, org: F.org).allowed)
    }

    // MARK: Refused — every case

    @Test func aMemberOfTheSameGroupIsRefused() throws {
        let decision = try view(F.member(F.cllrBrown))
        #expect(!decision.allowed)
        #expect(decision.reasons == ["A member's enquiries are confidential to them. Other members cannot see them, even members of the same group."])
        #expect(decision.explanation.hasSuffix("(Tower Hamlets protocol 12.19)"))
    }

    @Test func theGroupLeaderIsRefused() throws {
        #expect(!(try view(F.member(F.cllrLeader))).allowed)
    }

    @Test func aMemberOfAnotherGroupIsRefused() throws {
        let decision = try view(F.member(F.cllrCarter))
        #expect(!decision.allowed)
        #expect(decision.reasons == ["A member's enquiries are confidential to them. They are not made known to any other member or political group."])
    }

    @Test func aMemberInNoGroupIsRefused() throws {
        #expect(!(try view(F.member(F.cllrFoster))).allowed)
    }

    @Test func londonCouncilsCitesSectionTwelve() throws {
        let decision = try view(F.member(F.cllrCarter), "london-councils")
        #expect(decision.rules.map(\.citation) == ["London Councils protocol 12 (Correspondence between a Member and an officer)"])
    }

    @Test func anAssistantNotActingForTheMemberIsRefused() throws {
        let decision = try view(F.assistant(F.assistantForBrown, group: F.labour, actsFor: [F.cllrBrown]))
        #expect(!decision.allowed)
        #expect(decision.reasons == ["Assistants can see only the enquiries of the members they act for."])
    }

    @Test func anAssistantOfAnotherGroupIsRefusedEvenIfNamed() throws {
        #expect(!(try view(F.assistant(F.id(63), group: F.conservative, actsFor: [F.cllrAhmed]))).allowed)
    }

    @Test func anAssistantWhoRaisedItButNoLongerActsIsRefused() throws {
        let decision = try view(F.assistant(F.assistantForAhmed, group: F.labour, actsFor: []))
        #expect(!decision.allowed)
        #expect(decision.reasons == ["You raised this enquiry, but you no longer act for Cllr Aisha Ahmed."])
    }

    @Test func aPartyWorkerIsRefused() throws {
        let decision = try view(F.partyWorkerViewer)
        #expect(!decision.allowed)
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.19", "Tower Hamlets protocol 13.10"])
        #expect(!(try notes(F.partyWorkerViewer)).allowed)
        #expect(!(try act(.close, F.partyWorkerViewer)).allowed)
    }

    @Test func aUserWithNoDirectoryPersonIsRefused() throws {
        #expect(!(try view(F.nobody)).allowed)
    }

    @Test func anUnrelatedOfficerInTheSameServiceIsRefused() throws {
        let decision = try view(F.officer(F.highwaysColleague))
        #expect(!decision.allowed)
        #expect(decision.reasons == ["Only the officers handling an enquiry and their managers can see it, and you are not one of them."])
    }

    @Test(arguments: [F.parksOfficer, F.headOfParks, F.liaisonHousing, F.directorPeople, F.monitoringOfficer])
    func officersElsewhereAreRefused(officer: UUID) throws {
        let decision = try view(F.officer(officer))
        #expect(!decision.allowed)
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.19"])
    }

    @Test func anOfficerInAnotherServiceIsToldWhereTheEnquiryIs() throws {
        #expect(try view(F.officer(F.parksOfficer)).reasons == ["This enquiry is with Highways. Only the officers handling it and their managers can see it."])
    }

    @Test func anOfficerViewerWithNoPersonIsRefused() throws {
        #expect(!(try view(Viewer(kind: .officer, personID: nil))).allowed)
    }

    // MARK: Acting

    @Test(arguments: [EnquiryActionKind.acknowledge, .respond, .assign, .addNote, .notifyDelay, .close, .reopen])
    func theHandlerTheirLineAndTheServiceHeadMayAct(kind: EnquiryActionKind) throws {
        for officer in [F.highwaysOfficer, F.headOfHighways, F.directorPlace] {
            let decision = try act(kind, F.officer(officer))
            #expect(decision.allowed, "\(kind) by \(officer)")
            #expect(decision.rules.map(\.ruleId) == ["enquiries.routing"])
        }
    }

    /// A non-routine enquiry the director first nominated a Parks officer for, now back in Highways.
    @Test func thePastHandlersManagerMaySeeButNotAct() throws {
        let facts = EnquiryAccessFacts(memberID: F.cllrAhmed, serviceID: F.highways, currentHandlerID: F.highwaysOfficer,
                                       handlingOfficerIDs: [F.parksOfficer, F.highwaysOfficer])
        let profile = try F.profile("tower-hamlets")
        let viewer = F.officer(F.headOfParks)
        let decision = EnquiryPolicy.canView(viewer: viewer, facts: facts, profile: profile, org: F.org)
        #expect(decision.reasons == ["You manage an officer who handled this enquiry before it was passed on."])
        #expect(EnquiryPolicy.canSeeNotes(viewer: viewer, facts: facts, profile: profile, org: F.org).allowed)
        #expect(!EnquiryPolicy.canAct(.respond, viewer: viewer, facts: facts, profile: profile, org: F.org).allowed)
    }

    @Test(arguments: [EnquiryActionKind.acknowledge, .respond, .assign, .addNote])
    func pastHandlersAndTheLoggingOfficerMayNotAct(kind: EnquiryActionKind) throws {
        let past = try act(kind, F.officer(F.liaisonHighways))
        #expect(!past.allowed)
        #expect(past.reasons.first?.hasPrefix("The enquiry has been passed to another officer") == true)
        #expect(!(try act(kind, F.officer(F.memberServicesOfficer))).allowed)
        #expect(!(try act(kind, F.officer(F.highwaysColleague))).allowed)
        #expect(!(try act(kind, F.officer(F.parksOfficer))).allowed)
    }

    @Test(arguments: [EnquiryActionKind.acknowledge, .respond, .assign, .addNote, .notifyDelay])
    func membersAndAssistantsCannotDoOfficersWork(kind: EnquiryActionKind) throws {
        let member = try act(kind, F.member(F.cllrAhmed))
        #expect(!member.allowed)
        let assistant = try act(kind, F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed]))
        #expect(!assistant.allowed)
    }

    @Test func aMemberMayWithdrawOrReopenTheirOwnEnquiryButNobodyElses() throws {
        #expect(try act(.close, F.member(F.cllrAhmed)).allowed)
        #expect(try act(.reopen, F.member(F.cllrAhmed)).allowed)
        #expect(try act(.close, F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed])).allowed)
        #expect(!(try act(.close, F.member(F.cllrBrown))).allowed)
        #expect(!(try act(.reopen, F.assistant(F.assistantForBrown, group: F.labour, actsFor: [F.cllrBrown]))).allowed)
    }

    @Test func membersAreToldNotesAreNotForThem() throws {
        #expect(try act(.addNote, F.member(F.cllrAhmed)).reasons == ["Internal notes are for the officers handling an enquiry. Members and their assistants never see them."])
    }

    @Test func nobodyChasesByHand() throws {
        for viewer in [F.officer(F.highwaysOfficer), F.officer(F.chiefExecutive), F.member(F.cllrAhmed)] {
            #expect(!(try act(.chase, viewer)).allowed)
        }
    }

    // MARK: Notes

    @Test func notesAreForTheHandlingLineOnly() throws {
        for officer in [F.highwaysOfficer, F.liaisonHighways, F.headOfHighways, F.directorPlace, F.chiefExecutive] {
            #expect(try notes(F.officer(officer)).allowed, "\(officer)")
        }
        #expect(!(try notes(F.officer(F.memberServicesOfficer))).allowed, "logging an enquiry is not handling it")
        #expect(!(try notes(F.officer(F.highwaysColleague))).allowed)
        #expect(!(try notes(F.officer(F.parksOfficer))).allowed)
    }

    @Test func theMemberAndTheirAssistantNeverSeeNotes() throws {
        let member = try notes(F.member(F.cllrAhmed))
        #expect(!member.allowed)
        #expect(member.reasons == ["Internal notes are for the officers handling an enquiry. Members, assistants and party workers never see them."])
        #expect(!(try notes(F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed]))).allowed)
    }

    // MARK: Chief officers' views

    @Test func wiganDirectorsAndTheChiefExecutiveSeeTheVolumeIndicator() throws {
        let wigan = try F.profile("wigan")
        let ce = EnquiryPolicy.canViewVolumeIndicator(viewer: F.officer(F.chiefExecutive), profile: wigan, org: F.org)
        #expect(ce.allowed)
        #expect(ce.rules.map(\.citation) == ["Wigan protocol 6.5"])
        #expect(EnquiryPolicy.canViewVolumeIndicator(viewer: F.officer(F.directorPlace), profile: wigan, org: F.org).allowed)
        #expect(EnquiryPolicy.canViewVolumeIndicator(viewer: F.officer(F.directorPlace), profile: wigan, org: F.org, serviceID: F.parks).allowed)
        #expect(!EnquiryPolicy.canViewVolumeIndicator(viewer: F.officer(F.directorPeople), profile: wigan, org: F.org, serviceID: F.parks).allowed,
                "a director sees it for their own services")
    }

    @Test func othersNeverSeeTheVolumeIndicator() throws {
        let wigan = try F.profile("wigan")
        for viewer in [F.officer(F.headOfHighways), F.officer(F.memberServicesOfficer), F.member(F.cllrAhmed), F.member(F.cllrLeader),
                       F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed]), F.partyWorkerViewer, F.nobody] {
            let decision = EnquiryPolicy.canViewVolumeIndicator(viewer: viewer, profile: wigan, org: F.org)
            #expect(!decision.allowed)
            #expect(decision.reasons == ["Only chief officers can see the high-volume indicator."])
        }
    }

    @Test func theVolumeIndicatorIsHiddenWhereNotInForce() throws {
        let decision = EnquiryPolicy.canViewVolumeIndicator(viewer: F.officer(F.chiefExecutive), profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(!decision.allowed)
        #expect(decision.reasons == ["The high-volume indicator is not in force for this protocol."])
    }

    @Test func chiefOfficersSeeTimeliness() throws {
        let profile = try F.profile("tower-hamlets")
        #expect(EnquiryPolicy.canViewTimeliness(viewer: F.officer(F.chiefExecutive), profile: profile, org: F.org).allowed)
        #expect(EnquiryPolicy.canViewTimeliness(viewer: F.officer(F.directorPeople), profile: profile, org: F.org).allowed)
        #expect(!EnquiryPolicy.canViewTimeliness(viewer: F.officer(F.headOfHighways), profile: profile, org: F.org).allowed)
        #expect(!EnquiryPolicy.canViewTimeliness(viewer: F.member(F.cllrLeader), profile: profile, org: F.org).allowed)
    }

    // MARK: Copying to another member (LC 12)

    @Test func copyingToAnotherMemberNeedsTheMembersConsent() throws {
        let lc = try F.profile("london-councils")
        let refused = EnquiryPolicy.canCopyToAnotherMember(memberConsented: false, profile: lc)
        #expect(!refused.allowed)
        #expect(refused.rules.map(\.citation) == [
            "London Councils protocol 12(a) and 12(b) (Correspondence between a Member and an officer)",
            "London Councils protocol 12 (Correspondence between a Member and an officer)",
        ])
        #expect(EnquiryPolicy.canCopyToAnotherMember(memberConsented: true, profile: lc).allowed)
        let wigan = EnquiryPolicy.canCopyToAnotherMember(memberConsented: false, profile: try F.profile("wigan"))
        #expect(!wigan.allowed)
        #expect(wigan.rules.map(\.ruleId) == ["enquiries.confidentiality"])
    }
}
