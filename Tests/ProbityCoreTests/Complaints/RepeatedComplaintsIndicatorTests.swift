import Foundation
import Testing
@testable import ProbityCore

@Suite("Repeated complaints indicator")
struct RepeatedComplaintsIndicatorTests {
    typealias F = ComplaintFixture

    static func record(_ n: Int, by person: PersonRef, on date: String, kind: ComplaintKind = .complaint) -> ComplaintMonitoringRecord {
        ComplaintMonitoringRecord(
            id: F.id(n), complainant: person, routeRuleId: "complaints.routes.member-about-officer", kind: kind,
            category: .conduct, outcome: nil, stage: .received, receivedOn: ymd(date), acknowledgeBy: ymd(date),
            acknowledgedOn: nil, closedOn: nil)
    }

    @Test func windowStartsTheDayAfterTheSameDateMonthsBefore() {
        #expect(RepeatedComplaintsIndicator.windowStart(asOf: ymd("2027-03-31"), months: 12) == ymd("2026-04-01"))
        #expect(RepeatedComplaintsIndicator.windowStart(asOf: ymd("2027-03-31"), months: 1) == ymd("2027-03-01"))
        #expect(RepeatedComplaintsIndicator.windowStart(asOf: ymd("2028-02-29"), months: 12) == ymd("2027-03-01"))
        #expect(RepeatedComplaintsIndicator.windowStart(asOf: ymd("2027-01-15"), months: 3) == ymd("2026-10-16"))
    }

    @Test func wiganFlagsThreeComplaintsByOnePersonWithinTwelveMonths() throws {
        let wigan = try F.profile("wigan")
        let records = [
            Self.record(1, by: F.memberB, on: "2026-04-01"),
            Self.record(2, by: F.memberB, on: "2026-09-10"),
            Self.record(3, by: F.memberB, on: "2027-03-31"),
            Self.record(4, by: F.memberA, on: "2026-03-31"),   // outside the window
            Self.record(5, by: F.memberA, on: "2026-06-01"),
            Self.record(6, by: F.memberA, on: "2026-07-01"),
            Self.record(7, by: F.caseworker, on: "2026-06-01", kind: .improperInfluence),
            Self.record(8, by: F.caseworker, on: "2026-07-01", kind: .improperInfluence),
            Self.record(9, by: F.caseworker, on: "2026-08-01", kind: .breachOfProtocol),
        ]
        let flags = RepeatedComplaintsIndicator.flags(records: records, asOf: ymd("2027-03-31"), profile: wigan)
        #expect(flags.map(\.complainant) == [F.memberB], "improper-influence reports are never counted")
        let flag = try #require(flags.first)
        #expect(flag.count == 3)
        #expect(flag.windowStart == ymd("2026-04-01"))
        #expect(flag.message == "3 complaints from this person in the last 12 months, at or above the indicator of 3. This is an indicator only, not a finding about any complaint, and it does not limit anyone's right to complain (Wigan protocol 5.4).")
        #expect(flag.rule.ruleId == "complaints.repeatedComplaintsIndicator")

        let dayLater = RepeatedComplaintsIndicator.flags(records: records, asOf: ymd("2027-04-01"), profile: wigan)
        #expect(dayLater.isEmpty, "the first complaint has left the window")
    }

    @Test func profilesWithoutTheIndicatorFlagNobody() throws {
        let records = (1...6).map { Self.record($0, by: F.memberB, on: "2026-06-0\($0)") }
        for id in ["london-councils", "hackney", "leicestershire", "tower-hamlets"] {
            #expect(RepeatedComplaintsIndicator.flags(records: records, asOf: ymd("2026-12-31"), profile: try F.profile(id)).isEmpty, "\(id)")
        }
    }
}
