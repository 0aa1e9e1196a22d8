import Foundation

/// What monitoring reads of a case (LC 13 "Monitoring complaints"; Hackney 5.17): no narrative,
/// and the complainant only for the repeated-complaints indicator.
public struct ComplaintMonitoringRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var complainant: PersonRef
    /// The rule that routed it; nil when the protocol gave no route.
    public var routeRuleId: String?
    public var kind: ComplaintKind
    public var category: ComplaintCategory
    public var outcome: ComplaintOutcome?
    public var stage: ComplaintStage
    /// Referred by the complainant for independent assessment.
    public var referred: Bool
    public var receivedOn: CalendarDate
    public var acknowledgeBy: CalendarDate
    public var acknowledgedOn: CalendarDate?
    public var closedOn: CalendarDate?

    public init(
        id: UUID, complainant: PersonRef, routeRuleId: String?, kind: ComplaintKind, category: ComplaintCategory,
        outcome: ComplaintOutcome?, stage: ComplaintStage, referred: Bool = false, receivedOn: CalendarDate,
        acknowledgeBy: CalendarDate, acknowledgedOn: CalendarDate?, closedOn: CalendarDate?
    ) {
        self.id = id
        self.complainant = complainant
        self.routeRuleId = routeRuleId
        self.kind = kind
        self.category = category
        self.outcome = outcome
        self.stage = stage
        self.referred = referred
        self.receivedOn = receivedOn
        self.acknowledgeBy = acknowledgeBy
        self.acknowledgedOn = acknowledgedOn
        self.closedOn = closedOn
    }

    /// How the acknowledgement went, as of `asOf`.
    public func acknowledgementTimeliness(asOf: CalendarDate) -> AcknowledgementTimeliness {
        if let acknowledgedOn { return acknowledgedOn <= acknowledgeBy ? .onTime : .late }
        if stage != .received { return .notAcknowledged }
        return asOf > acknowledgeBy ? .overdue : .notYetDue
    }
}

/// Whether a case's written acknowledgement met its deadline.
public enum AcknowledgementTimeliness: String, Sendable, Hashable, Codable, CaseIterable {
    case onTime = "on-time"
    case late
    /// Not yet sent, and the deadline has passed.
    case overdue
    /// Not yet sent, and still within the deadline.
    case notYetDue = "not-yet-due"
    /// Ended (withdrawn) without an acknowledgement.
    case notAcknowledged = "not-acknowledged"

    public var displayName: String {
        switch self {
        case .onTime: "on time"
        case .late: "late"
        case .overdue: "overdue and not yet sent"
        case .notYetDue: "not yet due"
        case .notAcknowledged: "withdrawn before acknowledgement"
        }
    }
}
