import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint life cycle")
struct ComplaintLifecycleTests {
    typealias F = ComplaintFixture
    static let ack = ComplaintAcknowledgement(receipt: "Your complaint of 27 November has been received.",
                                              intendedAction: "I will investigate it.", expectedTime: "About four weeks.")

    static func open(_ profileID: String = "london-councils", complainant: PersonRef = F.memberB,
                     subject: PersonRef = F.highwaysOfficer, kind: ComplaintKind = .complaint) throws -> ComplaintCase {
        try ComplaintIntake.open(
            id: F.id(901), kind: kind, category: .behaviour, complainant: complainant, subject: subject,
            receivedOn: ymd("2026-11-27"), profile: F.profile(profileID), org: F.org, calendar: F.calendar).complaint
    }

    static func investigated(_ profileID: String = "london-councils", complainant: PersonRef = F.memberB,
                             subject: PersonRef = F.highwaysOfficer) throws -> ComplaintCase {
        var complaint = try open(profileID, complainant: complainant, subject: subject)
        try complaint.acknowledge(ack, on: ymd("2026-12-01"))
        try complaint.startInvestigation(on: ymd("2026-12-02"))
        return complaint
    }

    @Test func aComplaintRunsFromReceiptToClosure() throws {
        var complaint = try Self.open()
        #expect(complaint.stage == .received)
        #expect(complaint.handler == F.placeDirector)
        #expect(complaint.routeRuleId == "complaints.routes.member-about-officer")
        try complaint.acknowledge(Self.ack, on: ymd("2026-12-01"))
        #expect(complaint.stage == .acknowledged)
        #expect(complaint.acknowledgedOn == ymd("2026-12-01"))
        try complaint.startInvestigation(on: ymd("2026-12-02"))
        try complaint.recordOutcome(.partlyUpheld, summary: "Rude on the phone; formal warning.", complainantStatement: "Your complaint was partly upheld and action has been taken.", on: ymd("2027-01-05"))
        #expect(complaint.stage == .outcomeRecorded)
        #expect(complaint.outcome == .partlyUpheld)
        try complaint.close(on: ymd("2027-01-06"))
        #expect(complaint.stage == .closed)
        #expect(complaint.history.map(\.action) == [.receive, .acknowledge, .startInvestigation, .recordOutcome, .close])
    }

