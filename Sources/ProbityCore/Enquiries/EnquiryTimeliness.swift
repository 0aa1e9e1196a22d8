import Foundation

/// One enquiry's response period, as the timeliness report needs it. A reopened enquiry gives
/// one record per response period.
public struct EnquiryTimelinessRecord: Sendable, Hashable {
    public var serviceID: UUID
    public var memberID: UUID
    /// The member's party group when the enquiry was raised; nil for members in no group.
    public var groupID: UUID?
    public var receivedOn: CalendarDate
    public var respondBy: CalendarDate
    public var respondedOn: CalendarDate?
    /// Closed without a response (withdrawn, say): neither answered nor overdue.
    public var closedUnanswered: Bool
    /// When the member was told what is happening (explanatory acknowledgement or delay notice, Wigan 6.2).
    public var explainedOn: CalendarDate?

    public init(serviceID: UUID, memberID: UUID, groupID: UUID?, receivedOn: CalendarDate, respondBy: CalendarDate,
                respondedOn: CalendarDate? = nil, closedUnanswered: Bool = false, explainedOn: CalendarDate? = nil) {
        self.serviceID = serviceID
        self.memberID = memberID
        self.groupID = groupID
        self.receivedOn = receivedOn
        self.respondBy = respondBy
        self.respondedOn = respondedOn
        self.closedUnanswered = closedUnanswered
        self.explainedOn = explainedOn
    }
}

/// Totals for one service, member or group (or everything).
public struct EnquiryTimelinessRow: Sendable, Hashable {
    /// The service, member or group; nil for "no group" and for the overall row.
    public var id: UUID?
    public var name: String
    public var total: Int = 0
    public var answeredOnTime: Int = 0
    public var answeredLate: Int = 0
    /// Not answered and past the due date.
    public var openOverdue: Int = 0
    /// Not answered and not yet due.
    public var openInTime: Int = 0
    public var closedUnanswered: Int = 0
    /// Late or overdue, but the member was told what was happening by the due date (Wigan 6.2).
    public var lateButExplainedInTime: Int = 0
    /// Median working days from receipt to response, over answered enquiries.
    public var medianWorkingDaysToRespond: Double?

    /// Answered on time, as a share of those answered or overdue (nil when none are).
    public var onTimeRate: Double? {
        let measured = answeredOnTime + answeredLate + openOverdue
        return measured == 0 ? nil : Double(answeredOnTime) / Double(measured)
    }
}

public struct EnquiryTimelinessReport: Sendable, Hashable {
    public var overall: EnquiryTimelinessRow
    public var byService: [EnquiryTimelinessRow]
    public var byMember: [EnquiryTimelinessRow]
    public var byGroup: [EnquiryTimelinessRow]
}

/// Timeliness of responses by service, member and party group, for chief officers
/// (`EnquiryPolicy.canViewTimeliness`). Pure aggregation: rows sorted by name.
public enum EnquiryTimeliness {
    public static func report(_ records: [EnquiryTimelinessRecord], today: CalendarDate, calendar: WorkingCalendar,
                              org: OrgSnapshot) -> EnquiryTimelinessReport {
        EnquiryTimelinessReport(
            overall: row(id: nil, name: "All enquiries", records: records, today: today, calendar: calendar),
            byService: rows(records, key: { $0.serviceID }, name: { id in id.flatMap { org.services[$0]?.name } ?? "Service not in the directory" },
                            today: today, calendar: calendar),
            byMember: rows(records, key: { $0.memberID }, name: { id in id.flatMap { org.members[$0]?.name.withCouncillorTitle } ?? "Member not in the directory" },
                           today: today, calendar: calendar),
            byGroup: rows(records, key: { $0.groupID }, name: { id in id.map { org.groups[$0]?.name ?? "Group not in the directory" } ?? "No group" },
                          today: today, calendar: calendar)
        )
    }

    static func rows(_ records: [EnquiryTimelinessRecord], key: (EnquiryTimelinessRecord) -> UUID?,
                     name: (UUID?) -> String, today: CalendarDate, calendar: WorkingCalendar) -> [EnquiryTimelinessRow] {
        Dictionary(grouping: records, by: key)
            .map { id, group in row(id: id, name: name(id), records: group, today: today, calendar: calendar) }
            .sorted { ($0.name, $0.id?.uuidString ?? "") < ($1.name, $1.id?.uuidString ?? "") }
    }

    static func row(id: UUID?, name: String, records: [EnquiryTimelinessRecord], today: CalendarDate,
                    calendar: WorkingCalendar) -> EnquiryTimelinessRow {
        var row = EnquiryTimelinessRow(id: id, name: name)
        var days: [Double] = []
        for record in records {
            row.total += 1
            let explainedInTime = record.explainedOn.map { $0 <= record.respondBy } ?? false
            if let responded = record.respondedOn {
                days.append(Double(calendar.workingDays(from: record.receivedOn, to: responded)))
                if responded <= record.respondBy {
                    row.answeredOnTime += 1
                } else {
                    row.answeredLate += 1
                    if explainedInTime { row.lateButExplainedInTime += 1 }
                }
            } else if record.closedUnanswered {
                row.closedUnanswered += 1
            } else if today > record.respondBy {
                row.openOverdue += 1
                if explainedInTime { row.lateButExplainedInTime += 1 }
            } else {
                row.openInTime += 1
            }
        }
        row.medianWorkingDaysToRespond = days.isEmpty ? nil : EnquiryVolume.median(days)
        return row
    }
}
