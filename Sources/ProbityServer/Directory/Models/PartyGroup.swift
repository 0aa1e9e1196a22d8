import Fluent
import Foundation

/// A party political group of members.
final class PartyGroup: DirectoryModel, @unchecked Sendable {
    static let schema = "party_groups"
    static let kind = DirectoryKind.groups
    static let uniqueName = true

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "leader_member_id") var leaderMemberID: UUID?
    @OptionalField(key: "whip_member_id") var whipMemberID: UUID?
    /// Forms (part of) the administration: draft policy is for its members only (TH 12.13).
    @Field(key: "is_administration") var isAdministration: Bool

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<PartyGroup>] = [
        Bind.text(FieldSpec("name", "Name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.reference(FieldSpec("leader", "Group leader", .reference(.members), listed: true), \.leaderMemberID),
        Bind.reference(FieldSpec("whip", "Whip", .reference(.members)), \.whipMemberID),
        Bind.flag(FieldSpec("isAdministration", "Forms the administration", .flag,
                            hint: "Draft policy and draft reports are shared with the administration's members only.", listed: true), \.$isAdministration),
    ]

    func crossCheck(on db: any Database) async throws -> [FieldError] {
        var errors: [FieldError] = []
        for (key, memberID) in [("leader", leaderMemberID), ("whip", whipMemberID)] {
            guard let memberID, let id else { continue }
            if let member = try await Member.find(memberID, on: db), member.groupID != id {
                errors.append(FieldError(field: key, message: "\(member.name) is not a member of this group"))
            }
        }
        return errors
    }
}
