import Fluent
import Foundation
import ProbityCore

/// One complaint, breach-of-protocol report or improper-influence report. The core's
/// `ComplaintCase` is stored whole as JSON in `state`; the columns beside it repeat what lists,
/// reports and the chasing job filter on, and are rewritten from the case on every change. The
/// narrative the core refers to by id (the complaint as written, the allegation as disclosed) is
/// held here; investigation items are in `complaint_items`.
final class ComplaintRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// `CMP-2026-0001`: the year received and a number counting from 1 each year, per authority.
    @Field(key: "reference") var reference: String
    @Field(key: "reference_year") var referenceYear: Int
    @Field(key: "reference_number") var referenceNumber: Int
    /// `ComplaintKind`, `ComplaintCategory` and `ComplaintStage` raw values.
    @Field(key: "kind") var kind: String
    @Field(key: "category") var category: String
    @Field(key: "stage") var stage: String
    /// The rule that routed it (`complaints.routes.member-about-officer`); nil when unrouted.
    @OptionalField(key: "route_rule_id") var routeRuleID: String?
    @OptionalField(key: "procedure") var procedure: String?
    /// `member` or `officer`, and the directory id.
    @Field(key: "complainant_kind") var complainantKind: String
    @Field(key: "complainant_id") var complainantID: UUID
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectID: UUID
    @OptionalField(key: "handler_kind") var handlerKind: String?
    @OptionalField(key: "handler_id") var handlerID: UUID?
    @Field(key: "received_at") var receivedAt: Date
    /// London dates, `YYYY-MM-DD`.
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "acknowledge_by") var acknowledgeBy: String
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "acknowledged_on") var acknowledgedOn: String?
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "referred") var referred: Bool
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "updated_at") var updatedAt: Date
    /// What happened, as the complainant wrote it.
    @Field(key: "details") var details: String
    /// The dates it happened, `YYYY-MM-DD` separated by commas; empty when not given.
    @Field(key: "incident_dates") var incidentDates: String
    /// The allegation as the investigator disclosed it to the person complained about.
    @OptionalField(key: "disclosed_allegation") var disclosedAllegation: String?
    /// JSON `ComplaintRoutingRecord`: the rules that acted at intake, with their citations.
    @Field(key: "routing") var routing: String
    /// JSON `ComplaintCase`.
    @Field(key: "state") var state: String

    init() {}

    func complaintCase() throws -> ComplaintCase {
        try ComplaintJSON.decode(ComplaintCase.self, from: state)
    }

    func routingRecord() throws -> ComplaintRoutingRecord {
        try ComplaintJSON.decode(ComplaintRoutingRecord.self, from: routing)
    }

    /// Stores `complaint` and rewrites the columns that repeat it.
    func store(_ complaint: ComplaintCase, at now: Date) throws {
        state = try ComplaintJSON.string(complaint)
        kind = complaint.kind.rawValue
        category = complaint.category.rawValue
        if $stage.value != complaint.stage.rawValue, complaint.stage == .closed { closedAt = now }
        if acknowledgedOn == nil, complaint.acknowledgedOn != nil { acknowledgedAt = now }
        stage = complaint.stage.rawValue
        routeRuleID = complaint.routeRuleId
        procedure = complaint.procedure?.rawValue
        (complainantKind, complainantID) = NotificationCenter.split(complaint.complainant)
        (subjectKind, subjectID) = NotificationCenter.split(complaint.subject)
        if let handler = complaint.handler {
            let (kind, id) = NotificationCenter.split(handler)
            handlerKind = kind
            handlerID = id
        } else {
            handlerKind = nil
            handlerID = nil
        }
        receivedOn = complaint.receivedOn.iso
        acknowledgeBy = complaint.acknowledgeBy.iso
        acknowledgedOn = complaint.acknowledgedOn?.iso
        outcome = complaint.outcome?.rawValue
        referred = complaint.referral != nil
        closedOn = complaint.closedOn?.iso
        updatedAt = now
    }

    var incidentDateList: [CalendarDate] {
        incidentDates.split(separator: ",").compactMap { CalendarDate(iso: String($0)) }
    }
}

/// What the rules decided when the complaint came in, kept with their citations so the case
/// always shows the rule that acted, even if the authority overrides it later.
struct ComplaintRoutingRecord: Codable, Sendable, Hashable {
    struct LadderStep: Codable, Sendable, Hashable {
        /// "subject line manager".
        var role: String
        var people: [PersonRef]
    }

    /// The rule that routed it; nil when the protocol gives no route.
    var rule: RuleReference?
    /// "subject director": the role the handler was found by.
    var handledBy: String?
    var statutoryInstrument: String?
    /// How a fallback was chosen, and recipients nobody could be found for.
    var notes: [String]
    /// Why there is no route, naming the protocol's silence.
    var unroutedReason: String?
    var unroutedRules: [RuleReference]
    /// The acknowledgement deadline's rule and length.
    var deadlineRule: RuleReference
    var deadlineWorkingDays: Int
    var ladderRule: RuleReference?
    var ladder: [LadderStep]

    init(opened: OpenedComplaint) {
        let routed = opened.routing.routed
        rule = routed?.rule
        handledBy = routed?.handler?.recipient.displayName
        statutoryInstrument = routed?.statutoryInstrument
        notes = routed?.notes ?? []
        unroutedReason = opened.routing.unrouted?.reason
        unroutedRules = opened.routing.unrouted?.rules ?? []
        deadlineRule = opened.deadline.rule
        deadlineWorkingDays = opened.deadline.workingDays
        ladderRule = routed?.ladderRule
        ladder = (routed?.ladder ?? []).map { LadderStep(role: $0.recipient.displayName, people: $0.people) }
    }

    func deadline(for complaint: ComplaintCase) -> ComplaintDeadline {
        ComplaintDeadline(receivedOn: complaint.receivedOn, dueOn: complaint.acknowledgeBy,
                          workingDays: deadlineWorkingDays, rule: deadlineRule)
    }
}

enum ComplaintJSON {
    static var decoder: JSONDecoder { JSONDecoder() }

    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }
}
