import Fluent
import Foundation

/// An electoral ward (or county electoral division).
final class Ward: DirectoryModel, @unchecked Sendable {
    static let schema = "wards"
    static let kind = DirectoryKind.wards
    static let uniqueName = true

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "name") var name: String
    /// ONS GSS code, e.g. E05009317.
    @OptionalField(key: "gss_code") var gssCode: String?

    init() {}

    var displayName: String { name }

    static let fields: [BoundField<Ward>] = [
        Bind.text(FieldSpec("name", "Name", .text(maxLength: 120), required: true, listed: true), \.$name),
        Bind.optionalText(FieldSpec("gssCode", "ONS GSS code", .pattern(regex: "^[EWSN][0-9]{8}$", example: "E05009317", maxLength: 9),
                                    hint: "Optional. Nine characters, for example E05009317.", listed: true), \.gssCode),
    ]
}
