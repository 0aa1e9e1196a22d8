import Fluent
import Foundation

/// A political group assistant: acts for named members of one group only (TH 12.23).
final class GroupAssistant: DirectoryModel, @unchecked Sendable {
    static let schema = "group_assistants"
    static let kind = DirectoryKind.assistants

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "group_id") var groupID: UUID?
    @Field(key: "acts_for_member_ids") var actsForMemberIDs: [UUID]
    @OptionalField(key: "email") var email: String?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<GroupAssistant>] = [
        Bind.text(FieldSpec("name", "Full name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.reference(FieldSpec("group", "Political group", .reference(.groups), required: true, listed: true), \.groupID),
        Bind.references(FieldSpec("actsFor", "Acts for", .references(.members),
                                  hint: "The named members of the group this assistant may act for.", listed: true), \.$actsForMemberIDs),
        Bind.optionalText(FieldSpec("email", "Email address", .email), \.email),
    ]

    func crossCheck(on db: any Database) async throws -> [FieldError] {
        guard let groupID, !actsForMemberIDs.isEmpty else { return [] }
        let members = try await Member.query(on: db).filter(\.$id ~~ actsForMemberIDs).all()
        let outsiders = members.filter { $0.groupID != groupID }.map(\.name)
        guard outsiders.isEmpty else {
            return [FieldError(field: "actsFor", message: "An assistant acts only for members of their own group: \(outsiders.sorted().joined(separator: ", ")) \(outsiders.count == 1 ? "is" : "are") not in it")]
        }
        return []
    }
}

/// A party worker: someone with no entitlement to anything a member sees (TH 13.10).
final class PartyWorker: DirectoryModel, @unchecked Sendable {
    static let schema = "party_workers"
    static let kind = DirectoryKind.partyWorkers

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "group_id") var groupID: UUID?
    @OptionalField(key: "notes") var notes: String?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<PartyWorker>] = [
        Bind.text(FieldSpec("name", "Full name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.reference(FieldSpec("group", "Political group", .reference(.groups), listed: true), \.groupID),
        Bind.optionalText(FieldSpec("notes", "Notes", .longText(maxLength: 2000)), \.notes),
    ]
}
