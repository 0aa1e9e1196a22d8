import Fluent
import Foundation
import ProbityCore

/// A council or joint body. Every other record belongs to exactly one authority, and no query
/// crosses authorities unless the actor is a platform administrator.
final class Authority: Model, @unchecked Sendable {
    static let schema = "authorities"

    @ID(key: .id) var id: UUID?
    /// URL-safe short name, e.g. `demo-borough`.
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    /// The built-in protocol profile the authority works to, e.g. `tower-hamlets`.
    @Field(key: "profile_id") var profileID: String
    /// Bank-holiday calendar: `england-and-wales`, `scotland` or `northern-ireland`.
    @Field(key: "region") var region: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, slug: String, name: String, profileID: String, region: Region) {
        self.id = id
        self.slug = slug
        self.name = name
        self.profileID = profileID
        self.region = region.rawValue
    }
}

/// Records that belong to an authority.
protocol AuthorityScoped: Model where IDValue == UUID {
    var authorityID: UUID { get set }
    static var authorityKey: FieldKey { get }
}

extension AuthorityScoped {
    static var authorityKey: FieldKey { "authority_id" }

    /// The only way capabilities query scoped records: narrowed to one authority first.
    static func scoped(to authorityID: UUID, on db: any Database) -> QueryBuilder<Self> {
        Self.query(on: db).filter(.path([authorityKey], schema: schema), .equal, .bind(authorityID))
    }

    /// Finds a record of this authority; another authority's record is simply not found.
    static func find(_ id: UUID, in authorityID: UUID, on db: any Database) async throws -> Self? {
        try await scoped(to: authorityID, on: db).filter(\._$id == id).first()
    }
}
