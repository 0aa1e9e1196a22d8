import Foundation
import Testing
@testable import ProbityCore

@Suite("Complaint intake")
struct ComplaintIntakeTests {
    typealias F = ComplaintFixture

    static func open(kind: ComplaintKind = .complaint, complainant: PersonRef, subject: PersonRef,
                     profileID: String = "london-councils") throws -> OpenedComplaint {
        let profile = try F.profile(profileID)
        return try ComplaintIntake.open(
            id: F.id(950), kind: kind, category: .conduct, complainant: complainant, subject: subject,
            receivedAt: utcInstant("2026-11-27T10:00:00Z"), profile: profile, org: F.org, calendar: F.calendar)
    }

    @Test func anOfficersComplaintAboutAMemberIsRoutedCopiedAndTold() throws {
        let opened = try Self.open(complainant: F.caseworker, subject: F.memberA)
        let complaint = opened.complaint
        #expect(complaint.handler == F.peopleDirector)
        #expect(complaint.copiedTo == [F.chiefExecutive])
        #expect(complaint.informed == [F.leaderA])
        #expect(complaint.procedure == .formal)
        #expect(complaint.receivedOn == ymd("2026-11-27"))
        #expect(complaint.acknowledgeBy == ymd("2026-12-04"))
        #expect(opened.deadline.dueOn == complaint.acknowledgeBy)
        #expect(opened.guidance.map(\.ruleId) == ["guidance.witnesses-need-to-know", "guidance.breach-by-formal-complaint"])
    }

    @Test func aMembersComplaintShowsMembersGuidance() throws {
        let opened = try Self.open(complainant: F.memberB, subject: F.highwaysOfficer)
        #expect(opened.guidance.first?.ruleId == "guidance.no-insisting-on-discipline")
    }

    @Test func aComplaintWithNoRouteIsStillRecorded() throws {
        let opened = try Self.open(complainant: F.memberB, subject: F.chiefExecutive, profileID: "tower-hamlets")
        #expect(opened.routing.unrouted != nil)
        #expect(opened.complaint.routeRuleId == nil)
        #expect(opened.complaint.handler == nil)
        #expect(opened.complaint.stage == .received)
    }

    @Test func anImproperInfluenceReportIsTrackedLikeAComplaint() throws {
        let opened = try Self.open(kind: .improperInfluence, complainant: F.caseworker, subject: F.memberA)
        #expect(opened.complaint.routeRuleId == "complaints.improperInfluence")
        #expect(opened.complaint.handler == F.peopleDirector)
        #expect(opened.complaint.informed == [F.chiefExecutive])
        #expect(opened.complaint.acknowledgeBy == ymd("2026-12-04"))
    }

    @Test func intakeRefusesWhatCannotBeAComplaint() throws {
        let profile = try F.profile("london-councils")
        func open(_ kind: ComplaintKind, _ complainant: PersonRef, _ subject: PersonRef) throws(ComplaintIntakeError) {
            _ = try ComplaintIntake.open(id: F.id(951), kind: kind, category: .other, complainant: complainant, subject: subject,
                                         receivedOn: ymd("2026-11-27"), profile: profile, org: F.org, calendar: F.calendar)
        }
        #expect(throws: ComplaintIntakeError.samePerson) { try open(.complaint, F.memberB, F.memberB) }
        #expect(throws: ComplaintIntakeError.complainantNotInDirectory) { try open(.complaint, .member(F.id(998)), F.memberB) }
        #expect(throws: ComplaintIntakeError.subjectNotInDirectory) { try open(.complaint, F.memberB, .officer(F.id(998))) }
        #expect(throws: ComplaintIntakeError.improperInfluenceReportedByMember) { try open(.improperInfluence, F.memberB, F.highwaysOfficer) }
    }
}
