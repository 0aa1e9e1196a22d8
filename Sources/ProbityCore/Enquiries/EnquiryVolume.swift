import Foundation

/// A member whose number of enquiries is far above the norm (Wigan 6.5). Information to help
/// plan casework, never a finding about the member; seen by chief officers only
/// (`EnquiryPolicy.canViewVolumeIndicator`).
public struct EnquiryVolumeFlag: Sendable, Hashable {
    public var memberID: UUID
    public var memberName: String
    public var count: Int
    public var median: Double
    public var multipleOfMedian: Double
    /// "Cllr Jane Smith raised 41 enquiries in the last 12 months; the median is 9. This is
    /// information to help plan casework, not a finding about the member."
    public var message: String
}

/// The indicator over one window: the median it used and the members above the threshold.
public struct EnquiryVolumeAssessment: Sendable, Hashable {
    /// `enquiries.volumeIndicator`, e.g. "Wigan protocol 6.5".
    public var rule: RuleReference
    public var inForce: Bool
    public var windowMonths: Int
    /// Members with at least one enquiry in the window: the population the median is taken over.
    public var membersCounted: Int
    /// Nil when the indicator was not computed (see `note`).
    public var median: Double?
    /// Flagged members, most enquiries first.
    public var flags: [EnquiryVolumeFlag]
    /// Why nothing was computed, when nothing was.
    public var note: String?
}

/// Decisions, documented: the median is taken over members who raised at least one enquiry in
/// the window (members who raise none, such as some Cabinet members who work through other
/// routes, would drag the median to zero and flag everyone else); no member is flagged unless
/// at least `minimumMembers` members raised enquiries, since a median of a handful says
/// nothing about a norm; a member is flagged only when their count is strictly above
/// `multipleOfMedian` × median.
public enum EnquiryVolume {
    public static let minimumMembers = 5

    /// `counts`: enquiries per member over the profile's window (`windowStart`). Names come from
    /// the directory.
    public static func assess(counts: [UUID: Int], profile: ProtocolProfile, org: OrgSnapshot) -> EnquiryVolumeAssessment {
        let rule = profile.enquiries.volumeIndicator
        let parameters = rule.parameters
        let active = counts.filter { $0.value > 0 }
        var assessment = EnquiryVolumeAssessment(
            rule: rule.reference(in: profile.document), inForce: rule.inForce, windowMonths: parameters.windowMonths,
            membersCounted: active.count, median: nil, flags: [], note: nil
        )
        guard rule.inForce else {
            assessment.note = "The high-volume indicator is not in force for this protocol."
            return assessment
        }
        guard active.count >= minimumMembers else {
            assessment.note = "Fewer than \(minimumMembers) members raised enquiries in the last \(months(parameters.windowMonths)), too few to compare anyone with the norm."
            return assessment
        }
        let median = Self.median(active.values.map(Double.init))
        assessment.median = median
        let threshold = parameters.multipleOfMedian * median
        assessment.flags = active.filter { Double($0.value) > threshold }
            .map { id, count in
                let name = (org.members[id]?.name ?? "A member").withCouncillorTitle
                return EnquiryVolumeFlag(
                    memberID: id, memberName: name, count: count, median: median, multipleOfMedian: parameters.multipleOfMedian,
                    message: "\(name) raised \(count) enquiries in the last \(months(parameters.windowMonths)); the median is \(format(median)). This is information to help plan casework, not a finding about the member."
                )
            }
            .sorted { ($0.count, $1.memberName) > ($1.count, $0.memberName) }
        return assessment
    }

    /// The first day of the window ending `today`: the same day `months` months earlier (the
    /// month's last day where that month is shorter).
    public static func windowStart(today: CalendarDate, months: Int) -> CalendarDate {
        let total = today.year * 12 + (today.month - 1) - max(0, months)
        let year = total / 12
        let month = total % 12 + 1
        let day = min(today.day, CalendarDate.daysInMonth(year: year, month: month))
        return CalendarDate(year: year, month: month, day: day) ?? today
    }

    /// The median of `values` (mean of the middle two for an even count); 0 for none.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// "9", "9.5".
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func months(_ count: Int) -> String { count == 1 ? "month" : "\(count) months" }
}