    @Test func investigationWaitsForTheAcknowledgement() throws {
        var complaint = try Self.open()
        #expect(throws: ComplaintTransitionError.notAllowed(action: .startInvestigation, stage: .received,
                                                            hint: "Acknowledge it in writing first, saying what will be done and roughly how long it will take.")) {
            try complaint.startInvestigation(on: ymd("2026-11-30"))
        }
        let incomplete = ComplaintAcknowledgement(receipt: "Received", intendedAction: "", expectedTime: "soon")
        #expect(throws: ComplaintTransitionError.incompleteAcknowledgement(missing: [.intendedAction])) {
            try complaint.acknowledge(incomplete, on: ymd("2026-11-30"))
        }
        #expect(complaint.stage == .received, "a refused step changes nothing")
        #expect(complaint.acknowledgement == nil)
    }

    @Test func anOutcomeNeedsASummary() throws {
        var complaint = try Self.investigated()
        #expect(throws: ComplaintTransitionError.summaryRequired(action: .recordOutcome)) {
            try complaint.recordOutcome(.upheld, summary: "   ", on: ymd("2027-01-05"))
        }
        #expect(ComplaintTransitionError.summaryRequired(action: .recordOutcome).message == "An outcome needs a summary of what was found and done.")
    }

    @Test func anInformalResolutionIsRecordedAsSuch() throws {
        var complaint = try Self.investigated("wigan")
        #expect(throws: ComplaintTransitionError.informalResolutionRecordedSeparately) {
            try complaint.recordOutcome(.resolvedInformally, summary: "Talked it through", on: ymd("2026-12-10"))
        }
        #expect(throws: ComplaintTransitionError.summaryRequired(action: .recordInformalResolution)) {
            try complaint.recordInformalResolution(summary: "", on: ymd("2026-12-10"))
        }
        try complaint.recordInformalResolution(summary: "The Assistant Director met both and they agreed a way forward.", on: ymd("2026-12-10"))
        #expect(complaint.stage == .informalResolution)
        #expect(complaint.outcome == .resolvedInformally)
        try complaint.close(on: ymd("2026-12-11"))
        #expect(complaint.stage == .closed)
    }

    @Test func aComplaintCannotBeClosedTwiceOrBeforeItsOutcome() throws {
        var complaint = try Self.investigated()
        #expect(throws: ComplaintTransitionError.notAllowed(action: .close, stage: .underInvestigation,
                                                            hint: "Record an outcome or an informal resolution first.")) {
            try complaint.close(on: ymd("2026-12-10"))
        }
        try complaint.recordOutcome(.notUpheld, summary: "No evidence.", on: ymd("2026-12-10"))
        try complaint.close(on: ymd("2026-12-11"))
        #expect(throws: ComplaintTransitionError.alreadyClosed) { try complaint.close(on: ymd("2026-12-12")) }
        #expect(ComplaintTransitionError.alreadyClosed.message == "The complaint is already closed.")
        #expect(throws: ComplaintTransitionError.self) { try complaint.addInvestigator(F.witnessOfficer, on: ymd("2026-12-12")) }
    }

    @Test func aComplaintCanBeWithdrawnBeforeItIsAcknowledged() throws {
        var complaint = try Self.open()
        try complaint.recordOutcome(.withdrawn, summary: "Withdrawn by email.", on: ymd("2026-11-30"))
        #expect(complaint.outcome == .withdrawn)
        #expect(complaint.monitoringRecord.acknowledgementTimeliness(asOf: ymd("2026-12-20")) == .notAcknowledged)
    }

    @Test func datesCannotRunBackwards() throws {
        var complaint = try Self.open()
        #expect(throws: ComplaintTransitionError.dateBeforeReceipt(date: ymd("2026-11-26"), receivedOn: ymd("2026-11-27"))) {
            try complaint.acknowledge(Self.ack, on: ymd("2026-11-26"))
        }
        try complaint.acknowledge(Self.ack, on: ymd("2026-12-01"))
        #expect(throws: ComplaintTransitionError.dateBeforeLastStep(date: ymd("2026-11-30"), lastStep: ymd("2026-12-01"))) {
            try complaint.startInvestigation(on: ymd("2026-11-30"))
        }
    }

    @Test func anOfficerComplainantMustBeToldWhetherItGoesToTheMonitoringOfficer() throws {
        var complaint = try Self.investigated(complainant: F.caseworker, subject: F.memberA)
        #expect(complaint.handler == F.peopleDirector)
        #expect(throws: ComplaintTransitionError.monitoringOfficerDecisionRequired) {
            try complaint.recordOutcome(.upheld, summary: "Shouted at the officer.", on: ymd("2027-01-05"))
        }
        try complaint.recordOutcome(.upheld, summary: "Shouted at the officer.", goesToMonitoringOfficer: true, on: ymd("2027-01-05"))
        #expect(complaint.goesToMonitoringOfficer == true)
    }

    // MARK: Referral for independent assessment (LC 13; TH 14.6)

    @Test func theComplainantMayReferAnOutcomeToTheChiefExecutiveOnce() throws {
        let profile = try F.profile("london-councils")
        var complaint = try Self.investigated()
        #expect(throws: ComplaintTransitionError.referralNeedsInvestigationResult(outcome: nil)) {
            try complaint.refer(by: F.memberB, on: ymd("2026-12-20"), profile: profile, org: F.org)
        }
        try complaint.recordOutcome(.notUpheld, summary: "No evidence.", on: ymd("2027-01-05"))
        #expect(throws: ComplaintTransitionError.referralOnlyByComplainant) {
            try complaint.refer(by: F.leaderB, on: ymd("2027-01-06"), profile: profile, org: F.org)
        }
        try complaint.refer(by: F.memberB, on: ymd("2027-01-06"), profile: profile, org: F.org)
        #expect(complaint.stage == .referred)
        #expect(complaint.referral?.assessors == [F.chiefExecutive])
        #expect(complaint.referral?.rule.citation == "London Councils protocol 13")
        #expect(complaint.accessFacts.handlers.contains(F.chiefExecutive))

        try complaint.recordOutcome(.partlyUpheld, summary: "The Chief Executive found part of it made out.", on: ymd("2027-02-01"))
        #expect(complaint.stage == .outcomeRecorded)
        #expect(complaint.outcome == .notUpheld, "the original outcome stands in the record")
        #expect(complaint.referral?.assessment == .partlyUpheld)
        #expect(throws: ComplaintTransitionError.alreadyReferred) {
            try complaint.refer(by: F.memberB, on: ymd("2027-02-02"), profile: profile, org: F.org)
        }
        try complaint.close(on: ymd("2027-02-02"))
    }

    @Test func referralOnlyWhereTheProfileProvidesIt() throws {
        var complaint = try Self.investigated("wigan")
        try complaint.recordOutcome(.notUpheld, summary: "No evidence.", on: ymd("2027-01-05"))
        let wigan = try F.profile("wigan")
        do throws(ComplaintTransitionError) {
            try complaint.refer(by: F.memberB, on: ymd("2027-01-06"), profile: wigan, org: F.org)
            Issue.record("Wigan provides no referral")
        } catch {
            guard case .referralNotInForce(_, let citation) = error else { Issue.record("wrong error \(error)"); return }
            #expect(citation == "Probity default (protocol silent)")
            #expect(error.message.hasPrefix("This protocol provides no referral for independent assessment: "))
        }
        #expect(complaint.stage == .outcomeRecorded)
    }

    @Test func towerHamletsRefersToTheHRDirectorFirst() throws {
        var complaint = try Self.investigated("tower-hamlets")
        try complaint.recordOutcome(.notUpheld, summary: "No evidence.", on: ymd("2027-01-05"))
        try complaint.refer(by: F.memberB, on: ymd("2027-01-06"), profile: F.profile("tower-hamlets"), org: F.org)
        #expect(complaint.referral?.assessors == [F.hrDirector])
    }

    @Test func withdrawnInformalAndStatutoryOutcomesAreNotReferred() throws {
        let profile = try F.profile("london-councils")
        var withdrawn = try Self.investigated()
        try withdrawn.recordOutcome(.withdrawn, summary: "Withdrawn.", on: ymd("2027-01-05"))
        #expect(throws: ComplaintTransitionError.referralNeedsInvestigationResult(outcome: .withdrawn)) {
            try withdrawn.refer(by: F.memberB, on: ymd("2027-01-06"), profile: profile, org: F.org)
        }
        var informal = try Self.investigated()
        try informal.recordInformalResolution(summary: "Conciliated.", on: ymd("2027-01-05"))
        #expect(throws: ComplaintTransitionError.referralNeedsInvestigationResult(outcome: .resolvedInformally)) {
            try informal.refer(by: F.memberB, on: ymd("2027-01-06"), profile: profile, org: F.org)
        }
        var statutory = try Self.investigated("tower-hamlets", complainant: F.caseworker, subject: F.memberA)
        #expect(statutory.procedure == .statutory)
        try statutory.recordOutcome(.upheld, summary: "Breach of the Code.", goesToMonitoringOfficer: true, on: ymd("2027-01-05"))
        #expect(throws: ComplaintTransitionError.referralNotForStatutoryProcedure) {
            try statutory.refer(by: F.caseworker, on: ymd("2027-01-06"), profile: F.profile("tower-hamlets"), org: F.org)
        }
    }

    @Test func theHandlerCannotAssessTheirOwnResult() throws {
        // LC: a complaint about a director goes to the Chief Executive, who is also the referral.
        var complaint = try Self.investigated(subject: F.placeDirector)
        #expect(complaint.handler == F.chiefExecutive)
        try complaint.recordOutcome(.notUpheld, summary: "No evidence.", on: ymd("2027-01-05"))
        let lc = try F.profile("london-councils")
        do throws(ComplaintTransitionError) {
            try complaint.refer(by: F.memberB, on: ymd("2027-01-06"), profile: lc, org: F.org)
            Issue.record("the Chief Executive cannot assess their own result")
        } catch {
            #expect(error == .noIndependentAssessor(reason: "The chief executive handled the complaint, so cannot assess it independently."))
        }
        #expect(complaint.referral == nil)
    }

    // MARK: Who takes part

    @Test func witnessesAndInvestigatorsAreNeverTheParties() throws {
        var complaint = try Self.investigated()
        #expect(throws: ComplaintTransitionError.self) { try complaint.share([F.id(1)], withWitness: F.memberB, on: ymd("2026-12-03")) }
        #expect(throws: ComplaintTransitionError.self) { try complaint.addInvestigator(F.highwaysOfficer, on: ymd("2026-12-03")) }
        try complaint.share([F.id(1)], withWitness: F.witnessOfficer, on: ymd("2026-12-03"))
        try complaint.share([F.id(2)], withWitness: F.witnessOfficer, on: ymd("2026-12-04"))
        #expect(complaint.witnessItems[F.witnessOfficer] == [F.id(1), F.id(2)])
    }

    @Test func aHandlerCanBeAssignedByHandWithAReason() throws {
        var complaint = try Self.open("tower-hamlets", subject: F.chiefExecutive)
        #expect(complaint.handler == nil, "Tower Hamlets gives no route for a complaint about the Chief Executive")
        #expect(throws: ComplaintTransitionError.summaryRequired(action: .assignHandler)) {
            try complaint.assignHandler(F.monitoringOfficer, on: ymd("2026-11-30"), reason: " ")
        }
        #expect(throws: ComplaintTransitionError.self) {
            try complaint.assignHandler(F.chiefExecutive, on: ymd("2026-11-30"), reason: "by hand")
        }
        try complaint.assignHandler(F.monitoringOfficer, on: ymd("2026-11-30"), reason: "No route in the protocol; the complaints officer sent it to the Monitoring Officer.")
        #expect(complaint.handler == F.monitoringOfficer)
        #expect(complaint.history.last?.note == "No route in the protocol; the complaints officer sent it to the Monitoring Officer.")
        #expect(complaint.accessFacts.handlers == [F.monitoringOfficer])
    }

    @Test func aCaseSurvivesAJSONRoundTrip() throws {
        var complaint = try Self.investigated()
        try complaint.share([F.id(1)], withWitness: F.witnessOfficer, on: ymd("2026-12-03"))
        let data = try JSONEncoder().encode(complaint)
        let decoded = try JSONDecoder().decode(ComplaintCase.self, from: data)
        #expect(decoded == complaint)
    }
}
