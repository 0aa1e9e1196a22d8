import Foundation
import Testing
@testable import ProbityCore

@Suite("Enquiry state machine")
struct EnquiryStateTests {
    typealias F = EnquiryFixture
    static let t0 = F.noon(CalendarDate(2026, 11, 2))
    static func later(_ hours: Double) -> Date { t0.addingTimeInterval(hours * 3600) }

    func apply(_ actions: [EnquiryAction], to state: EnquiryState, profile: String = "tower-hamlets") throws -> EnquiryState {
        let profile = try F.profile(profile)
        var state = state
        for (index, action) in actions.enumerated() {
            try state.apply(action, at: Self.later(Double(index + 1)), profile: profile, org: F.org)
        }
        return state
    }

    func error(_ action: EnquiryAction, on state: EnquiryState, profile: String = "tower-hamlets") throws -> EnquiryActionError? {
        do {
            _ = try state.applying(action, at: Self.later(100), profile: try F.profile(profile), org: F.org)
            return nil
        } catch let error as EnquiryActionError {
            return error
        }
    }

    @Test func anEnquiryGoesFromReceivedToClosedAndBackAgain() throws {
        var state = F.state()
        #expect(state.status == .received)
        state = try apply([
            .acknowledge(explanation: nil),
            .respond(route: .toMember, confidential: false, byOfficerID: F.highwaysOfficer),
            .close(reason: "Answered"),
        ], to: state)
        #expect(state.status == .closed)
        #expect(state.responses.map(\.route) == [.toMember])
        #expect(state.closings.map(\.reason) == ["Answered"])
        #expect(state.cycle == 0)
        #expect(state.clockStartedAt == Self.t0)

        let reopened = try state.applying(.reopen(reason: "  The pothole is back  "), at: Self.later(48), profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(reopened.status == .reopened)
        #expect(reopened.reopenings.map(\.reason) == ["The pothole is back"])
        #expect(reopened.cycle == 1)
        #expect(reopened.clockStartedAt == Self.later(48))
        #expect(reopened.status.awaitsResponse)
    }

    @Test func aResponseCanGoStraightFromReceived() throws {
        let state = try apply([.respond(route: .toMember, confidential: true, byOfficerID: nil)], to: F.state())
        #expect(state.status == .responded)
        #expect(state.lastResponse?.confidential == true)
    }

    @Test func aClosedEnquiryCannotBeWorkedOnUntilReopened() throws {
        let closed = try apply([.close(reason: "Withdrawn by the member")], to: F.state())
        let respond = try #require(try error(.respond(route: .toMember, confidential: false, byOfficerID: nil), on: closed))
        #expect(respond.code == .closed)
        #expect(respond.message == "You cannot respond to a closed enquiry. Reopen it first.")
        #expect(try error(.acknowledge(explanation: nil), on: closed)?.message == "You cannot acknowledge a closed enquiry. Reopen it first.")
        #expect(try error(.assign(officerID: F.highwaysColleague), on: closed)?.code == .closed)
        #expect(try error(.notifyDelay(explanation: "Waiting for a contractor"), on: closed)?.code == .closed)
        #expect(try error(.close(reason: "Again"), on: closed)?.message == "This enquiry is already closed.")
        #expect(try error(.addNote(text: "Filed", authorID: F.highwaysOfficer), on: closed) == nil, "notes may still be added")
    }

    @Test func acknowledgingAndRespondingHappenOnce() throws {
        let acknowledged = try apply([.acknowledge(explanation: nil)], to: F.state())
        #expect(try error(.acknowledge(explanation: nil), on: acknowledged)?.code == .alreadyAcknowledged)
        let responded = try apply([.respond(route: .toMember, confidential: false, byOfficerID: nil)], to: acknowledged)
        let again = try #require(try error(.respond(route: .toMember, confidential: false, byOfficerID: nil), on: responded))
        #expect(again.code == .alreadyResponded)
        #expect(again.message == "This enquiry has already been answered. Reopen it to send a further response.")
        #expect(try error(.acknowledge(explanation: nil), on: responded)?.code == .alreadyResponded)
        #expect(try error(.notifyDelay(explanation: "x"), on: responded)?.code == .alreadyResponded)
    }

    @Test func closingAndReopeningNeedReasons() throws {
        let close = try #require(try error(.close(reason: "   "), on: F.state()))
        #expect(close.code == .invalidField)
        #expect(close.field == "reason")
        #expect(close.message == "Enter a reason for closing the enquiry")
        #expect(try error(.close(reason: String(repeating: "r", count: 2_001)), on: F.state())?.message == "Reason must be 2,000 characters or fewer")

        let closed = try apply([.close(reason: "Done")], to: F.state())
        let reopen = try #require(try error(.reopen(reason: ""), on: closed))
        #expect(reopen.message == "Enter a reason for reopening the enquiry")
        #expect(reopen.field == "reason")
    }

    @Test func anOpenEnquiryCannotBeReopened() throws {
        let open = try #require(try error(.reopen(reason: "Why not"), on: F.state()))
        #expect(open.code == .stillOpen)
        let reopened = try apply([.close(reason: "Done"), .reopen(reason: "Not done")], to: F.state())
        #expect(try error(.reopen(reason: "Again"), on: reopened)?.code == .stillOpen)
    }

    @Test func aRespondedEnquiryCanBeReopenedForAFurtherResponse() throws {
        let state = try apply([
            .respond(route: .toMember, confidential: false, byOfficerID: nil),
            .reopen(reason: "The answer missed the second question"),
            .respond(route: .toMember, confidential: false, byOfficerID: nil),
        ], to: F.state())
        #expect(state.responses.count == 2)
        #expect(state.status == .responded)
    }

    // MARK: Reply routes (TH 13.4)

    @Test func aConfidentialReplyNeverGoesDirectToTheConstituentInTowerHamlets() throws {
        let state = F.state(constituent: F.consentingConstituent)
        let direct = try #require(try error(.respond(route: .directToConstituent, confidential: true, byOfficerID: nil), on: state))
        #expect(direct.code == .confidentialReplyToMemberOnly)
        #expect(direct.message == "A confidential or restricted reply cannot go direct to the constituent. Send it to the member.")
        #expect(direct.rule?.ruleId == "enquiries.replyRoutes")
        #expect(direct.rule?.citation == "Tower Hamlets protocol 13.4")
        #expect(direct.description.hasSuffix("(Tower Hamlets protocol 13.4)"))

        let onward = try #require(try error(.respond(route: .toMemberForOnwardPosting, confidential: true, byOfficerID: nil), on: state))
        #expect(onward.code == .confidentialReplyToMemberOnly)
        #expect(try error(.respond(route: .toMember, confidential: true, byOfficerID: nil), on: state) == nil)
        #expect(try error(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), on: state) == nil)
    }

    @Test func profilesThatDoNotRestrictReplyRoutesLeaveThemOpen() throws {
        let state = F.state(constituent: F.consentingConstituent)
        #expect(try error(.respond(route: .directToConstituent, confidential: true, byOfficerID: nil), on: state, profile: "london-councils") == nil)
    }

    @Test func aDirectReplyNeedsAConstituentWhoConsentedAndCanBeReached() throws {
        let none = try #require(try error(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), on: F.state()))
        #expect(none.code == .constituentNeeded)
        #expect(none.message == "There is no constituent on this enquiry. Send the reply to the member.")

        let noConsent = F.state(constituent: Constituent(name: "Rita Resident", contact: "rita@example.org", consentToShare: false))
        let refused = try #require(try error(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), on: noConsent))
        #expect(refused.code == .constituentNeeded)
        #expect(refused.message == "The constituent has not agreed to officers writing to them direct. Send the reply to the member.")
        #expect(try error(.respond(route: .toMemberForOnwardPosting, confidential: false, byOfficerID: nil), on: noConsent) == nil,
                "the member posts it on: no consent to officers writing direct is needed")

        let noContact = F.state(constituent: Constituent(name: "Rita Resident", contact: " ", consentToShare: true))
        #expect(try error(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), on: noContact)?.message
            == "There are no contact details for the constituent. Send the reply to the member.")
        #expect(try error(.respond(route: .toMemberForOnwardPosting, confidential: false, byOfficerID: nil), on: F.state())?.code == .constituentNeeded)
    }

    @Test func aRouteTheProfileDoesNotAllowIsRefused() throws {
        var profile = try F.profile("tower-hamlets")
        profile.enquiries.replyRoutes.parameters.allowed = [.toMember, .toMemberForOnwardPosting]
        let state = F.state(constituent: F.consentingConstituent)
        #expect(throws: EnquiryActionError.self) {
            try state.applying(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), at: Self.t0, profile: profile, org: F.org)
        }
        do {
            _ = try state.applying(.respond(route: .directToConstituent, confidential: false, byOfficerID: nil), at: Self.t0, profile: profile, org: F.org)
        } catch {
            #expect(error.code == .replyRouteNotAllowed)
            #expect(error.message == "The protocol does not allow this reply route. Send the reply to the member or to the member with a copy to post on to the constituent.")
            #expect(error.rule?.citation == "Tower Hamlets protocol 13.4")
        }
    }

    // MARK: Assignment, notes, delay notices

    @Test func reassigningKeepsEveryHandlerOnRecord() throws {
        let state = try apply([.assign(officerID: F.highwaysColleague), .assign(officerID: F.liaisonHighways)], to: F.state())
        #expect(state.handlingOfficerID == F.liaisonHighways)
        #expect(state.handlingOfficerIDs == [F.highwaysOfficer, F.highwaysColleague, F.liaisonHighways])
        #expect(state.accessFacts.handlingOfficerIDs == [F.highwaysOfficer, F.highwaysColleague, F.liaisonHighways])
        #expect(state.accessFacts.currentHandlerID == F.liaisonHighways)

        let back = try apply([.assign(officerID: F.highwaysOfficer)], to: state)
        #expect(back.handlingOfficerIDs == [F.highwaysColleague, F.liaisonHighways, F.highwaysOfficer])
    }

    @Test func assignmentOutsideTheServiceOrToTheSameOfficerIsRefused() throws {
        let outside = try #require(try error(.assign(officerID: F.parksOfficer), on: F.state()))
        #expect(outside.code == .officerNotInService)
        #expect(outside.message == "Rowan Tree does not work in Highways. Assign the enquiry to an officer of the service.")
        #expect(outside.rule?.ruleId == "enquiries.routing")
        let same = try #require(try error(.assign(officerID: F.highwaysOfficer), on: F.state()))
        #expect(same.code == .alreadyAssigned)
        #expect(same.message == "Olu Tarmac is already handling this enquiry.")
    }

    @Test func notesNeedText() throws {
        let empty = try #require(try error(.addNote(text: "\n", authorID: F.highwaysOfficer), on: F.state()))
        #expect(empty.message == "Enter a note")
        #expect(empty.field == "note")
        let state = try apply([.addNote(text: "Called the contractor", authorID: F.highwaysOfficer)], to: F.state())
        #expect(state.notes.map(\.text) == ["Called the contractor"])
        #expect(state.status == .received, "a note does not move the enquiry on")
    }

    @Test func explanatoryAcknowledgementsAndDelayNoticesAreRecorded() throws {
        let state = try apply([.acknowledge(explanation: "We are waiting for a survey; expect a reply by 20 November.")], to: F.state())
        #expect(state.explainedAt == Self.later(1))
        let plain = try apply([.acknowledge(explanation: "  ")], to: F.state())
        #expect(plain.acknowledgement?.explanation == nil)
        #expect(plain.explainedAt == nil)
        let noticed = try apply([.notifyDelay(explanation: "Survey delayed by weather")], to: plain)
        #expect(noticed.explainedAt == Self.later(1))
        #expect(try error(.notifyDelay(explanation: ""), on: plain)?.message == "Enter what is causing the delay")
    }

    // MARK: Chasing, idempotently

    @Test func eachChaseStepIsRecordedOncePerResponsePeriod() throws {
        let chased = try apply([.chase(step: 0)], to: F.state(), profile: "wigan")
        #expect(chased.chaseStepsSent == [0])
        let twice = try #require(try error(.chase(step: 0), on: chased, profile: "wigan"))
        #expect(twice.code == .chaseAlreadySent)
        #expect(twice.message == "Step 1 of the chasing ladder has already been sent for this enquiry.")
        #expect(try error(.chase(step: 1), on: chased, profile: "wigan") == nil)
        #expect(try error(.chase(step: 1), on: chased, profile: "tower-hamlets")?.code == .unknownChaseStep, "Tower Hamlets has a one-step ladder")

        let responded = try apply([.respond(route: .toMember, confidential: false, byOfficerID: nil)], to: chased, profile: "wigan")
        #expect(try error(.chase(step: 1), on: responded, profile: "wigan")?.code == .notAwaitingResponse)
        let reopened = try apply([.reopen(reason: "Incomplete")], to: responded, profile: "wigan")
        #expect(reopened.chaseStepsSent.isEmpty, "a new response period has its own ladder")
        #expect(try error(.chase(step: 0), on: reopened, profile: "wigan") == nil)
    }

    @Test func aStateSurvivesAJSONRoundTrip() throws {
        let state = try apply([
            .assign(officerID: F.highwaysColleague), .acknowledge(explanation: "Survey booked"),
            .addNote(text: "Survey on Tuesday", authorID: F.highwaysColleague), .chase(step: 0),
        ], to: F.state(constituent: F.consentingConstituent))
        let decoded = try JSONDecoder().decode(EnquiryState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
        let action = EnquiryAction.respond(route: .directToConstituent, confidential: false, byOfficerID: F.highwaysOfficer)
        #expect(try JSONDecoder().decode(EnquiryAction.self, from: JSONEncoder().encode(action)) == action)
    }

    @Test func registeringFromADraftUsesTheRouting() throws {
        let profile = try F.profile("tower-hamlets")
        let draft = F.draft(constituent: F.consentingConstituent)
        let routing = try EnquiryRouter.route(routine: draft.isRoutine, serviceID: F.highways, memberID: F.cllrAhmed, profile: profile, org: F.org).get()
        let raisedBy = EnquiryRaisedBy.assistant(assistantID: F.assistantForAhmed, memberID: F.cllrAhmed)
        let state = EnquiryState.registered(draft, raisedBy: raisedBy, serviceID: F.highways, routing: routing, receivedAt: Self.t0)
        #expect(state.handlingOfficerID == F.headOfHighways)
        #expect(state.memberID == F.cllrAhmed)
        #expect(state.constituent == F.consentingConstituent)
        #expect(state.accessFacts.raisedByAssistantID == F.assistantForAhmed)
        #expect(state.parties[.officer] == .officer(F.headOfHighways))
        #expect(state.parties[.service] == .service(F.highways))
    }
}
