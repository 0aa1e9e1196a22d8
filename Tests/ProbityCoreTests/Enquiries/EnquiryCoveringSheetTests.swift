import Foundation
import Testing
@testable import ProbityCore

@Suite("Covering sheet (TH 13.4)")
struct EnquiryCoveringSheetTests {
    typealias F = EnquiryFixture

    func sheet(_ profileID: String, draft: EnquiryDraft = F.draft(constituent: F.consentingConstituent),
               raisedBy: EnquiryRaisedBy = .memberServices(officerID: F.memberServicesOfficer, memberID: F.cllrAhmed)) throws -> EnquiryCoveringSheet? {
        let profile = try F.profile(profileID)
        let routing = try EnquiryRouter.route(routine: draft.isRoutine, serviceID: F.highways, memberID: F.cllrAhmed, profile: profile, org: F.org).get()
        let deadlines = EnquiryDeadlines.compute(receivedOn: CalendarDate(2026, 11, 20), profile: profile, calendar: F.calendar)
        return EnquiryCoveringSheet.make(reference: "ENQ-2026-0042", draft: draft, raisedBy: raisedBy, assistantName: "Sam Assist",
                                         routing: routing, deadlines: deadlines, profile: profile, org: F.org)
    }

    @Test func towerHamletsEnquiriesGoWithACoveringSheet() throws {
        let sheet = try #require(try sheet("tower-hamlets"))
        let lines = Dictionary(sheet.lines.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(lines["Reference"] == "ENQ-2026-0042")
        #expect(lines["Member"] == "Cllr Aisha Ahmed")
        #expect(lines["Logged by"] == "Mo Services")
        #expect(lines["Received"] == "Friday 20 November 2026")
        #expect(lines["Received by"] == "Email")
        #expect(lines["Service"] == "Highways")
        #expect(lines["Sent to"] == "Hal Road")
        #expect(lines["Type"] == "Routine enquiry")
        #expect(lines["Constituent"] == "Rita Resident")
        #expect(lines["Constituent's contact details"] == "12 Mile End Road, E1")
        #expect(lines["Response"] == "Due Fri 4 Dec 2026 — 10 working days (Tower Hamlets protocol 13.5)")
        #expect(lines["Reply routes"]?.hasPrefix("To the member, to the member with a copy") == true)
        #expect(sheet.rules.map(\.ruleId) == ["enquiries.coveringSheet", "enquiries.responseDeadline", "enquiries.acknowledgementDeadline",
                                              "enquiries.replyRoutes", "enquiries.confidentiality"])
    }

    @Test func aConstituentWhoDidNotConsentHasNoContactDetailsOnTheSheet() throws {
        let draft = F.draft(constituent: Constituent(name: "Rita Resident", contact: "rita@example.org", consentToShare: false))
        let sheet = try #require(try sheet("tower-hamlets", draft: draft, raisedBy: .assistant(assistantID: F.assistantForAhmed, memberID: F.cllrAhmed)))
        #expect(!sheet.lines.contains { $0.label == "Constituent's contact details" })
        #expect(sheet.lines.contains(EnquiryCoveringSheet.Line(label: "Consent to share", value: "No: reply through the member")))
        #expect(sheet.lines.contains(EnquiryCoveringSheet.Line(label: "Raised by", value: "Sam Assist, political group assistant, on the member's behalf")))
    }

    @Test func profilesWithoutCoveringSheetsGetNone() throws {
        #expect(try sheet("wigan") == nil)
        #expect(try sheet("london-councils") == nil)
    }
}
