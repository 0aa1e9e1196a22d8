import Fluent
import Foundation
import ProbityCore

/// An officer's contact with the media and its clearance by Communications (TH 15.4).
final class MediaContact: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "media_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// `approach` or `outgoing`.
    @Field(key: "direction") var direction: String
    @Field(key: "outlet") var outlet: String
    @Field(key: "subject") var subject: String
    @Field(key: "summary") var summary: String
    @Field(key: "advertising") var advertising: Bool
    /// `requested`, `cleared`, `refused` or `not-needed`.
    @Field(key: "status") var status: String
    @OptionalField(key: "ward_matter_id") var wardMatterID: UUID?
    @Field(key: "requested_by_user_id") var requestedByUserID: UUID
    @OptionalField(key: "requested_by_officer_id") var requestedByOfficerID: UUID?
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?
    @Field(key: "rule_citation") var ruleCitation: String

    init() {}
}

struct CreateMediaContacts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MediaContact.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("direction", .string, .required)
            .field("outlet", .string, .required)
            .field("subject", .string, .required)
            .field("summary", .string, .required)
            .field("advertising", .bool, .required)
            .field("status", .string, .required)
            .field("ward_matter_id", .uuid)
            .field("requested_by_user_id", .uuid, .required)
            .field("requested_by_officer_id", .uuid)
            .field("requested_by_name", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("rule_citation", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(MediaContact.schema).delete()
    }
}
