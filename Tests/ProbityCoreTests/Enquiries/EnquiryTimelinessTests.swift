import Foundation
import Testing
@testable import ProbityCore

@Suite("Timeliness by service, member and party group")
struct EnquiryTimelinessTests {
    typealias F = EnquiryFixture
    static let today = CalendarDate(2026, 12, 1)

    static func record(_ service: UUID, _ member: UUID, received: CalendarDate, respondBy: CalendarDate,
                       responded: CalendarDate? = nil, closed: Bool = false, explained: CalendarDate? = nil) -> EnquiryTimelinessRecord {
        EnquiryTimelinessRecord(serviceID: service, memberID: member, groupID: F.org.members[member]?.groupID,
                                receivedOn: received, respondBy: respondBy, respondedOn: responded,
                                closedUnanswered: closed, explainedOn: explained)
    }

    static let records: [EnquiryTimelinessRecord] = [
        // Highways: on time (4 working days), late (12), open overdue (explained in time), open in time.
        record(F.highways, F.cllrAhmed, received: CalendarDate(2026, 11, 2), respondBy: CalendarDate(2026, 11, 16), responded: CalendarDate(2026, 11, 6)),
        record(F.highways, F.cllrCarter, received: CalendarDate(2026, 11, 2), respondBy: CalendarDate(2026, 11, 16), responded: CalendarDate(2026, 11, 18)),
        record(F.highways, F.cllrAhmed, received: CalendarDate(2026, 11, 3), respondBy: CalendarDate(2026, 11, 17), explained: CalendarDate(2026, 11, 10)),
        record(F.highways, F.cllrFoster, received: CalendarDate(2026, 11, 30), respondBy: CalendarDate(2026, 12, 14)),
        // Parks: on time (10 working days), closed unanswered.
        record(F.parks, F.cllrBrown, received: CalendarDate(2026, 11, 2), respondBy: CalendarDate(2026, 11, 16), responded: CalendarDate(2026, 11, 16)),
        record(F.parks, F.cllrCarter, received: CalendarDate(2026, 11, 2), respondBy: CalendarDate(2026, 11, 16), closed: true),
    ]

    func report() -> EnquiryTimelinessReport {
        EnquiryTimeliness.report(Self.records, today: Self.today, calendar: F.calendar, org: F.org)
    }

    @Test func overallTotalsAddUp() {
        let overall = report().overall
        #expect(overall.name == "All enquiries")
        #expect(overall.total == 6)
        #expect(overall.answeredOnTime == 2)
        #expect(overall.answeredLate == 1)
        #expect(overall.openOverdue == 1)
        #expect(overall.openInTime == 1)
        #expect(overall.closedUnanswered == 1)
        #expect(overall.lateButExplainedInTime == 1)
        #expect(overall.medianWorkingDaysToRespond == 10)  // 4, 10, 12
        #expect(overall.onTimeRate == 0.5)
    }

    @Test func rowsByServiceAreSortedByName() throws {
        let rows = report().byService
        #expect(rows.map(\.name) == ["Highways", "Parks"])
        let highways = try #require(rows.first)
        #expect(highways.id == F.highways)
        #expect((highways.total, highways.answeredOnTime, highways.answeredLate, highways.openOverdue, highways.openInTime) == (4, 1, 1, 1, 1))
        #expect(highways.medianWorkingDaysToRespond == 8)  // 4 and 12
        let parks = rows[1]
        #expect((parks.total, parks.answeredOnTime, parks.closedUnanswered) == (2, 1, 1))
        #expect(parks.medianWorkingDaysToRespond == 10)
    }

    @Test func rowsByMember() {
        let rows = report().byMember
        #expect(rows.map(\.name) == ["Cllr Aisha Ahmed", "Cllr Ben Brown", "Cllr Cara Carter", "Cllr Fay Foster"])
        #expect(rows.map(\.total) == [2, 1, 2, 1])
        #expect(rows[2].answeredLate == 1)
        #expect(rows[2].closedUnanswered == 1)
    }

    @Test func rowsByGroupIncludeMembersInNoGroup() {
        let rows = report().byGroup
        #expect(rows.map(\.name) == ["Conservative Group", "Labour Group", "No group"])
        #expect(rows.map(\.total) == [2, 3, 1])
        #expect(rows.last?.id == nil)
    }

    @Test func anEmptyReportHasNoRates() {
        let empty = EnquiryTimeliness.report([], today: Self.today, calendar: F.calendar, org: F.org)
        #expect(empty.overall.total == 0)
        #expect(empty.overall.onTimeRate == nil)
        #expect(empty.overall.medianWorkingDaysToRespond == nil)
        #expect(empty.byService.isEmpty)
    }
}
