import Foundation
import Testing
@testable import ProbityCore

/// Need-to-know requests (TH 12.8–12.12, 12.19, 12.21–12.23; Wigan 6.4–6.7; LE 34).
@Suite("Need-to-know requests")
struct NeedToKnowRequestTests {
    typealias F = InformationFixture

    static let exempt = F.document(.exempt(.financialOrBusinessAffairs))
    static let wardReason = NeedToKnowReason(kind: .wardProblem,
                                             explanation: "Tenants in my ward report damp in the blocks this regeneration report covers.",
                                             wardID: F.wardA)

    func submit(_ context: ViewerContext, _ document: DocumentFacts = exempt, reason: NeedToKnowReason = wardReason,
                profile: String = "tower-hamlets", org: OrgSnapshot = F.org) throws -> NeedToKnowRequest {
        try NeedToKnowRequest.submit(id: F.id(150), context: context, document: document, reason: reason, at: F.day(-3),
                                     profile: try F.profile(profile), org: org)
    }

    func failure(_ context: ViewerContext, _ document: DocumentFacts = exempt, reason: NeedToKnowReason = wardReason,
                 profile: String = "tower-hamlets") throws -> InformationError {
        do {
            _ = try submit(context, document, reason: reason, profile: profile)
        } catch let error as InformationError {
            return error
        }
        Issue.record("expected the request to be refused")
        throw InformationError(.wrongState, "submitted")
    }

    func apply(_ action: NeedToKnowAction, by officer: UUID, to request: NeedToKnowRequest, document: DocumentFacts = exempt,
               at: Date = F.day(-2), profile: String = "tower-hamlets", org: OrgSnapshot = F.org) throws -> NeedToKnowRequest {
        try request.applying(action, by: F.officerViewer(officer), at: at, document: document, profile: try F.profile(profile), org: org)
    }

    func applyFailure(_ action: NeedToKnowAction, by officer: UUID, to request: NeedToKnowRequest, document: DocumentFacts = exempt,
                      profile: String = "tower-hamlets") throws -> InformationError {
        do {
            _ = try apply(action, by: officer, to: request, document: document, profile: profile)
        } catch let error as InformationError {
            return error
        }
        Issue.record("expected the step to be refused")
        throw InformationError(.wrongState, "applied")
    }

    // MARK: Submitting

    @Test func aMembersRequestGoesToTheDirectorOfTheDepartment() throws {
        let request = try submit(F.member(F.sameGroupMember))
        #expect(request.status == .submitted)
        #expect(request.memberID == F.sameGroupMember)
        #expect(request.raisedByAssistantID == nil)
        #expect(request.deciderIDs == [F.directorPeople])
        #expect(request.referralIDs.isEmpty)
        #expect(request.freedomOfInformation == .formalRequest)
        #expect(request.history.map(\.kind) == [.submitted])
        #expect(request.history.first?.rules.map(\.citation) == ["Tower Hamlets protocol 12.21, 12.22(i) and 12.22(ii)"])
        #expect(request.reason.purpose == "a ward problem: Tenants in my ward report damp in the blocks this regeneration report covers.")
    }

    @Test func anAssistantRequestsForANamedCouncillorTheyActFor() throws {
        let request = try submit(F.labourAssistant(actingFor: F.sameGroupMember))
        #expect(request.memberID == F.sameGroupMember)
        #expect(request.raisedByAssistantID == F.labourAssistant)
        let error = try failure(F.labourAssistant(actingFor: F.cabinetMember))
        #expect(error.code == .notPermitted)
        #expect(error.rule?.citation == "Tower Hamlets protocol 12.23")
        #expect(try failure(.assistant(F.labourAssistantViewer, actingFor: nil)).code == .notPermitted)
    }

    @Test func partyWorkersAndOfficersCannotRequest() throws {
        let worker = try failure(.plain(F.partyWorkerViewer))
        #expect(worker.code == .notPermitted)
        #expect(worker.rule?.citation == "Tower Hamlets protocol 13.10")
        #expect(try failure(F.officer(F.parksOfficer)).code == .notPermitted)
    }

