import Fluent
import Foundation
import ProbityCore

/// A delegated decision an officer consulted a member on (LE 19–25; TH 9.3–9.4). There is no
/// field for the member's approval: the decision is the officer's (LE 22, 25).
final class ConsultationRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "consultations"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "title") var title: String
    @Field(key: "proposal") var proposal: String
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "member_name") var memberName: String
    /// `lead-member`, `chair` or `local-member`.
    @Field(key: "member_capacity") var memberCapacity: String
    @Field(key: "member_view") var memberView: String
    @Field(key: "decision") var decision: String
    @Field(key: "divergent") var divergent: Bool
    @OptionalField(key: "route") var route: String?
    /// Officers' advice recorded on the decision (LE 6).
    @OptionalField(key: "officer_advice") var officerAdvice: String?
    @Field(key: "recorded_by_user_id") var recordedByUserID: UUID
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "rule_citation") var ruleCitation: String

    init() {}
}

struct CreateConsultations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ConsultationRecord.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("proposal", .string, .required)
            .field("member_id", .uuid, .required)
            .field("member_name", .string, .required)
            .field("member_capacity", .string, .required)
            .field("member_view", .string, .required)
            .field("decision", .string, .required)
            .field("divergent", .bool, .required)
            .field("route", .string)
            .field("officer_advice", .string)
            .field("recorded_by_user_id", .uuid, .required)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("rule_citation", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ConsultationRecord.schema).delete()
    }
}
