import Fluent
import Foundation
import ProbityCore

/// Everyone named in a case (complainant, subject, handler, investigators, assessors, those
/// copied in or told, witnesses, those told who complained), one row each, rewritten with the
/// case. Lists find a person's candidate cases through it, so they never read cases the person
/// has no part in; the access policy then decides exactly what each one shows.
final class ComplaintPerson: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "complaint_people"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "person_kind") var personKind: String
    @Field(key: "person_id") var personID: UUID

    init() {}

    init(authorityID: UUID, complaintID: UUID, person: PersonRef) {
        self.authorityID = authorityID
        self.complaintID = complaintID
        (personKind, personID) = NotificationCenter.split(person)
    }
}

/// A piece of the investigation: evidence, a note of an interview, the subject's response. The
/// core refers to items by id; a witness sees only the items given to them (LC 13).
final class ComplaintItem: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "complaint_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "added_at") var addedAt: Date
    @Field(key: "added_by") var addedBy: String

    init() {}
}

/// One acknowledgement chase sent. Unique on (complaint, step key): two servers running the
/// chasing job at once cannot both send the same chase, since the second insert fails.
final class ComplaintChase: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "complaint_chases"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "step_key") var stepKey: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    init(authorityID: UUID, complaintID: UUID, stepKey: String, sentAt: Date) {
        self.authorityID = authorityID
        self.complaintID = complaintID
        self.stepKey = stepKey
        self.sentAt = sentAt
    }
}