    @Test func aReasonIsRequiredAndMustSaySomething() throws {
        let empty = try failure(F.member(F.sameGroupMember), reason: NeedToKnowReason(kind: .other, explanation: "   "))
        #expect(empty.code == .invalidField)
        #expect(empty.field == "reason")
        let thin = try failure(F.member(F.sameGroupMember), reason: NeedToKnowReason(kind: .other, explanation: "Need it for work."))
        #expect(thin.code == .invalidField)
        let noWard = try failure(F.member(F.sameGroupMember),
                                 reason: NeedToKnowReason(kind: .wardProblem, explanation: "Tenants report damp in the blocks this report covers."))
        #expect(noWard.field == "ward")
    }

    @Test(arguments: [
        "I am just curious to see what the council has on this.",
        "Please send me all documents you hold about the estate regeneration.",
        "I would like to see what is there before I decide what to ask about.",
    ])
    func fishingIsRefusedWithItsCitation(explanation: String) throws {
        let error = try failure(F.member(F.sameGroupMember), reason: NeedToKnowReason(kind: .other, explanation: explanation))
        #expect(error.code == .fishing)
        #expect(error.rule?.citation == "Tower Hamlets protocol 12.11")
        let wigan = try failure(F.member(F.sameGroupMember), reason: NeedToKnowReason(kind: .other, explanation: explanation), profile: "wigan")
        #expect(wigan.rule?.citation == "Wigan protocol 6.4")
    }

    @Test func aPartyPoliticalOrPrivatePurposeIsRefused() throws {
        let error = try failure(F.member(F.otherGroupMember),
                                reason: NeedToKnowReason(kind: .other, explanation: "I want the figures for our election campaign against the administration."))
        #expect(error.code == .improperPurpose)
        #expect(error.rule?.citation == "Tower Hamlets protocol 12.8, 12.9 and 12.10")
    }

    @Test func ordinaryWardWordsAreNotMistakenForFishing() throws {
        let reason = NeedToKnowReason(kind: .wardProblem,
                                      explanation: "A burst pipe leaks into six flats in my ward and I am not on a fishing expedition: residents want answers.",
                                      wardID: F.wardA)
        #expect(throws: Never.self) { _ = try submit(F.member(F.sameGroupMember), reason: reason) }
    }

    @Test func whatNoDecisionCouldReleaseIsRefusedAtOnce() throws {
        let personal = try failure(F.member(F.cabinetMember), F.document(.personal, committee: nil))
        #expect(personal.code == .notReleasable)
        #expect(personal.rule?.citation == "Tower Hamlets protocol 12.13")
        let theirs = try failure(F.member(F.otherGroupMember), F.document(.groupInternal(groupID: F.labour), committee: nil))
        #expect(theirs.code == .notReleasable)
        #expect(theirs.rule?.citation == "Tower Hamlets protocol 12.14")
        let draft = try failure(F.member(F.otherGroupMember), F.document(.draftPolicy, committee: nil))
        #expect(draft.code == .notReleasable)
        #expect(draft.rule?.ruleId == "information.draftsAdministrationOnly")
        // Wigan keeps no draft for the administration: the request goes ahead.
        #expect(try submit(F.member(F.otherGroupMember), F.document(.draftPolicy, committee: nil), profile: "wigan").status == .submitted)
    }

    @Test func aCouncillorWithAnInterestIsToldTheyActPrivately() throws {
        let error = try failure(F.member(F.interestedMember))
        #expect(error.code == .personalInterest)
        #expect(error.rule?.citation == "Tower Hamlets protocol 12.6(i) and 12.7")
    }

    @Test func noRequestIsNeededForWhatTheyCanAlreadySee() throws {
        #expect(try failure(F.member(F.cabinetMember)).code == .alreadyAvailable)
        #expect(try failure(F.member(F.otherGroupMember), F.document(.public)).code == .alreadyAvailable)
        #expect(try failure(F.member(F.sameGroupMember), F.document(.groupInternal(groupID: F.labour), committee: nil)).code == .alreadyAvailable)
    }

    @Test(arguments: ["london-councils", "hackney"])
    func protocolsWithoutTheProcedureRefuseIt(profile: String) throws {
        let error = try failure(F.member(F.sameGroupMember), profile: profile)
        #expect(error.code == .procedureNotInForce)
        #expect(error.rule?.ruleId == "information.needToKnowDecision")
    }

    @Test func aDocumentWithNoDepartmentHasNobodyToDecide() throws {
        var orphan = Self.exempt
        orphan.serviceID = nil
        orphan.ownerOfficerID = nil
        #expect(try failure(F.member(F.sameGroupMember), orphan).code == .nobodyToRoute)
    }

    // MARK: Deciding

