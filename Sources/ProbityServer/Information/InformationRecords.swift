import Fluent
import Foundation
import ProbityCore

/// A council document filed by an officer with its access class (TH 12.2–12.4, 12.13–12.14).
/// The file is stored outside the web root and served only after `DocumentPolicy` allows it.
final class DocumentRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "information_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "title") var title: String
    /// `public`, `exempt`, `confidential`, `group-internal`, `draft-policy`, `personal`.
    @Field(key: "class_kind") var classKind: String
    /// Schedule 12A category 1–7, for exempt documents.
    @OptionalField(key: "exempt_category") var exemptCategory: Int?
    /// The group whose internal document it is.
    @OptionalField(key: "owner_group_id") var ownerGroupID: UUID?
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "owner_officer_id") var ownerOfficerID: UUID?
    @OptionalField(key: "committee_id") var committeeID: UUID?
    @Field(key: "is_cabinet_item") var isCabinetItem: Bool
    /// Subject tags, lower case, matched with scrutiny terms of reference and declared interests.
    @Field(key: "subjects") var subjects: [String]
    @Field(key: "ward_ids") var wardIDs: [UUID]
    @Field(key: "disclosable_to_anyone") var disclosableToAnyone: Bool
    @Field(key: "summary") var summary: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "stored_path") var storedPath: String
    /// The redacted version released under TH 12.12, once an officer has filed one.
    @OptionalField(key: "redacted_filename") var redactedFilename: String?
    @OptionalField(key: "redacted_content_type") var redactedContentType: String?
    @OptionalField(key: "redacted_stored_path") var redactedStoredPath: String?
    @OptionalField(key: "redacted_note") var redactedNote: String?
    @Field(key: "filed_by_officer_id") var filedByOfficerID: UUID
    @Field(key: "filed_at") var filedAt: Date

    init() {}

    var documentClass: DocumentClass {
        switch classKind {
        case "public": .public
        case "exempt": .exempt(ExemptCategory(rawValue: exemptCategory ?? 1) ?? .individual)
        case "group-internal": ownerGroupID.map { .groupInternal(groupID: $0) } ?? .personal
        case "draft-policy": .draftPolicy
        case "personal": .personal
        default: .confidential
        }
    }

    var facts: DocumentFacts {
        DocumentFacts(id: id!, title: title, documentClass: documentClass, serviceID: serviceID, ownerOfficerID: ownerOfficerID,
                      committeeID: committeeID, isCabinetItem: isCabinetItem, subjects: Set(subjects), wardIDs: Set(wardIDs),
                      disclosableToAnyone: disclosableToAnyone)
    }
}

/// A matter in which a member has declared a financial or personal interest, as subject tags:
/// for it they have only a private individual's access (TH 12.7).
final class DeclaredInterestRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "information_declared_interests"
    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "subject") var subject: String
    @Field(key: "declared_at") var declaredAt: Date
    init() {}
}

/// A need-to-know request as stored: the core's `NeedToKnowRequest` as JSON and the columns
/// lists narrow on.
final class NeedToKnowRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "information_requests"
    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "assistant_id") var assistantID: UUID?
    @Field(key: "status") var status: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "state") var stateJSON: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var state: NeedToKnowRequest {
        get throws { try StoredJSON.decode(NeedToKnowRequest.self, from: stateJSON) }
    }

    func store(_ request: NeedToKnowRequest, at now: Date) throws {
        stateJSON = try StoredJSON.text(request)
        status = request.status.rawValue
        updatedAt = now
    }
}

/// A need-to-know release (TH 12.12, 12.16), one per granted request, so access checks read a
/// member's releases directly.
final class ReleaseRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "information_releases"
    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "assistant_id") var assistantID: UUID?
    @OptionalField(key: "redaction_note") var redactionNote: String?
    @Field(key: "purpose") var purpose: String
    @Field(key: "granted_by_officer_id") var grantedByOfficerID: UUID
    @Field(key: "granted_at") var grantedAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}

    convenience init(_ grant: ReleaseGrant, authorityID: UUID) {
        self.init()
        self.authorityID = authorityID
        apply(grant)
    }

    func apply(_ grant: ReleaseGrant) {
        requestID = grant.requestID
        documentID = grant.documentID
        memberID = grant.memberID
        assistantID = grant.raisedByAssistantID
        if case .redacted(let note) = grant.version { redactionNote = note } else { redactionNote = nil }
        purpose = grant.purpose
        grantedByOfficerID = grant.grantedByOfficerID
        grantedAt = grant.grantedAt
        expiresAt = grant.expiresAt
        revokedAt = grant.revokedAt
    }

    var grant: ReleaseGrant {
        ReleaseGrant(requestID: requestID, documentID: documentID, memberID: memberID, raisedByAssistantID: assistantID,
                     version: redactionNote.map { .redacted(note: $0) } ?? .full, purpose: purpose,
                     grantedByOfficerID: grantedByOfficerID, grantedAt: grantedAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }
}

/// Information given to an officer in party-political confidence (LE 12–17; TH 6.4(vi); LC 6):
/// the core's `PartyConfidenceRecord` as JSON. The group is fixed when recorded, so it is kept
/// across a change of administration.
final class ConfidenceRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "party_confidences"
    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "given_by_member_id") var givenByMemberID: UUID
    @Field(key: "received_by_officer_id") var receivedByOfficerID: UUID
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "state") var stateJSON: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var state: PartyConfidenceRecord {
        get throws { try StoredJSON.decode(PartyConfidenceRecord.self, from: stateJSON) }
    }

    func store(_ record: PartyConfidenceRecord, at now: Date) throws {
        stateJSON = try StoredJSON.text(record)
        updatedAt = now
    }
}

/// A party group's briefing request (TH 6.2–6.4; LC 6; LE 14; Wigan 8.3–8.4): the core's
/// `BriefingRequest` as JSON, with the columns lists narrow on.
final class BriefingRecordRow: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "briefings"
    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "requested_by_member_id") var requestedByMemberID: UUID
    @Field(key: "status") var status: String
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "state") var stateJSON: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var state: BriefingRequest {
        get throws { try StoredJSON.decode(BriefingRequest.self, from: stateJSON) }
    }

    func store(_ briefing: BriefingRequest, at now: Date) throws {
        stateJSON = try StoredJSON.text(briefing)
        status = briefing.status.rawValue
        updatedAt = now
    }
}
