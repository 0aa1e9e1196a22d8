import Fluent
import Foundation
import ProbityCore

/// A member's enquiry as stored: the core's `EnquiryState` (the whole history) as JSON, the
/// intake draft, and the columns lists, filters and the chasing job query on.
final class EnquiryRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "enquiries"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// `ENQ-2026-00042`, unique within the authority.
    @Field(key: "reference") var reference: String
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "assistant_id") var assistantID: UUID?
    @OptionalField(key: "logged_by_officer_id") var loggedByOfficerID: UUID?
    @Field(key: "service_id") var serviceID: UUID
    @OptionalField(key: "ward_id") var wardID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "status") var status: String
    @Field(key: "routine") var routine: Bool
    @Field(key: "current_handler_id") var currentHandlerID: UUID
    @Field(key: "received_at") var receivedAt: Date
    /// London dates, `YYYY-MM-DD`, for this response cycle.
    @OptionalField(key: "acknowledge_by") var acknowledgeBy: String?
    @Field(key: "respond_by") var respondBy: String
    /// The rule that set `respond_by`, with its citation, as it stood when it acted.
    @Field(key: "due_rule_id") var dueRuleID: String
    @Field(key: "due_citation") var dueCitation: String
    @Field(key: "due_statement") var dueStatement: String
    @Field(key: "due_working_days") var dueWorkingDays: Int
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// The intake form as submitted (`EnquiryDraft`).
    @Field(key: "draft") var draftJSON: String
    /// Everything that has happened (`EnquiryState`).
    @Field(key: "state") var stateJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var draft: EnquiryDraft {
        get throws { try StoredJSON.decode(EnquiryDraft.self, from: draftJSON) }
    }

    var state: EnquiryState {
        get throws { try StoredJSON.decode(EnquiryState.self, from: stateJSON) }
    }

    func store(_ state: EnquiryState, at now: Date) throws {
        stateJSON = try StoredJSON.text(state)
        status = state.status.rawValue
        currentHandlerID = state.handlingOfficerID ?? currentHandlerID
        respondedAt = state.status == .responded ? (state.lastResponse?.at ?? now) : nil
        closedAt = state.status == .closed ? now : nil
        updatedAt = now
    }
}

/// Every officer who has handled an enquiry, so lists can be narrowed by the database.
final class EnquiryHandler: Model, @unchecked Sendable {
    static let schema = "enquiry_handlers"
    @ID(key: .id) var id: UUID?
    @Field(key: "enquiry_id") var enquiryID: UUID
    @Field(key: "officer_id") var officerID: UUID
    init() {}
    init(enquiryID: UUID, officerID: UUID) {
        self.enquiryID = enquiryID
        self.officerID = officerID
    }
}

/// A chasing step sent: unique per enquiry, response cycle and step, so no step is ever sent
/// twice, even by two servers at once.
final class EnquiryChase: Model, @unchecked Sendable {
    static let schema = "enquiry_chases"
    @ID(key: .id) var id: UUID?
    @Field(key: "enquiry_id") var enquiryID: UUID
    @Field(key: "cycle") var cycle: Int
    @Field(key: "step") var step: Int
    @Field(key: "sent_at") var sentAt: Date
    init() {}
    init(enquiryID: UUID, cycle: Int, step: Int, sentAt: Date) {
        self.enquiryID = enquiryID
        self.cycle = cycle
        self.step = step
        self.sentAt = sentAt
    }
}

/// The text of a response sent to the member (the route and confidentiality are in the state).
final class EnquiryReply: Model, @unchecked Sendable {
    static let schema = "enquiry_replies"
    @ID(key: .id) var id: UUID?
    @Field(key: "enquiry_id") var enquiryID: UUID
    /// Index into the state's `responses`.
    @Field(key: "position") var position: Int
    @Field(key: "body") var body: String
    init() {}
    init(enquiryID: UUID, position: Int, body: String) {
        self.enquiryID = enquiryID
        self.position = position
        self.body = body
    }
}

/// A file sent with an enquiry, stored outside the web root and served only after the access check.
final class EnquiryAttachmentRecord: Model, @unchecked Sendable {
    static let schema = "enquiry_attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "enquiry_id") var enquiryID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    /// Path relative to the data directory.
    @Field(key: "stored_path") var storedPath: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    init() {}
}

extension JSONEncoder {
    /// Stable JSON for stored state: sorted keys, ISO dates.
    static var probity: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var probity: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Core state kept in a text column as `.probity` JSON (enquiries, access requests, confidences, briefings).
enum StoredJSON {
    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder.probity.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder.probity.decode(type, from: Data(text.utf8))
    }
}
