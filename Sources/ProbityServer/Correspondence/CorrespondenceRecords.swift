import Fluent
import Foundation

/// A letter to go in a member's name, with what it does and the authority for it (Wigan 7.2; LC 12).
final class MemberLetter: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "member_letters"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "addressee") var addressee: String
    @Field(key: "subject") var subject: String
    @Field(key: "creates_obligations") var createsObligations: Bool
    @Field(key: "gives_instructions") var givesInstructions: Bool
    @OptionalField(key: "delegated_authority") var delegatedAuthority: String?
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "rule_citation") var ruleCitation: String

    init() {}
}

/// A member's visit to a department, told in advance to its Chief Officer (Wigan 4.6).
final class DepartmentVisit: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "department_visits"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "directorate_id") var directorateID: UUID
    @Field(key: "visit_on") var visitOn: String
    @Field(key: "purpose") var purpose: String
    @Field(key: "statutory_inspection") var statutoryInspection: Bool
    /// The Chief Officer told, if one was.
    @OptionalField(key: "chief_officer_id") var chiefOfficerID: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

struct CreateMemberCorrespondence: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MemberLetter.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required)
            .field("addressee", .string, .required)
            .field("subject", .string, .required)
            .field("creates_obligations", .bool, .required)
            .field("gives_instructions", .bool, .required)
            .field("delegated_authority", .string)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("rule_citation", .string, .required)
            .create()
        try await db.schema(DepartmentVisit.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required)
            .field("directorate_id", .uuid, .required)
            .field("visit_on", .string, .required)
            .field("purpose", .string, .required)
            .field("statutory_inspection", .bool, .required)
            .field("chief_officer_id", .uuid)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(DepartmentVisit.schema).delete()
        try await db.schema(MemberLetter.schema).delete()
    }
}
