import Foundation
import Testing
@testable import ProbityCore

/// The reasons, citations, versions and handling `DocumentPolicy` gives, beyond allowed or not
/// (the oracle in Information/ covers that).
@Suite("Document policy: reasons, citations, versions and handling")
struct DocumentPolicyTests {
    typealias F = InformationFixture

    static let exempt = F.document(.exempt(.financialOrBusinessAffairs))
    static let draft = F.document(.draftPolicy, committee: nil, cabinetItem: false)

    @Test func committeeMembersSeeTheirPartTwoItemsUnderTwelveSixTwo() throws {
        let access = try F.access(F.member(F.cabinetMember), Self.exempt)
        #expect(access.allowed)
        #expect(access.basis == .committeeMember)
        #expect(access.version == .full)
        #expect(access.handling == ReleaseHandling(markedConfidential: true, useLimitedTo: "the business of the Cabinet"))
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.6(ii) and 12.6(iii)"])
    }

    @Test func scrutinyMembersHaveAPrimaFacieNeedToKnowWithinTermsOfReference() throws {
        let access = try F.access(F.member(F.scrutinyWithin), Self.exempt)
        #expect(access.basis == .scrutinyMember)
        #expect(access.decision.reasons.first?.contains("terms of reference") == true)
        // Leicestershire cites its Overview and Scrutiny guidance (LE 18).
        let leicestershire = try F.access(F.member(F.scrutinyWithin), Self.exempt, profile: "leicestershire")
        #expect(leicestershire.decision.rules.map(\.citation) == ["Leicestershire protocol 18"])
    }

