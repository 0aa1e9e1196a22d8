import Foundation
import Testing
@testable import ProbityCore

@Suite("Daily digest policy")
struct DigestPolicyTests {
    @Test("Only a digest chooser's ordinary messages wait; urgent ones, consultations (LE 31) and major incidents (LE 35) never do")
    func mayWait() {
        #expect(DigestPolicy.mayWait(category: "enquiry.chase", urgent: false, preference: .dailyDigest))
        #expect(!DigestPolicy.mayWait(category: "enquiry.chase", urgent: false, preference: .immediate))
        #expect(!DigestPolicy.mayWait(category: "enquiry.chase", urgent: true, preference: .dailyDigest))
        #expect(!DigestPolicy.mayWait(category: "ward-matter.consultation", urgent: false, preference: .dailyDigest))
        #expect(!DigestPolicy.mayWait(category: "ward-matter.major-incident", urgent: false, preference: .dailyDigest))
        #expect(DigestPolicy.mayWait(category: "ward-matter.event", urgent: false, preference: .dailyDigest))
    }

    @Test("The digest is due from 08:00 London on working days only")
    func due() {
        let calendar = WorkingCalendar(region: .englandAndWales)
        #expect(!DigestPolicy.isDue(CalendarDate(iso: "2026-12-01")!.instant(hour: 7, minute: 59), calendar: calendar))
        #expect(DigestPolicy.isDue(CalendarDate(iso: "2026-12-01")!.instant(hour: 8), calendar: calendar))
        #expect(!DigestPolicy.isDue(CalendarDate(iso: "2026-12-05")!.instant(hour: 9), calendar: calendar), "a Saturday")
        #expect(!DigestPolicy.isDue(CalendarDate(iso: "2026-12-25")!.instant(hour: 9), calendar: calendar), "Christmas Day")
        #expect(DigestPolicy.cutoff(CalendarDate(iso: "2026-12-01")!.instant(hour: 15)) == CalendarDate(iso: "2026-12-01")!.instant(hour: 8))
    }
}
