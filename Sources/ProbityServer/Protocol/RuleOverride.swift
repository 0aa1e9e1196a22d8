import Fluent
import Foundation

/// An authority's own version of one rule of its protocol profile, with its own citation
/// (e.g. a Standards Committee resolution). Stored as the YAML the administrator wrote, so it
/// is validated by the same loader as the profile itself every time it is applied.
final class RuleOverride: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "rule_overrides"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// e.g. `enquiries.responseDeadline`.
    @Field(key: "rule_id") var ruleID: String
    @Field(key: "yaml") var yaml: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String

    init() {}

    init(authorityID: UUID, ruleID: String, yaml: String, createdAt: Date, createdBy: String) {
        self.authorityID = authorityID
        self.ruleID = ruleID
        self.yaml = yaml
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