    @Test func aRedactedReleaseIsReadRedactedAndMarkedForItsPurpose() throws {
        let grant = F.grant(to: F.sameGroupMember, document: Self.exempt, version: .redacted(note: "Prices removed."))
        let access = try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [grant])
        #expect(access.basis == .needToKnowRelease)
        #expect(access.version == .redacted(note: "Prices removed."))
        #expect(access.handling?.markedConfidential == true)
        #expect(access.handling?.useLimitedTo == grant.purpose)
        #expect(access.decision.rules.map(\.ruleId) == ["guidance.need-to-know-test", "guidance.confidential-information-use",
                                                        "information.redactedRelease"])
        #expect(access.decision.explanation.contains("Tower Hamlets protocol 12.12"))
    }

    @Test func aFullReleaseIsPreferredOverARedactedOne() throws {
        let grants = [F.grant(to: F.sameGroupMember, document: Self.exempt, version: .redacted(note: "Prices removed.")),
                      F.grant(to: F.sameGroupMember, document: Self.exempt)]
        #expect(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: grants).version == .full)
    }

    @Test func aCommitteeSeatIsStrongerThanARedactedRelease() throws {
        let grant = F.grant(to: F.cabinetMember, document: Self.exempt, version: .redacted(note: "Prices removed."))
        let access = try F.access(F.member(F.cabinetMember), Self.exempt, grants: [grant])
        #expect(access.basis == .committeeMember)
        #expect(access.version == .full)
    }

    @Test func withoutAReleaseAMemberIsToldHowToAskAndOfferedTheFreedomOfInformationRoute() throws {
        let access = try F.access(F.member(F.otherGroupMember), Self.exempt)
        #expect(!access.allowed)
        #expect(access.mayRequestNeedToKnow)
        #expect(access.freedomOfInformation == .formalRequest)
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.8, 12.9 and 12.10", "Tower Hamlets protocol 12.6(iv)"])
        #expect(access.decision.reasons.last?.contains("Freedom of Information Act 2000") == true)
    }

    @Test func wiganOffersToSupplyWhatAnyoneWouldBeEntitledToWithoutAFormalRequest() throws {
        let open = F.document(.exempt(.financialOrBusinessAffairs), disclosableToAnyone: true)
        let access = try F.access(F.member(F.otherGroupMember), open, profile: "wigan")
        #expect(access.freedomOfInformation == .supplyWithoutFormalRequest)
        #expect(access.decision.rules.map(\.citation).contains("Wigan protocol 6.7"))
        // Leicestershire does not apply the rule, so offers no route.
        #expect(try F.access(F.member(F.otherGroupMember), open, profile: "leicestershire").freedomOfInformation == nil)
    }

    @Test func confidentialInformationIsNeverOfferedUnderFreedomOfInformation() throws {
        let confidential = F.document(.confidential, disclosableToAnyone: true)
        #expect(try F.access(F.member(F.otherGroupMember), confidential).freedomOfInformation == nil)
    }

    @Test func anExpiredOrWithdrawnReleaseSaysSo() throws {
        let expired = F.grant(to: F.sameGroupMember, document: Self.exempt, grantedAt: F.day(-60), expiresAt: F.day(-1))
        let expiredAccess = try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [expired])
        #expect(!expiredAccess.allowed)
        #expect(expiredAccess.decision.reasons.first?.contains("has expired") == true)
        let withdrawn = F.grant(to: F.sameGroupMember, document: Self.exempt, revokedAt: F.day(-1))
        let withdrawnAccess = try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [withdrawn])
        #expect(!withdrawnAccess.allowed)
        #expect(withdrawnAccess.decision.reasons.first?.contains("was withdrawn") == true)
        // Before it was granted it is no release at all.
        #expect(!(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [F.grant(to: F.sameGroupMember, document: Self.exempt)],
                               at: F.day(-2))).allowed)
    }

    @Test func aReleaseOfAnotherDocumentOpensNothing() throws {
        let other = F.grant(to: F.sameGroupMember, document: F.document(.confidential))
        var elsewhere = other
        elsewhere.documentID = F.id(199)
        #expect(!(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [elsewhere])).allowed)
    }

    @Test func personalInterestCitesTwelveSeven() throws {
        let access = try F.access(F.member(F.interestedMember), Self.exempt)
        #expect(!access.allowed)
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.6(i) and 12.7"])
        #expect(access.decision.reasons.first?.contains("private capacity") == true)
        // Wigan: a personal motive is no need to know (6.4).
        #expect(try F.access(F.member(F.interestedMember), Self.exempt, profile: "wigan").decision.rules.map(\.citation) == ["Wigan protocol 6.4"])
    }

    @Test func anotherGroupsPapersCiteTwelveFourteenAndPartyConfidence() throws {
        let access = try F.access(F.member(F.otherGroupMember), F.document(.groupInternal(groupID: F.labour), committee: nil))
        #expect(access.decision.rules.map(\.ruleId) == ["guidance.other-groups-documents", "information.partyConfidence"])
        #expect(access.decision.explanation.contains("Tower Hamlets protocol 12.14"))
        #expect(!access.mayRequestNeedToKnow)
    }

    @Test func draftsOutsideTheAdministrationCiteTwelveThirteenEvenWithARelease() throws {
        let grant = F.grant(to: F.otherGroupMember, document: Self.draft)
        let access = try F.access(F.member(F.otherGroupMember), Self.draft, grants: [grant])
        #expect(!access.allowed)
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.13"])
    }

    /// The administration is read from the directory each time: after a change of
    /// administration the new administration's councillors see drafts and the old one's do not.
    @Test func draftsFollowTheAdministration() throws {
        var org = F.org
        org.groups[F.labour]?.isAdministration = false
        org.groups[F.conservative]?.isAdministration = true
        let profile = try F.profile("tower-hamlets")
        #expect(DocumentPolicy.canRead(context: F.member(F.otherGroupMember), document: Self.draft, grants: [], at: F.now,
                                       profile: profile, org: org).allowed)
        #expect(!DocumentPolicy.canRead(context: F.member(F.sameGroupMember), document: Self.draft, grants: [], at: F.now,
                                        profile: profile, org: org).allowed)
    }

    @Test func personalRecordsCiteTwelveThirteen() throws {
        let access = try F.access(F.member(F.cabinetMember), F.document(.personal, committee: nil))
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.13"])
    }

    @Test func partyWorkersCiteThirteenTen() throws {
        let access = try F.access(.plain(F.partyWorkerViewer), Self.exempt)
        #expect(access.decision.rules.map(\.citation) == ["Tower Hamlets protocol 13.10"])
    }

    /// A member's standing must be their own, and group membership comes from the directory.
    @Test func aContextForSomeoneElseOrAnUnknownMemberGivesPublicAccessOnly() throws {
        let borrowed = ViewerContext(viewer: F.memberViewer(F.otherGroupMember), member: F.standing(F.cabinetMember))
        #expect(!(try F.access(borrowed, Self.exempt)).allowed)
        let stranger = ViewerContext.member(Viewer(kind: .member, personID: F.id(250), groupID: F.labour), committees: [F.cabinetSeat])
        #expect(!(try F.access(stranger, Self.exempt)).allowed)
        #expect(!(try F.access(stranger, F.document(.groupInternal(groupID: F.labour), committee: nil))).allowed)
        #expect(try F.access(stranger, F.document(.public)).allowed)
        // Claiming another group on the viewer does not open that group's papers.
        let claimed = ViewerContext.member(Viewer(kind: .member, personID: F.otherGroupMember, groupID: F.labour))
        #expect(!(try F.access(claimed, F.document(.groupInternal(groupID: F.labour), committee: nil))).allowed)
    }

    @Test func anAssistantReadsOnlyReleasesTheyRequestedForTheMember() throws {
        let mine = F.grant(to: F.sameGroupMember, document: Self.exempt, raisedBy: F.labourAssistant)
        let membersOwn = F.grant(to: F.sameGroupMember, document: Self.exempt)
        let acting = F.labourAssistant(actingFor: F.sameGroupMember)
        #expect(try F.access(acting, Self.exempt, grants: [mine]).allowed)
        let refused = try F.access(acting, Self.exempt, grants: [membersOwn])
        #expect(!refused.allowed)
        #expect(refused.decision.rules.map(\.ruleId).contains("guidance.group-assistant-requests"))
        // Once they stop acting for the member, the release they asked for is closed to them.
        let stopped = ViewerContext.assistant(Viewer(kind: .assistant, personID: F.labourAssistant, groupID: F.labour, actsForMemberIDs: []),
                                              actingFor: F.standing(F.sameGroupMember))
        #expect(!(try F.access(stopped, Self.exempt, grants: [mine])).allowed)
        // An assistant may not act for a councillor of another group, even if their list says so.
        let crossing = ViewerContext.assistant(Viewer(kind: .assistant, personID: F.labourAssistant, groupID: F.labour,
                                                      actsForMemberIDs: [F.otherGroupMember]),
                                               actingFor: F.standing(F.otherGroupMember))
        #expect(!(try F.access(crossing, F.document(.groupInternal(groupID: F.conservative), committee: nil))).allowed)
    }

    @Test func officersSeeWhyTheyMayOrMayNot() throws {
        #expect(try F.access(F.officer(F.housingOfficer), Self.exempt).basis == .documentHolder)
        #expect(try F.access(F.officer(F.headOfHousing), Self.exempt).basis == .holdersManager)
        #expect(try F.access(F.officer(F.monitoringOfficer), Self.exempt).basis == .monitoringOfficer)
        #expect(try F.access(F.officer(F.chiefExecutive), Self.exempt).basis == .holdersManager)
        #expect(try F.access(F.officer(F.governanceDirector), Self.exempt).basis == .needToKnowDecider)
        // Wigan refers to the FOI officer, who may then see it; Tower Hamlets does not.
        #expect(try F.access(F.officer(F.foiOfficer), Self.exempt, profile: "wigan").basis == .needToKnowDecider)
        let refused = try F.access(F.officer(F.foiOfficer), Self.exempt)
        #expect(!refused.allowed)
        #expect(refused.decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.15, 12.17 and 12.18"])
    }

    @Test func aUserWithNoDirectoryPersonSeesOnlyPublicInformation() throws {
        let nobody = ViewerContext.plain(Viewer(kind: .none, personID: nil))
        #expect(try F.access(nobody, F.document(.public)).allowed)
        #expect(!(try F.access(nobody, Self.exempt)).allowed)
    }
}
