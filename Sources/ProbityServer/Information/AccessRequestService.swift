import Fluent
import Foundation
import ProbityCore
import Vapor

/// Need-to-know requests (TH 12.8–12.12, 12.19, 12.21–12.23; Wigan 6.4–6.7; LE 34): submitted by
/// the core's `NeedToKnowRequest.submit`, decided by `applying`, seen per
/// `DocumentPolicy.canViewRequest`. Each change is written with its audit entry, release and
/// messages in one transaction.
struct AccessRequestService {
    let req: Request
    let ctx: InformationContext

    struct Submission: Sendable {
        var documentID: UUID
        var reasonKind: String?
        var explanation: String?
        var wardID: String?
    }

    func submit(_ input: Submission) async throws -> NeedToKnowRecord {
        guard let record = try await DocumentRecord.find(input.documentID, in: ctx.authorityID, on: req.db) else {
            throw AppError.validation([FieldError(field: "document", message: "Choose a document of this council")])
        }
        var errors: [FieldError] = []
        let kind = NeedToKnowReasonKind(rawValue: input.reasonKind ?? "")
        if kind == nil { errors.append(FieldError(field: "reasonKind", message: "Choose why you need it")) }
        var ward: UUID?
        if let raw = input.wardID, !raw.isEmpty {
            if let id = UUID(uuidString: raw), try await Ward.find(id, in: ctx.authorityID, on: req.db) != nil { ward = id }
            else { errors.append(FieldError(field: "ward", message: "Choose a ward of this council")) }
        }
        if (input.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "reason", message: "Say why you need this information for your work as a councillor."))
        }
        guard errors.isEmpty, let kind else { throw AppError.validation(errors, detail: "The request was not sent.") }
        let document = record.facts
        let grants = try await ctx.grants(on: req.db, documentIDs: [document.id])
        let id = UUID()
        let now = req.now
        let request: NeedToKnowRequest
        do {
            request = try NeedToKnowRequest.submit(id: id, context: ctx.reader, document: document,
                                                   reason: NeedToKnowReason(kind: kind, explanation: input.explanation ?? "", wardID: ward),
                                                   grants: grants, at: now, profile: ctx.profile, org: ctx.org)
        } catch {
            throw await error.appError(req, action: "access-request.submit", resourceType: "document", resourceID: document.id)
        }
        let row = NeedToKnowRecord()
        row.id = id
        row.authorityID = ctx.authorityID
        row.documentID = document.id
        row.memberID = request.memberID
        row.assistantID = request.raisedByAssistantID
        row.submittedAt = now
        try row.store(request, at: now)
        let event = ctx.actor.auditEvent("access-request.submit", resourceType: "access-request", resourceID: id.uuidString,
                                         detail: Self.auditDetail(request, event: request.history.last))
        let center = NotificationCenter(authorityID: ctx.authorityID, protocol: ctx.current)
        let title = record.title
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            try await row.create(on: db)
            try await center.send(.init(category: "access-request.submitted", subject: "A need-to-know request for you to decide",
                                        body: "A councillor asks to see \"\(title)\". Decide it, or refer it if in doubt.",
                                        link: "/access-requests/\(id.uuidString.lowercased())", eventKey: "access-request.submitted|\(id)"),
                                  to: request.deciderIDs.map { .officer($0) }, on: db, at: now)
        }
        return row
    }

    static func auditDetail(_ request: NeedToKnowRequest, event: NeedToKnowEvent?) -> [String: String] {
        var detail = ["document": request.documentID.uuidString, "member": request.memberID.uuidString, "status": request.status.rawValue]
        if let event {
            detail["citations"] = event.rules.map(\.citation).joined(separator: "; ")
            if let note = event.note { detail["note"] = String(note.prefix(500)) }
        }
        if let assistant = request.raisedByAssistantID { detail["assistant"] = assistant.uuidString }
        return detail
    }

    // MARK: Reading

    /// Requests the viewer may see (TH 12.19), newest first, paged after the policy decided each.
    func list(page: Int, perPage: Int) async throws -> (items: [(NeedToKnowRecord, NeedToKnowRequest)], total: Int) {
        var query = NeedToKnowRecord.scoped(to: ctx.authorityID, on: req.db)
        switch ctx.viewer.kind {
        case .member:
            guard let me = ctx.viewer.personID else { return ([], 0) }
            query = query.filter(\.$memberID == me)
        case .assistant:
            guard let me = ctx.viewer.personID else { return ([], 0) }
            query = query.filter(\.$assistantID == me)
        case .officer:
            break
        case .partyWorker, .none:
            return ([], 0)
        }
        let rows = try await query.sort(\.$submittedAt, .descending).all()
        let documentIDs = Array(Set(rows.map(\.documentID)))
        let documents = documentIDs.isEmpty ? [:] : Dictionary(
            try await DocumentRecord.scoped(to: ctx.authorityID, on: req.db).filter(\.$id ~~ documentIDs).all().map { ($0.id!, $0.facts) },
            uniquingKeysWith: { a, _ in a })
        let visible = try rows.compactMap { row -> (NeedToKnowRecord, NeedToKnowRequest)? in
            guard let document = documents[row.documentID] else { return nil }
            let state = try row.state
            return DocumentPolicy.canViewRequest(viewer: ctx.viewer, request: state, document: document, profile: ctx.profile, org: ctx.org).allowed
                ? (row, state) : nil
        }
        let start = min((page - 1) * perPage, visible.count)
        return (Array(visible[start..<min(start + perPage, visible.count)]), visible.count)
    }

    /// The request if the viewer may see it; the look is audited, a refusal audited and 403.
    func load(_ id: UUID, action: String = "access-request.view", auditRead: Bool = true) async throws -> (NeedToKnowRecord, NeedToKnowRequest, DocumentRecord) {
        guard let row = try await NeedToKnowRecord.find(id, in: ctx.authorityID, on: req.db),
              let document = try await DocumentRecord.find(row.documentID, in: ctx.authorityID, on: req.db) else {
            throw AppError.notFound("The request")
        }
        let state = try row.state
        let decision = DocumentPolicy.canViewRequest(viewer: ctx.viewer, request: state, document: document.facts, profile: ctx.profile, org: ctx.org)
        guard decision.allowed else {
            throw await req.refusal(action, resourceType: "access-request", resourceID: id.uuidString, reason: decision.explanation)
        }
        guard auditRead else { return (row, state, document) }
        let event = ctx.actor.auditEvent(action, resourceType: "access-request", resourceID: id.uuidString)
        let now = req.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (row, state, document)
    }

    // MARK: Deciding

    struct Decision: Sendable {
        /// `grant`, `grant-redacted`, `refuse`, `refer`, `revoke`.
        var outcome: String?
        var ground: String?
        var explanation: String?
        var purpose: String?
        var expiresOn: String?
        var redactionConfirmed = false
    }

    static let outcomes = ["grant", "grant-redacted", "refuse", "refer", "revoke"]

    func decide(_ id: UUID, _ input: Decision) async throws -> NeedToKnowRecord {
        let (row, state, document) = try await load(id, action: "access-request.decide", auditRead: false)
        var errors: [FieldError] = []
        let text = input.explanation ?? ""
        let action: NeedToKnowAction
        switch input.outcome ?? "" {
        case "grant", "grant-redacted":
            var expires: Date?
            if let raw = input.expiresOn, !raw.isEmpty {
                if let day = CalendarDate(iso: raw) { expires = day.instant(hour: 23, minute: 59) }
                else { errors.append(FieldError(field: "expiresOn", message: "Enter the end date as YYYY-MM-DD")) }
            }
            let purpose = (input.purpose ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var version = ReleaseVersion.full
            if input.outcome == "grant-redacted" {
                guard document.redactedStoredPath != nil else {
                    throw AppError.validation([FieldError(field: "outcome", message: "File the redacted version on the document's page before releasing it.")])
                }
                version = .redacted(note: document.redactedNote ?? text)
            }
            action = .grant(NeedToKnowRelease(version: version, expiresAt: expires, purpose: purpose.isEmpty ? nil : purpose,
                                              redactionLeavesRoleUnimpeded: input.redactionConfirmed))
        case "refuse":
            guard let ground = NeedToKnowRefusalGround(rawValue: input.ground ?? "") else {
                errors.append(FieldError(field: "ground", message: "Choose the ground for refusing"))
                throw AppError.validation(errors + (text.isEmpty ? [FieldError(field: "explanation", message: "Say why the request is refused: the councillor is told.")] : []))
            }
            action = .refuse(ground, explanation: text)
        case "refer": action = .referInDoubt(note: text)
        case "revoke": action = .revoke(reason: text)
        default:
            throw AppError.validation([FieldError(field: "outcome", message: "Choose the decision")])
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let now = req.now
        let next: NeedToKnowRequest
        do {
            next = try state.applying(action, by: ctx.viewer, at: now, document: document.facts, profile: ctx.profile, org: ctx.org)
        } catch {
            var mapped = await error.appError(req, action: "access-request.decide", resourceType: "access-request", resourceID: id)
            // The redaction confirmation and note are one form control each.
            mapped.fieldErrors = mapped.fieldErrors.map { $0.field == "redaction" ? FieldError(field: "redactionConfirmed", message: $0.message) : $0 }
            throw mapped
        }
        try row.store(next, at: now)
        let events = next.history.dropFirst(state.history.count)
        let auditEvents = events.map { event in
            ctx.actor.auditEvent("access-request.\(event.kind.rawValue)", resourceType: "access-request", resourceID: id.uuidString,
                                 detail: Self.auditDetail(next, event: event))
        }
        let authorityID = ctx.authorityID
        let existing = try await ReleaseRecord.scoped(to: authorityID, on: req.db).filter(\.$requestID == id).first()
        let center = NotificationCenter(authorityID: authorityID, protocol: ctx.current)
        let title = document.title
        let link = "/access-requests/\(id.uuidString.lowercased())"
        let referredNow = next.status == .referred && state.status != .referred
        let step = next.history.count
        try await req.write { db in
            for event in auditEvents { try await AuditLog.append(event, on: db, at: now) }
            try await row.update(on: db)
            if let grant = next.grant {
                if let existing { existing.apply(grant); try await existing.update(on: db) }
                else { try await ReleaseRecord(grant, authorityID: authorityID).create(on: db) }
            }
            if referredNow {
                try await center.send(.init(category: "access-request.referred", subject: "A need-to-know request referred to you",
                                            body: "A request to see \"\(title)\" was refused or is in doubt, and is referred to you to determine.",
                                            link: link, eventKey: "access-request.referred|\(id)"),
                                      to: next.referralIDs.map { .officer($0) }, on: db, at: now)
            }
            let told: String? = switch next.status {
            case .granted where state.status != .granted: "Your request to see \"\(title)\" was granted. It is confidential and may be used only for the purpose stated."
            case .granted: next.grant?.revokedAt != nil ? "The release of \"\(title)\" to you was withdrawn." : nil
            case .refused: "Your request to see \"\(title)\" was refused. The page gives the reasons."
            case .referred where referredNow: "Your request to see \"\(title)\" has been referred for determination."
            default: nil
            }
            if let told {
                try await center.send(.init(category: "access-request.decided", subject: "Your need-to-know request", body: told,
                                            link: link, eventKey: "access-request.decided|\(id)|\(step)"),
                                      to: [.member(next.memberID)], on: db, at: now)
            }
        }
        return row
    }
}
