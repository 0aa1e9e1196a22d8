import Fluent
import Foundation

/// A councillor, the Mayor or Chair, or a co-opted member.
final class Member: DirectoryModel, @unchecked Sendable {
    static let schema = "members"
    static let kind = DirectoryKind.members

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    @Field(key: "position") var position: String
    @OptionalField(key: "ward_id") var wardID: UUID?
    @OptionalField(key: "group_id") var groupID: UUID?
    @Field(key: "executive_role") var executiveRole: String
    @OptionalField(key: "portfolio") var portfolio: String?
    @OptionalField(key: "email") var email: String?

    init() {}

    var displayName: String { name }
    var isCoopted: Bool { position.hasPrefix("coopted") }

    static let fields: [BoundField<Member>] = [
        Bind.text(FieldSpec("name", "Full name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.text(FieldSpec("position", "Position", .choice(Choices.memberPosition), required: true, listed: true), \.$position),
        Bind.reference(FieldSpec("ward", "Ward or division", .reference(.wards), hint: "Co-opted members have none.", listed: true), \.wardID),
        Bind.reference(FieldSpec("group", "Political group", .reference(.groups), hint: "Leave empty for an independent or co-opted member.", listed: true), \.groupID),
        Bind.text(FieldSpec("executiveRole", "Executive role", .choice(Choices.executiveRole), required: true), \.$executiveRole),
        Bind.optionalText(FieldSpec("portfolio", "Cabinet or Lead Member portfolio", .text(maxLength: 200)), \.portfolio),
        Bind.optionalText(FieldSpec("email", "Email address", .email), \.email),
    ]
}