    @Test func theDirectorGrantsAndTheCouncillorCanThenReadItMarkedForItsPurpose() throws {
        let request = try submit(F.member(F.sameGroupMember))
        let granted = try apply(.grant(NeedToKnowRelease(expiresAt: F.day(28))), by: F.directorPeople, to: request)
        #expect(granted.status == .granted)
        let grant = try #require(granted.grant)
        #expect(grant.memberID == F.sameGroupMember)
        #expect(grant.version == .full)
        #expect(grant.purpose == request.reason.purpose)
        #expect(grant.markedConfidential)
        #expect(granted.history.map(\.kind) == [.submitted, .granted])
        #expect(granted.history.last?.rules.map(\.citation).contains("Tower Hamlets protocol 12.16") == true)
        let access = try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [grant])
        #expect(access.allowed)
        #expect(access.handling?.useLimitedTo == request.reason.purpose)
        // After it expires, no longer.
        #expect(!(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [grant], at: F.day(29))).allowed)
        // Nobody else benefits.
        #expect(!(try F.access(F.member(F.otherGroupMember), Self.exempt, grants: [grant])).allowed)
    }

    @Test func onlyTheDeciderDecides() throws {
        let request = try submit(F.member(F.sameGroupMember))
        for officer in [F.parksOfficer, F.governanceDirector, F.housingOfficer, F.chiefExecutive] {
            #expect(try applyFailure(.grant(NeedToKnowRelease()), by: officer, to: request).code == .notPermitted)
        }
        let member = F.memberViewer(F.sameGroupMember)
        #expect(throws: InformationError.self) {
            _ = try request.applying(.grant(NeedToKnowRelease()), by: member, at: F.day(-2), document: Self.exempt,
                                     profile: try F.profile("tower-hamlets"), org: F.org)
        }
    }

    @Test func aRedactedReleaseNeedsTheProfilesRuleAndTheOfficersConfirmation() throws {
        let request = try submit(F.member(F.sameGroupMember))
        let redacted = NeedToKnowRelease(version: .redacted(note: "Tenderers' prices removed."), redactionLeavesRoleUnimpeded: true)
        let granted = try apply(.grant(redacted), by: F.directorPeople, to: request)
        #expect(granted.grant?.version == .redacted(note: "Tenderers' prices removed."))
        #expect(granted.history.last?.rules.map(\.citation).contains("Tower Hamlets protocol 12.12") == true)

        let unconfirmed = NeedToKnowRelease(version: .redacted(note: "Tenderers' prices removed."))
        let error = try applyFailure(.grant(unconfirmed), by: F.directorPeople, to: request)
        #expect(error.code == .invalidField)
        #expect(error.rule?.citation == "Tower Hamlets protocol 12.12")
        let noNote = NeedToKnowRelease(version: .redacted(note: " "), redactionLeavesRoleUnimpeded: true)
        #expect(try applyFailure(.grant(noNote), by: F.directorPeople, to: request).field == "redaction")

        let wigan = try submit(F.member(F.sameGroupMember), profile: "wigan")
        let wiganError = try applyFailure(.grant(redacted), by: F.directorPeople, to: wigan, profile: "wigan")
        #expect(wiganError.code == .redactionNotProvided)
        #expect(wiganError.rule?.citation == "Probity default (protocol silent)")
    }

    @Test func aReleaseMustEndAfterItIsMade() throws {
        let request = try submit(F.member(F.sameGroupMember))
        #expect(try applyFailure(.grant(NeedToKnowRelease(expiresAt: F.day(-2))), by: F.directorPeople, to: request).field == "expiresAt")
    }

    @Test func aRefusalIsReferredToTheCorporateDirectorGovernanceWhoDetermines() throws {
        let request = try submit(F.member(F.otherGroupMember))
        let refused = try apply(.refuse(.notReasonablyNecessary, explanation: "The ward problem is about repairs, not this contract."),
                                by: F.directorPeople, to: request)
        #expect(refused.status == .referred)
        #expect(refused.referralIDs == [F.governanceDirector])
        #expect(refused.refusal == nil)
        #expect(refused.history.map(\.kind) == [.submitted, .refused, .referred])
        // The first decider has had their say.
        #expect(try applyFailure(.grant(NeedToKnowRelease()), by: F.directorPeople, to: refused).code == .notPermitted)
        let upheld = try apply(.refuse(.fishing, explanation: "No need to know shown."), by: F.governanceDirector, to: refused, at: F.day(-1))
        #expect(upheld.status == .refused)
        #expect(upheld.refusal?.ground == .fishing)
        #expect(upheld.refusal?.onReferral == true)
        #expect(upheld.refusals.count == 2)
        #expect(upheld.history.last?.rules.first?.citation == "Tower Hamlets protocol 12.11")
        #expect(try applyFailure(.grant(NeedToKnowRelease()), by: F.governanceDirector, to: upheld).code == .wrongState)

        let overturned = try apply(.grant(NeedToKnowRelease()), by: F.governanceDirector, to: refused, at: F.day(-1))
        #expect(overturned.status == .granted)
        #expect(overturned.grant?.grantedByOfficerID == F.governanceDirector)
    }

    @Test func eachProfileRefersToItsOwnRecipients() throws {
        let wigan = try apply(.refuse(.beyondServiceResources, explanation: "Compiling this would take weeks of officer time."),
                              by: F.directorPeople, to: try submit(F.member(F.otherGroupMember), profile: "wigan"), profile: "wigan")
        #expect(Set(wigan.referralIDs) == [F.foiOfficer, F.monitoringOfficer])
        let leicestershire = try apply(.referInDoubt(note: "Not sure the division problem needs the contract prices."),
                                       by: F.directorPeople, to: try submit(F.member(F.otherGroupMember), profile: "leicestershire"),
                                       profile: "leicestershire")
        #expect(leicestershire.status == .referred)
        #expect(leicestershire.referralIDs == [F.monitoringOfficer])
    }

    @Test func doubtIsReferredWithANote() throws {
        let request = try submit(F.member(F.otherGroupMember))
        #expect(try applyFailure(.referInDoubt(note: ""), by: F.directorPeople, to: request).code == .invalidField)
        let referred = try apply(.referInDoubt(note: "Commercially sensitive: does the ward problem need the prices?"),
                                 by: F.directorPeople, to: request)
        #expect(referred.status == .referred)
        #expect(referred.history.last?.note?.hasPrefix("In doubt:") == true)
    }

    @Test func aRefusalWithNobodyToReferToIsFinal() throws {
        var org = F.org
        org.officers[F.governanceDirector]?.designations = []
        let request = try submit(F.member(F.otherGroupMember), org: org)
        let refused = try request.applying(.refuse(.notReasonablyNecessary, explanation: "No link to the ward problem."),
                                           by: F.officerViewer(F.directorPeople), at: F.day(-2), document: Self.exempt,
                                           profile: try F.profile("tower-hamlets"), org: org)
        #expect(refused.status == .refused)
    }

    @Test func aReleaseCanBeWithdrawn() throws {
        let granted = try apply(.grant(NeedToKnowRelease()), by: F.directorPeople, to: try submit(F.member(F.sameGroupMember)))
        #expect(try applyFailure(.revoke(reason: "Resolved."), by: F.parksOfficer, to: granted).code == .notPermitted)
        let revoked = try apply(.revoke(reason: "The damp problem has been fixed."), by: F.directorPeople, to: granted, at: F.day(1))
        let grant = try #require(revoked.grant)
        #expect(grant.revokedAt == F.day(1))
        #expect(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [grant], at: F.day(0)).allowed)
        #expect(!(try F.access(F.member(F.sameGroupMember), Self.exempt, grants: [grant], at: F.day(2))).allowed)
    }

    /// What may be released is checked again when decided: a draft asked for under a profile
    /// without the administration-only rule cannot be released once the rule applies (an override)
    /// and the councillor's group no longer forms the administration.
    @Test func aDraftIsCheckedAgainWhenDecided() throws {
        let draft = F.document(.draftPolicy, committee: nil)
        let request = try submit(F.labourAssistant(actingFor: F.sameGroupMember), draft, profile: "wigan")
        #expect(try apply(.grant(NeedToKnowRelease()), by: F.directorPeople, to: request, document: draft, profile: "wigan").status == .granted)
        var noLongerInOffice = F.org
        noLongerInOffice.groups[F.labour]?.isAdministration = false
        let error = try #require(throws: InformationError.self) {
            _ = try request.applying(.grant(NeedToKnowRelease()), by: F.officerViewer(F.directorPeople), at: F.day(-2), document: draft,
                                     profile: try F.profile("tower-hamlets"), org: noLongerInOffice)
        }
        #expect(error.code == .notReleasable)
    }

    // MARK: Who sees requests (TH 12.19) and the audit trail

    @Test func requestsAreConfidentialToTheCouncillorAndTheOfficersDecidingThem() throws {
        let profile = try F.profile("tower-hamlets")
        let request = try apply(.refuse(.notReasonablyNecessary, explanation: "No link to the ward problem."), by: F.directorPeople,
                                to: try submit(F.labourAssistant(actingFor: F.sameGroupMember)))
        func sees(_ viewer: Viewer) -> Bool {
            DocumentPolicy.canViewRequest(viewer: viewer, request: request, document: Self.exempt, profile: profile, org: F.org).allowed
        }
        #expect(sees(F.memberViewer(F.sameGroupMember)))
        #expect(sees(F.labourAssistantViewer))
        #expect(sees(F.officerViewer(F.directorPeople)))
        #expect(sees(F.officerViewer(F.governanceDirector)))
        #expect(sees(F.officerViewer(F.housingOfficer)))
        #expect(sees(F.officerViewer(F.monitoringOfficer)))
        #expect(!sees(F.memberViewer(F.labourLeader)))
        #expect(!sees(F.memberViewer(F.cabinetMember)))
        #expect(!sees(F.memberViewer(F.otherGroupMember)))
        #expect(!sees(F.conservativeAssistantViewer))
        #expect(!sees(Viewer(kind: .assistant, personID: F.id(253), groupID: F.labour, actsForMemberIDs: [F.sameGroupMember])))
        #expect(!sees(F.partyWorkerViewer))
        #expect(!sees(F.officerViewer(F.parksOfficer)))
        let refusal = DocumentPolicy.canViewRequest(viewer: F.memberViewer(F.labourLeader), request: request, document: Self.exempt,
                                                    profile: profile, org: F.org)
        #expect(refusal.explanation.hasSuffix("(Tower Hamlets protocol 12.19)"))
    }

    @Test func theAuditTrailRecordsEveryStepWithItsCitationAndIsSeenOnlyByThoseConcerned() throws {
        let profile = try F.profile("tower-hamlets")
        let referred = try apply(.refuse(.fishing, explanation: "Reads as a general trawl."), by: F.directorPeople,
                                 to: try submit(F.labourAssistant(actingFor: F.sameGroupMember)))
        let granted = try apply(.grant(NeedToKnowRelease(version: .redacted(note: "Prices removed."), redactionLeavesRoleUnimpeded: true)),
                                by: F.governanceDirector, to: referred, at: F.day(-1))
        let entries = InformationAuditEntry.entries(for: granted)
        #expect(entries.map(\.action) == [.requestSubmitted, .refused, .referred, .released])
        #expect(entries.first?.actorKind == .assistant)
        #expect(entries.first?.actorID == F.labourAssistant)
        #expect(entries.allSatisfy { $0.memberID == F.sameGroupMember })
        #expect(entries[1].citations.contains("Tower Hamlets protocol 12.11"))
        #expect(entries.last?.redacted == true)

        let read = InformationAuditEntry.read(try F.access(F.member(F.otherGroupMember), Self.exempt), context: F.member(F.otherGroupMember),
                                              documentID: Self.exempt.id, at: F.now)
        #expect(read.action == .readRefused)
        let rejected = InformationAuditEntry.rejected(try failure(F.member(F.interestedMember)), context: F.member(F.interestedMember),
                                                      documentID: Self.exempt.id, at: F.now)
        #expect(rejected.citations == ["Tower Hamlets protocol 12.6(i) and 12.7"])

        func sees(_ viewer: Viewer, _ entry: InformationAuditEntry) -> Bool {
            DocumentPolicy.canViewAuditEntry(viewer: viewer, entry: entry, profile: profile, org: F.org).allowed
        }
        #expect(sees(F.memberViewer(F.sameGroupMember), entries[0]))
        #expect(sees(F.labourAssistantViewer, entries[0]))
        #expect(sees(F.officerViewer(F.governanceDirector), entries[3]))
        #expect(sees(F.officerViewer(F.monitoringOfficer), entries[2]))
        #expect(!sees(F.memberViewer(F.labourLeader), entries[0]))
        #expect(!sees(F.memberViewer(F.sameGroupMember), read))
        #expect(sees(F.memberViewer(F.otherGroupMember), read))
        #expect(!sees(F.officerViewer(F.parksOfficer), read))
    }
}
