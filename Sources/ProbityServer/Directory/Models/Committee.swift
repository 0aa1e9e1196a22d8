import Fluent
import Foundation

/// Cabinet, Overview and Scrutiny, a regulatory or other committee.
final class Committee: DirectoryModel, @unchecked Sendable {
    static let schema = "committees"
    static let kind = DirectoryKind.committees
    static let uniqueName = true

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @Field(key: "committee_kind") var committeeKind: String
    @OptionalField(key: "chair_member_id") var chairMemberID: UUID?
    @OptionalField(key: "terms_of_reference") var termsOfReference: String?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<Committee>] = [
        Bind.text(FieldSpec("name", "Name", .text(maxLength: 160), required: true, listed: true), \.$name),
        Bind.text(FieldSpec("kind", "Kind", .choice(Choices.committeeKind), required: true, listed: true), \.$committeeKind),
        Bind.reference(FieldSpec("chair", "Chair", .reference(.members), listed: true), \.chairMemberID),
        Bind.optionalText(FieldSpec("termsOfReference", "Terms of reference", .longText(maxLength: 20_000)), \.termsOfReference),
    ]
}

/// A member's seat on a committee.
final class CommitteeMembership: DirectoryModel, @unchecked Sendable {
    static let schema = "committee_memberships"
    static let kind = DirectoryKind.committeeMemberships
    static let nameKey: FieldKey = "role"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @OptionalField(key: "committee_id") var committeeID: UUID?
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "role") var role: String

    init() {}

    var displayName: String { "Committee membership" }

    static let fields: [BoundField<CommitteeMembership>] = [
        Bind.reference(FieldSpec("committee", "Committee", .reference(.committees), required: true, listed: true), \.committeeID),
        Bind.reference(FieldSpec("member", "Member", .reference(.members), required: true, listed: true), \.memberID),
        Bind.text(FieldSpec("role", "Role", .choice(Choices.membershipRole), required: true, listed: true), \.$role),
    ]

    func crossCheck(on db: any Database) async throws -> [FieldError] {
        guard let committeeID, let memberID else { return [] }
        var query = CommitteeMembership.query(on: db)
            .filter(\.$committeeID == committeeID)
            .filter(\.$memberID == memberID)
        if let id { query = query.filter(\.$id != id) }
        if try await query.count() > 0 {
            return [FieldError(field: "member", message: "This member already sits on this committee")]
        }
        return []
    }
}
