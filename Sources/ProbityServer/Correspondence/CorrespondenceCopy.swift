import Fluent
import Foundation
import ProbityCore
import Vapor

/// An officer's wish to copy one member's correspondence to another member: the member is
/// told what will be done and must consent before anything is copied (LC 12(a), (b)).
final class CorrespondenceCopy: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "correspondence_copies"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "from_member_id") var fromMemberID: UUID
    @Field(key: "to_member_id") var toMemberID: UUID
    @Field(key: "subject") var subject: String
    @Field(key: "content") var content: String
    @Field(key: "purpose") var purpose: String
    /// `awaiting-consent`, `copied` or `refused`.
    @Field(key: "status") var status: String
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

struct CreateCorrespondenceCopies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(CorrespondenceCopy.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("from_member_id", .uuid, .required)
            .field("to_member_id", .uuid, .required)
            .field("subject", .string, .required)
            .field("content", .string, .required)
            .field("purpose", .string, .required)
            .field("status", .string, .required)
            .field("requested_by_name", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("answered_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(CorrespondenceCopy.schema).delete()
    }
}

enum CorrespondenceCopyService {
    static let fields = ["from", "to", "subject", "content", "purpose"]

    static func request(_ input: ComplaintInput, req: Request) async throws -> CorrespondenceCopy {
        let actor = try req.requireActor()
        guard actor.personKind == .officer || actor.canAdminister else {
            throw await req.refusal("correspondence_copy.create", resourceType: "correspondence_copy", reason: "Only officers ask to copy a member's correspondence (London Councils protocol 12).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        var errors: [FieldError] = []
        let from = UUID(uuidString: input.text("from")).flatMap { org.members[$0] }
        let to = UUID(uuidString: input.text("to")).flatMap { org.members[$0] }
        if from == nil { errors.append(FieldError(field: "from", message: "Choose the member whose correspondence it is")) }
        if to == nil { errors.append(FieldError(field: "to", message: "Choose the member to copy it to")) }
        if let from, let to, from.id == to.id { errors.append(FieldError(field: "to", message: "Choose another member")) }
        let subject = ComplaintFields.required(input, "subject", "Enter what the correspondence is about", max: 200, errors: &errors)
        let content = ComplaintFields.required(input, "content", "Enter the correspondence to copy", max: 20_000, errors: &errors)
        let purpose = ComplaintFields.required(input, "purpose", "Tell the member clearly what you intend to do with it", max: 2000, errors: &errors)
        guard errors.isEmpty, let from, let to else { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        let rule = EnquiryPolicy.canCopyToAnotherMember(memberConsented: false, profile: current.profile).rules.map(\.citation).joined(separator: "; ")
        let now = req.now
        let copy = CorrespondenceCopy()
        copy.id = UUID()
        copy.authorityID = actor.authorityID
        copy.fromMemberID = from.id
        copy.toMemberID = to.id
        copy.subject = subject
        copy.content = content
        copy.purpose = purpose
        copy.status = "awaiting-consent"
        copy.requestedByName = actor.displayName
        copy.requestedAt = now
        let id = copy.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let message = NotificationCenter.Message(
            category: "correspondence.consent", subject: "May your correspondence be copied to \(to.name)?",
            body: "\(actor.displayName) would like to copy your correspondence \"\(subject)\" to \(to.name): \(purpose)\nNothing is copied unless you agree (\(rule)).",
            link: "/correspondence", eventKey: "copy|\(id.uuidString)")
        let event = actor.auditEvent("correspondence_copy.create", resourceType: "correspondence_copy", resourceID: id.uuidString,
                                     detail: ["from": from.id.uuidString, "to": to.id.uuidString])
        try await req.write { db in
            try await copy.create(on: db)
            try await center.send(message, to: [.member(from.id)], on: db, at: now)
            try await AuditLog.append(event, on: db, at: now)
        }
        return copy
    }

    /// The member whose correspondence it is answers; only on consent is it copied.
    static func answer(_ raw: String?, consent: Bool?, req: Request) async throws -> CorrespondenceCopy {
        let actor = try req.requireActor()
        guard let id = raw.flatMap(UUID.init(uuidString:)), let copy = try await CorrespondenceCopy.find(id, in: actor.authorityID, on: req.db) else {
            throw AppError.notFound("The request")
        }
        let current = try await req.authorityProtocol()
        guard actor.personKind == .member, actor.personID == copy.fromMemberID else {
            let citation = current.profile.enquiries.correspondenceConsent.citationText(in: current.profile.document)
            throw await req.refusal("correspondence_copy.answer", resourceType: "correspondence_copy", resourceID: id.uuidString,
                                    reason: "Only the member whose correspondence it is can agree to it being copied (\(citation)).")
        }
        guard let consent else { throw AppError.validation([FieldError(field: "consent", message: "Choose whether you agree")], detail: "Nothing was recorded.") }
        guard copy.status == "awaiting-consent" else { throw AppError(.conflict, detail: "You have already answered this request.") }
        let org = try await req.orgSnapshot()
        let decision = EnquiryPolicy.canCopyToAnotherMember(memberConsented: consent, profile: current.profile)
        let now = req.now
        copy.status = decision.allowed ? "copied" : "refused"
        copy.answeredAt = now
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let fromName = org.members[copy.fromMemberID]?.name ?? "A member"
        let copied = NotificationCenter.Message(
            category: "correspondence.copy", subject: "Copied to you with \(fromName)'s consent: \(copy.subject)", body: copy.content,
            link: "/correspondence", eventKey: "copied|\(id.uuidString)")
        let event = actor.auditEvent("correspondence_copy.answer", resourceType: "correspondence_copy", resourceID: id.uuidString,
                                     detail: ["consent": String(consent), "status": copy.status])
        try await req.write { db in
            try await copy.update(on: db)
            if decision.allowed { try await center.send(copied, to: [.member(copy.toMemberID)], on: db, at: now) }
            try await AuditLog.append(event, on: db, at: now)
        }
        return copy
    }

    /// Officers see every request; a member sees those about their own correspondence.
    static func visible(_ req: Request) throws -> QueryBuilder<CorrespondenceCopy>? {
        let actor = try req.requireActor()
        let query = CorrespondenceCopy.scoped(to: actor.authorityID, on: req.db)
        if actor.personKind == .officer || actor.canAdminister { return query }
        guard actor.personKind == .member, let member = actor.personID else { return nil }
        return query.filter(\.$fromMemberID == member)
    }
}
