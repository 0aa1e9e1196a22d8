import Fluent
import Foundation

/// A message to one person, written in the same transaction as the change that caused it:
/// shown in their Probity inbox from `deliverAfter` (held through private time unless urgent)
/// and, when they have an email address, sent by the delivery worker.
final class Notification: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// `member` or `officer`, and the directory id.
    @Field(key: "person_kind") var personKind: String
    @Field(key: "person_id") var personID: UUID
    /// The recipient's user, when they sign in to Probity.
    @OptionalField(key: "user_id") var userID: UUID?
    /// e.g. `enquiry.chase`, `enquiry.assigned`, `complaint.acknowledge-overdue`.
    @Field(key: "category") var category: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// Where in Probity the message is about, e.g. `/enquiries/…`.
    @OptionalField(key: "link") var link: String?
    @Field(key: "urgent") var urgent: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "deliver_after") var deliverAfter: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// Unique per authority: the same event never produces the same message twice.
    @Field(key: "dedupe_key") var dedupeKey: String
    @OptionalField(key: "email_address") var emailAddress: String?
    /// `none` (no address), `pending`, `sent` or `failed`; `digest` while it waits for the
    /// recipient's daily digest, `digested` once that digest has taken it.
    @Field(key: "email_status") var emailStatus: String
    @Field(key: "email_attempts") var emailAttempts: Int
    @OptionalField(key: "email_next_attempt_at") var emailNextAttemptAt: Date?
    @OptionalField(key: "email_last_error") var emailLastError: String?
    /// The delivery worker holding this message, and until when (see `EmailOutbox`).
    @OptionalField(key: "email_lease_token") var emailLeaseToken: String?
    @OptionalField(key: "email_lease_until") var emailLeaseUntil: Date?
    /// When the mail server accepted the message (its 250 to the end of DATA).
    @OptionalField(key: "email_sent_at") var emailSentAt: Date?

    init() {}
}
