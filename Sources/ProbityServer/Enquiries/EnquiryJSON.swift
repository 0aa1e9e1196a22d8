import Foundation
import ProbityCore

/// An enquiry as the API and the pages show it to one viewer: internal notes only for those
/// the policy lets see them.
struct EnquiryJSON: Encodable {
    struct Ref: Encodable { var id: UUID; var name: String }
    struct RuleRef: Encodable { var ruleId: String; var citation: String; var statement: String }
    struct Reply: Encodable { var at: Date; var atDisplay: String; var route: String; var routeDisplay: String; var confidential: Bool; var body: String; var by: String? }
    struct Event: Encodable { var at: Date; var atDisplay: String; var what: String; var text: String? }
    struct Attachment: Encodable { var id: UUID; var filename: String; var contentType: String; var byteCount: Int }

    var id: UUID
    var reference: String
    var status: String
    var statusDisplay: String
    var subject: String
    var member: Ref
    var raisedBy: String
    var service: Ref
    var handler: Ref
    var routine: Bool
    var channel: String?
    var purpose: String?
    var wardId: UUID?
    var receivedAt: Date
    var receivedDisplay: String
    var acknowledgeBy: String?
    var dueOn: String
    var dueDisplay: String
    var dueRule: RuleRef
    var overdue: Bool
    var respondedAt: Date?
    var closedAt: Date?
    var details: String?
    var constituent: Constituent?
    var replies: [Reply]?
    var history: [Event]?
    var notes: [Event]?
    var attachments: [Attachment]?

    /// The list form: enough to find and triage an enquiry.
    init(summary record: EnquiryRecord, ctx: EnquiryContext, overdue: Bool) {
        id = record.id!
        reference = record.reference
        status = record.status
        statusDisplay = EnquiryStatus(rawValue: record.status)?.displayName ?? record.status
        subject = record.subject
        member = Ref(id: record.memberID, name: ctx.memberName(record.memberID))
        raisedBy = record.assistantID != nil ? "assistant" : (record.loggedByOfficerID != nil ? "member-services" : "member")
        service = Ref(id: record.serviceID, name: ctx.serviceName(record.serviceID))
        handler = Ref(id: record.currentHandlerID, name: ctx.officerName(record.currentHandlerID))
        routine = record.routine
        wardId = record.wardID
        receivedAt = record.receivedAt
        receivedDisplay = DisplayFormat.dateTime(record.receivedAt)
        acknowledgeBy = record.acknowledgeBy
        dueOn = record.respondBy
        let due = CalendarDate(iso: record.respondBy)
        dueDisplay = "\(overdue ? "Overdue: was due" : "Due") \(due?.displayShort ?? record.respondBy) — \(record.dueWorkingDays) working days (\(record.dueCitation))"
        dueRule = RuleRef(ruleId: record.dueRuleID, citation: record.dueCitation, statement: record.dueStatement)
        self.overdue = overdue
        respondedAt = record.respondedAt
        closedAt = record.closedAt
    }

    /// The full form for one enquiry.
    init(detail record: EnquiryRecord, state: EnquiryState, draft: EnquiryDraft, replies texts: [Int: String],
         attachments files: [EnquiryAttachmentRecord], showNotes: Bool, ctx: EnquiryContext, overdue: Bool) {
        self.init(summary: record, ctx: ctx, overdue: overdue)
        channel = draft.channel?.rawValue
        purpose = draft.purpose?.rawValue
        details = draft.details
        constituent = draft.constituent
        switch state.raisedBy {
        case .member: break
        case .assistant(let assistantID, _): raisedBy = "assistant:\(assistantID.uuidString.lowercased())"
        case .memberServices(let officerID, _): raisedBy = "member-services:\(ctx.officerName(officerID))"
        }
        replies = state.responses.enumerated().map { index, r in
            Reply(at: r.at, atDisplay: DisplayFormat.dateTime(r.at), route: r.route.rawValue, routeDisplay: r.route.displayName,
                  confidential: r.confidential, body: texts[index] ?? "", by: r.byOfficerID.map(ctx.officerName))
        }
        var events: [Event] = [Event(at: state.receivedAt, atDisplay: DisplayFormat.dateTime(state.receivedAt), what: "Received", text: nil)]
        for (i, a) in state.assignments.enumerated() where i > 0 {
            events.append(Event(at: a.at, atDisplay: DisplayFormat.dateTime(a.at), what: "Passed to \(ctx.officerName(a.officerID))", text: nil))
        }
        if let ack = state.acknowledgement {
            events.append(Event(at: ack.at, atDisplay: DisplayFormat.dateTime(ack.at), what: "Acknowledged", text: ack.explanation))
        }
        events += state.delayNotices.map { Event(at: $0.at, atDisplay: DisplayFormat.dateTime($0.at), what: "Member told of a delay", text: $0.explanation) }
        events += state.responses.map { Event(at: $0.at, atDisplay: DisplayFormat.dateTime($0.at), what: "Responded (\($0.route.displayName.lowercased()))", text: nil) }
        events += state.closings.map { Event(at: $0.at, atDisplay: DisplayFormat.dateTime($0.at), what: "Closed", text: $0.reason) }
        events += state.reopenings.map { Event(at: $0.at, atDisplay: DisplayFormat.dateTime($0.at), what: "Reopened", text: $0.reason) }
        history = events.sorted { $0.at < $1.at }
        notes = showNotes ? state.notes.map { Event(at: $0.at, atDisplay: DisplayFormat.dateTime($0.at), what: ctx.officerName($0.authorID), text: $0.text) } : nil
        attachments = files.map { Attachment(id: $0.id!, filename: $0.filename, contentType: $0.contentType, byteCount: $0.byteCount) }
    }
}

extension ReplyRoute {
    var displayName: String {
        switch self {
        case .toMember: "To the member"
        case .toMemberForOnwardPosting: "To the member, with a copy for them to send on"
        case .directToConstituent: "Direct to the constituent, copied to the member"
        }
    }
}
