import Fluent
import Foundation

/// One entry of the append-only, hash-chained audit log. Each entry's `hash` is the SHA-256 of
/// its canonical content, which includes the previous entry's hash, so any edit, removal or
/// reordering breaks the chain (`probity audit verify`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    /// 1, 2, 3, … with no gaps.
    @Field(key: "seq") var seq: Int64
    /// Milliseconds since 1970 UTC: an integer so the hashed value survives every database exactly.
    @Field(key: "at_ms") var atMilliseconds: Int64
    @OptionalField(key: "authority_id") var authorityID: UUID?
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    @Field(key: "actor_name") var actorName: String
    /// Dotted verb, e.g. `directory.member.create`, `auth.sign-in.failed`, `access.refused`.
    @Field(key: "action") var action: String
    @OptionalField(key: "resource_type") var resourceType: String?
    @OptionalField(key: "resource_id") var resourceID: String?
    /// `success`, `refused` or `failure`.
    @Field(key: "outcome") var outcome: String
    /// Canonical JSON (sorted keys) with the particulars of the event.
    @Field(key: "detail") var detail: String
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }
}

/// The newest seq and hash, updated in the same transaction as every append, so that removing
/// entries from the end of the log is detected too.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"
    static let singletonID = UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int64
    @Field(key: "hash") var hash: String

    init() {}
}
