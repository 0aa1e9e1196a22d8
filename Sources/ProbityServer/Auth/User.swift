import Fluent
import Foundation

/// Someone who can sign in. A user is linked to the directory record of the person they are
/// (a member, an officer or a political group assistant) and may also administer their authority.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    enum PersonKind: String, Codable, CaseIterable, Sendable {
        case member, officer, assistant, none
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "authority_id") var authority: Authority
    /// Stored lower-cased; unique across the deployment.
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Enum(key: "person_kind") var personKind: PersonKind
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "is_administrator") var isAdministrator: Bool
    @Field(key: "is_platform_admin") var isPlatformAdmin: Bool
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, authorityID: UUID, email: String, displayName: String, passwordHash: String,
        personKind: PersonKind, personID: UUID?, isAdministrator: Bool = false, isPlatformAdmin: Bool = false
    ) {
        self.id = id
        self.$authority.id = authorityID
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.personKind = personKind
        self.personID = personID
        self.isAdministrator = isAdministrator
        self.isPlatformAdmin = isPlatformAdmin
    }

    var isDisabled: Bool { disabledAt != nil }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// A signed-in browser session. The cookie holds a random token; only its SHA-256 is stored.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    /// Synchroniser token for CSRF protection of every form and cookie-authenticated API write.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    /// The authority a platform administrator is working in (their own otherwise).
    @OptionalField(key: "acting_authority_id") var actingAuthorityID: UUID?
    @OptionalField(key: "ended_at") var endedAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, csrfToken: String, at now: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
    }
}

/// A personal API token (Bearer). Shown once at creation; only its SHA-256 is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the token, to tell tokens apart in lists.
    @Field(key: "prefix") var prefix: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, prefix: String, at now: Date) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.createdAt = now
    }
}

/// Failed sign-in counting per email address, whether or not an account exists, so that
/// lockout behaves the same for unknown addresses and reveals nothing (ASVS 5 V6.3.1, V6.3.8).
final class SignInThrottle: Model, @unchecked Sendable {
    static let schema = "sign_in_throttles"

    @ID(key: .id) var id: UUID?
    /// SHA-256 of the normalised email, so the table holds no addresses of non-users.
    @Field(key: "email_hash") var emailHash: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(emailHash: String, at now: Date) {
        self.emailHash = emailHash
        self.failures = 0
        self.updatedAt = now
    }
}
