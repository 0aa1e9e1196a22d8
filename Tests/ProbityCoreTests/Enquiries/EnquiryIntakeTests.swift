import Foundation
import Testing
@testable import ProbityCore

@Suite("Enquiry intake: fields, purposes and who may raise for whom")
struct EnquiryIntakeTests {
    typealias F = EnquiryFixture

    @Test func aCompleteRoutineDraftIsAccepted() throws {
        for id in ["tower-hamlets", "wigan", "london-councils", "hackney", "leicestershire"] {
            #expect(EnquiryIntake.validate(F.draft(), profile: try F.profile(id)) == .accepted, "\(id)")
        }
    }

    @Test func anEmptyDraftListsEveryMissingFieldInFormOrder() throws {
        let draft = EnquiryDraft(memberID: F.cllrAhmed, channel: nil, subject: "  ", details: "\n", purpose: nil, serviceID: nil)
        guard case .invalid(let errors) = EnquiryIntake.validate(draft, profile: try F.profile("tower-hamlets")) else {
            Issue.record("expected field errors")
            return
        }
        #expect(errors == [
            EnquiryFieldError(field: "channel", message: "Select how the enquiry was received"),
            EnquiryFieldError(field: "subject", message: "Enter a subject"),
            EnquiryFieldError(field: "details", message: "Enter the details of the enquiry"),
            EnquiryFieldError(field: "purpose", message: "Select what the enquiry is for"),
            EnquiryFieldError(field: "service", message: "Select the service the enquiry is for"),
        ])
    }

    @Test func lengthLimitsAreChecked() {
        var draft = F.draft()
        draft.subject = String(repeating: "s", count: 200)
        #expect(EnquiryIntake.fieldErrors(draft).isEmpty)
        draft.subject = String(repeating: "s", count: 201)
        draft.details = String(repeating: "d", count: 10_001)
        #expect(EnquiryIntake.fieldErrors(draft) == [
            EnquiryFieldError(field: "subject", message: "Subject must be 200 characters or fewer"),
            EnquiryFieldError(field: "details", message: "Details must be 10,000 characters or fewer"),
        ])
    }

    @Test func wardCaseworkNeedsAWardButOtherPurposesDoNot() {
        var draft = F.draft(purpose: .wardCasework)
        draft.wardID = nil
        #expect(EnquiryIntake.fieldErrors(draft) == [EnquiryFieldError(field: "ward", message: "Select the ward the casework is about")])
        draft.purpose = .councilBusiness
        #expect(EnquiryIntake.fieldErrors(draft).isEmpty)
    }

    @Test func aConstituentNeedsAName() {
        let draft = F.draft(constituent: Constituent(name: " ", contact: String(repeating: "c", count: 501)))
        #expect(EnquiryIntake.fieldErrors(draft) == [
            EnquiryFieldError(field: "constituentName", message: "Enter the constituent's name"),
            EnquiryFieldError(field: "constituentContact", message: "Constituent's contact details must be 500 characters or fewer"),
        ])
    }

    @Test func attachmentsAreCheckedForCountEmptinessAndSize() {
        var draft = F.draft()
        draft.attachments = [
            EnquiryAttachment(filename: "photo.jpg", byteCount: 2_000, contentType: "image/jpeg"),
            EnquiryAttachment(filename: "empty.pdf", byteCount: 0, contentType: "application/pdf"),
            EnquiryAttachment(filename: "huge.pdf", byteCount: 11 * 1024 * 1024, contentType: "application/pdf"),
        ]
        #expect(EnquiryIntake.fieldErrors(draft) == [
            EnquiryFieldError(field: "attachments", message: "The selected file empty.pdf is empty"),
            EnquiryFieldError(field: "attachments", message: "The selected file huge.pdf must be smaller than 10MB"),
        ])
        draft.attachments = Array(repeating: EnquiryAttachment(filename: "a.txt", byteCount: 1, contentType: "text/plain"), count: 11)
        #expect(EnquiryIntake.fieldErrors(draft) == [EnquiryFieldError(field: "attachments", message: "Attach 10 files or fewer")])
    }

    /// Each profile refuses its own list of purposes, and cites its own paragraphs.
    @Test(arguments: [
        ("tower-hamlets", EnquiryIntakePurpose.partyPolitical, "Tower Hamlets protocol 6.5 and 13.7"),
        ("tower-hamlets", .campaigning, "Tower Hamlets protocol 6.5 and 13.7"),
        ("tower-hamlets", .personal, "Tower Hamlets protocol 6.5 and 13.7"),
        ("tower-hamlets", .privateBusiness, "Tower Hamlets protocol 6.5 and 13.7"),
        ("london-councils", .partyPolitical, "London Councils protocol 3(e)"),
        ("london-councils", .campaigning, "London Councils protocol 3(e)"),
        ("london-councils", .privateBusiness, "London Councils protocol 3(e)"),
        ("wigan", .personal, "Wigan protocol 6.1 and 6.4"),
        ("wigan", .privateBusiness, "Wigan protocol 6.1 and 6.4"),
    ])
    func refusedPurposesAreRefusedWithTheProtocolsReason(profileID: String, purpose: EnquiryIntakePurpose, citation: String) throws {
        let profile = try F.profile(profileID)
        guard case .refused(let refusal) = EnquiryIntake.validate(F.draft(purpose: purpose), profile: profile) else {
            Issue.record("\(profileID) should refuse \(purpose)")
            return
        }
        #expect(refusal.purpose == purpose)
        #expect(refusal.rule.ruleId == "enquiries.refusedPurposes")
        #expect(refusal.rule.citation == citation)
        #expect(refusal.rule.statement == profile.enquiries.refusedPurposes.statement)
        #expect(refusal.reason == "This enquiry is for \(purpose.phrase), which officers cannot help with.")
        #expect(refusal.explanation.hasSuffix("(\(citation))"))
    }

    /// What one protocol refuses another may not: London Councils does not list personal
    /// matters; Wigan lists neither party political business nor campaigning; Hackney and
    /// Leicestershire refuse nothing by purpose.
    @Test(arguments: [
        ("london-councils", EnquiryIntakePurpose.personal),
        ("wigan", .partyPolitical),
        ("wigan", .campaigning),
        ("hackney", .partyPolitical),
        ("hackney", .privateBusiness),
        ("leicestershire", .campaigning),
        ("leicestershire", .personal),
    ])
    func purposesAProfileDoesNotRefuseAreAccepted(profileID: String, purpose: EnquiryIntakePurpose) throws {
        #expect(EnquiryIntake.validate(F.draft(purpose: purpose), profile: try F.profile(profileID)) == .accepted)
    }

    @Test func legitimatePurposesAreNeverRefused() throws {
        for profile in try BuiltInProfiles.all() {
            for purpose in [EnquiryIntakePurpose.wardCasework, .councilBusiness, .policy] {
                #expect(EnquiryIntake.refusal(for: purpose, profile: profile) == nil, "\(profile.id) \(purpose)")
            }
        }
    }

    @Test func aRefusedPurposeWinsOverFieldErrors() throws {
        var draft = F.draft(purpose: .campaigning)
        draft.subject = ""
        guard case .refused = EnquiryIntake.validate(draft, profile: try F.profile("tower-hamlets")) else {
            Issue.record("a refused purpose should be reported before field errors")
            return
        }
    }

    @Test func policyQuestionsAndMarkedEnquiriesAreNotRoutine() {
        #expect(F.draft(purpose: .wardCasework).isRoutine)
        #expect(!F.draft(purpose: .policy).isRoutine)
        var marked = F.draft(purpose: .councilBusiness)
        marked.markedNonRoutine = true
        #expect(!marked.isRoutine)
    }

    @Test func theIntakeFormShowsOnlyRulesInForce() throws {
        let th = EnquiryIntake.formGuidance(profile: try F.profile("tower-hamlets"))
        #expect(th.map(\.ruleId) == ["enquiries.refusedPurposes", "enquiries.noQueueJumping"])
        #expect(th.last?.citation == "Tower Hamlets protocol 4.12 and 11.7")
        #expect(EnquiryIntake.formGuidance(profile: try F.profile("wigan")).map(\.ruleId) == ["enquiries.refusedPurposes"])
        #expect(EnquiryIntake.formGuidance(profile: try F.profile("hackney")).isEmpty)
    }

    // MARK: Who may raise for whom

    @Test func aMemberRaisesForThemself() throws {
        let viewer = F.member(F.cllrAhmed)
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrAhmed, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(decision.allowed)
        #expect(EnquiryRaisedBy(viewer: viewer, memberID: F.cllrAhmed) == .member(F.cllrAhmed))
    }

    @Test func aMemberCannotRaiseForAnotherMember() throws {
        let viewer = F.member(F.cllrBrown)
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrAhmed, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(!decision.allowed)
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.19"])
        #expect(EnquiryRaisedBy(viewer: viewer, memberID: F.cllrAhmed) == nil)
    }

    @Test func anAssistantRaisesForANamedMemberOfTheirGroupAndTheRecordShowsBoth() throws {
        let viewer = F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed])
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrAhmed, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(decision.allowed)
        #expect(decision.reasons == ["You are raising this enquiry for Cllr Aisha Ahmed, whom you act for. The record shows both of you."])
        #expect(decision.rules.map(\.citation) == ["Tower Hamlets protocol 12.23"])
        let raisedBy = try #require(EnquiryRaisedBy(viewer: viewer, memberID: F.cllrAhmed))
        #expect(raisedBy == .assistant(assistantID: F.assistantForAhmed, memberID: F.cllrAhmed))
        #expect(raisedBy.memberID == F.cllrAhmed)
        #expect(raisedBy.assistantID == F.assistantForAhmed)
    }

    @Test func londonCouncilsCitesItsPoliticalAdvisersParagraph() throws {
        let viewer = F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed])
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrAhmed, profile: try F.profile("london-councils"), org: F.org)
        #expect(decision.rules.map(\.citation) == ["London Councils protocol 7 (General)"])
    }

    @Test func anAssistantCannotRaiseForAMemberTheyDoNotActFor() throws {
        let viewer = F.assistant(F.assistantForBrown, group: F.labour, actsFor: [F.cllrBrown])
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrAhmed, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(!decision.allowed)
        #expect(decision.reasons == ["You can raise enquiries only for the members you are named to act for, and Cllr Aisha Ahmed is not one of them."])
    }

    @Test func anAssistantCannotRaiseForAMemberOfAnotherGroupEvenIfNamed() throws {
        let viewer = F.assistant(F.assistantForAhmed, group: F.labour, actsFor: [F.cllrAhmed, F.cllrCarter])
        let decision = EnquiryIntake.mayRaise(viewer: viewer, forMemberID: F.cllrCarter, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(!decision.allowed)
        #expect(decision.reasons == ["An assistant acts only for members of their own group, and Cllr Cara Carter is not in your group."])
    }

    @Test func memberServicesStaffLogForAnyMember() throws {
        let viewer = F.officer(F.memberServicesOfficer)
        for member in [F.cllrAhmed, F.cllrCarter] {
            #expect(EnquiryIntake.mayRaise(viewer: viewer, forMemberID: member, profile: try F.profile("wigan"), org: F.org).allowed)
            #expect(EnquiryRaisedBy(viewer: viewer, memberID: member) == .memberServices(officerID: F.memberServicesOfficer, memberID: member))
        }
    }

    @Test func otherOfficersPartyWorkersAndAnonymousUsersCannotRaise() throws {
        let profile = try F.profile("tower-hamlets")
        let officer = EnquiryIntake.mayRaise(viewer: F.officer(F.highwaysOfficer), forMemberID: F.cllrAhmed, profile: profile, org: F.org)
        #expect(!officer.allowed)
        #expect(officer.reasons.first?.hasPrefix("Only member services staff can log an enquiry") == true)
        let worker = EnquiryIntake.mayRaise(viewer: F.partyWorkerViewer, forMemberID: F.cllrAhmed, profile: profile, org: F.org)
        #expect(!worker.allowed)
        #expect(worker.rules.map(\.citation) == ["Tower Hamlets protocol 13.10"])
        #expect(!EnquiryIntake.mayRaise(viewer: F.nobody, forMemberID: F.cllrAhmed, profile: profile, org: F.org).allowed)
        #expect(EnquiryRaisedBy(viewer: F.partyWorkerViewer, memberID: F.cllrAhmed) == nil)
        #expect(EnquiryRaisedBy(viewer: F.officer(F.highwaysOfficer), memberID: F.cllrAhmed) == nil)
    }

    @Test func aMemberNotInTheDirectoryCannotHaveEnquiriesRaised() throws {
        let decision = EnquiryIntake.mayRaise(viewer: F.officer(F.memberServicesOfficer), forMemberID: F.id(200),
                                              profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(decision == .deny("That member is not in the directory."))
    }

    @Test func namesAlreadyTitledAreNotTitledTwice() {
        #expect("Aisha Ahmed".withCouncillorTitle == "Cllr Aisha Ahmed")
        #expect("Cllr Fay Foster".withCouncillorTitle == "Cllr Fay Foster")
        #expect("Mayor Lutfur".withCouncillorTitle == "Mayor Lutfur")
    }
}
