import Fluent
import Foundation
import ProbityCore
import SQLKit
import Vapor

/// The enquiry operations pages and the API share. Rules come from the core: who may raise
/// and see, routing, deadlines and state changes; this adapts them to storage, audit and
/// messages, each change in one transaction.
struct EnquiryService {
    let req: Request
    let ctx: EnquiryContext

    init(req: Request, ctx: EnquiryContext) {
        self.req = req
        self.ctx = ctx
    }

    // MARK: Intake

    func create(_ input: EnquiryIntakeInput) async throws -> EnquiryRecord {
        let (checkedFiles, fileErrors) = AttachmentStore.check(input.uploads)
        let attachments = checkedFiles.map { EnquiryAttachment(filename: $0.filename, byteCount: $0.data.count, contentType: $0.contentType) }
        var (draftValue, errors) = input.draft(viewer: ctx.viewer, org: ctx.org, attachments: attachments)
        errors += fileErrors

        if let draft = draftValue, ctx.org.members[draft.memberID] != nil {
            let may = EnquiryIntake.mayRaise(viewer: ctx.viewer, forMemberID: draft.memberID, profile: ctx.profile, org: ctx.org)
            guard may.allowed else {
                throw await req.refusal("enquiry.create", resourceType: "enquiry", reason: may.explanation)
            }
            switch EnquiryIntake.validate(draft, profile: ctx.profile) {
            case .accepted: break
            case .invalid(let fieldErrors): errors += fieldErrors.map { FieldError(field: $0.field, message: $0.message) }
            case .refused(let refusal):
                // The protocol refuses the purpose: recorded, and explained with its paragraph.
                _ = await req.refusal("enquiry.create", resourceType: "enquiry", reason: refusal.explanation)
                throw AppError.validation([FieldError(field: "purpose", message: refusal.explanation)],
                                          detail: "Officers cannot help with this enquiry under the protocol.")
            }
            if let ward = draft.wardID, try await Ward.find(ward, in: ctx.actor.authorityID, on: req.db) == nil {
                errors.append(FieldError(field: "ward", message: "Choose a ward of this council"))
            }
        }
        guard errors.isEmpty, let draft = draftValue, let serviceID = draft.serviceID else {
            throw AppError.validation(Self.unique(errors), detail: "The enquiry was not sent. Correct the problems and try again.")
        }
        let routing: EnquiryRoutingOutcome
        switch EnquiryRouter.route(routine: draft.isRoutine, serviceID: serviceID, memberID: draft.memberID, profile: ctx.profile, org: ctx.org) {
        case .success(let outcome): routing = outcome
        case .failure(let error):
            throw AppError.validation([FieldError(field: "service", message: error.message)], detail: "The enquiry could not be routed.")
        }
        guard let raisedBy = EnquiryRaisedBy(viewer: ctx.viewer, memberID: draft.memberID) else {
            throw await req.refusal("enquiry.create", resourceType: "enquiry", reason: "You cannot raise an enquiry for this member.")
        }
        let now = req.now
        let deadlines = EnquiryDeadlines.compute(receivedAt: now, profile: ctx.profile, calendar: ctx.calendar)
        let state = EnquiryState.registered(draft, raisedBy: raisedBy, serviceID: serviceID, routing: routing, receivedAt: now)

        let id = UUID()
        let dataDirectory = req.probity.settings.dataDirectory
        var stored: [(AttachmentStore.Checked, String)] = []
        do {
            for file in checkedFiles {
                stored.append((file, try AttachmentStore.write(file, authorityID: ctx.actor.authorityID, dataDirectory: dataDirectory)))
            }
        } catch {
            Self.remove(stored.map(\.1), dataDirectory: dataDirectory)
            throw AppError(.unavailable, detail: "The attachments could not be stored, so the enquiry was not sent. Please try again.")
        }
        let actor = ctx.actor
        let ctx = self.ctx
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: ctx.current)
        let files = stored
        do {
            return try await req.write { db in
                // The audit append takes the chain lock first, so references are numbered one at a time.
                try await AuditLog.append(actor.auditEvent("enquiry.create", resourceType: "enquiry", resourceID: id.uuidString,
                                                           detail: ["member": draft.memberID.uuidString, "service": serviceID.uuidString,
                                                                    "routedTo": routing.officerID.uuidString, "rule": routing.rule.ruleId,
                                                                    "dueRule": deadlines.responseRule.ruleId, "respondBy": deadlines.respondBy.iso]),
                                          on: db, at: now)
                let record = EnquiryRecord()
                record.id = id
                record.authorityID = actor.authorityID
                record.reference = try await Self.nextReference(authorityID: actor.authorityID, year: CalendarDate.london(now).year, on: db)
                record.memberID = draft.memberID
                record.assistantID = raisedBy.assistantID
                record.loggedByOfficerID = raisedBy.loggingOfficerID
                record.serviceID = serviceID
                record.wardID = draft.wardID
                record.subject = draft.subject.trimmingCharacters(in: .whitespacesAndNewlines)
                record.routine = routing.routine
                record.receivedAt = now
                record.currentHandlerID = routing.officerID
                Self.setDeadlines(record, deadlines)
                record.draftJSON = try StoredJSON.text(draft)
                try record.store(state, at: now)
                try await record.create(on: db)
                try await EnquiryHandler(enquiryID: id, officerID: routing.officerID).create(on: db)
                for (file, path) in files {
                    let a = EnquiryAttachmentRecord()
                    a.enquiryID = id
                    a.filename = file.filename
                    a.contentType = file.contentType
                    a.byteCount = file.data.count
                    a.sha256 = file.sha256
                    a.storedPath = path
                    a.uploadedAt = now
                    try await a.create(on: db)
                }
                try await center.send(.init(category: "enquiry.assigned", subject: "New enquiry \(record.reference): \(record.subject)",
                                            body: "From \(ctx.memberName(draft.memberID)). \(deadlines.responseDisplay).",
                                            link: "/enquiries/\(id.uuidString.lowercased())", eventKey: "enquiry.assigned|\(id)|0"),
                                      to: [.officer(routing.officerID)], on: db, at: now)
                return record
            }
        } catch {
            Self.remove(stored.map(\.1), dataDirectory: dataDirectory)
            throw error
        }
    }

    static func setDeadlines(_ record: EnquiryRecord, _ deadlines: EnquiryDeadlines) {
        record.acknowledgeBy = deadlines.acknowledgeBy?.iso
        record.respondBy = deadlines.respondBy.iso
        record.dueRuleID = deadlines.responseRule.ruleId
        record.dueCitation = deadlines.responseRule.citation
        record.dueStatement = deadlines.responseRule.statement
        record.dueWorkingDays = deadlines.responseWorkingDays
    }

    static func nextReference(authorityID: UUID, year: Int, on db: any Database) async throws -> String {
        let prefix = "ENQ-\(year)-"
        let last = try await EnquiryRecord.scoped(to: authorityID, on: db).filter(\.$reference >= prefix)
            .filter(\.$reference < "ENQ-\(year)-~").sort(\.$reference, .descending).first()
        let next = (last.flatMap { Int($0.reference.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + String(format: "%05d", next)
    }

    private static func remove(_ paths: [String], dataDirectory: String) {
        for path in paths { try? FileManager.default.removeItem(at: URL(fileURLWithPath: dataDirectory).appendingPathComponent(path)) }
    }

    private static func unique(_ errors: [FieldError]) -> [FieldError] {
        var seen: Set<String> = []
        return errors.filter { seen.insert("\($0.field)|\($0.message)").inserted }
    }

    // MARK: Reading

    /// The enquiry if the viewer may see it. Every look is audited; a refusal is audited and
    /// answered 403 with the reason; another authority's enquiry does not exist (404).
    func load(_ id: UUID, auditAs action: String = "enquiry.view") async throws -> (EnquiryRecord, EnquiryState) {
        guard let record = try await EnquiryRecord.find(id, in: ctx.actor.authorityID, on: req.db) else {
            throw AppError.notFound("The enquiry")
        }
        let state = try record.state
        let decision = EnquiryPolicy.canView(viewer: ctx.viewer, facts: state.accessFacts, profile: ctx.profile, org: ctx.org)
        guard decision.allowed else {
            throw await req.refusal(action, resourceType: "enquiry", resourceID: id.uuidString, reason: decision.explanation)
        }
        let event = ctx.actor.auditEvent(action, resourceType: "enquiry", resourceID: id.uuidString, detail: ["reference": record.reference])
        let now = req.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (record, state)
    }

    // MARK: Acting

    /// Applies `action` if the viewer may and the enquiry allows it; writes the state, the
    /// reply text, the audit entry and any messages in one transaction.
    func act(_ id: UUID, _ action: EnquiryAction, replyText: String? = nil) async throws -> EnquiryRecord {
        guard let record = try await EnquiryRecord.find(id, in: ctx.actor.authorityID, on: req.db) else {
            throw AppError.notFound("The enquiry")
        }
        let state = try record.state
        let auditAction = "enquiry.\(action.kind.rawValue)"
        let view = EnquiryPolicy.canView(viewer: ctx.viewer, facts: state.accessFacts, profile: ctx.profile, org: ctx.org)
        guard view.allowed else {
            throw await req.refusal(auditAction, resourceType: "enquiry", resourceID: id.uuidString, reason: view.explanation)
        }
        let may = EnquiryPolicy.canAct(action.kind, viewer: ctx.viewer, facts: state.accessFacts, profile: ctx.profile, org: ctx.org)
        guard may.allowed else {
            throw await req.refusal(auditAction, resourceType: "enquiry", resourceID: id.uuidString, reason: may.explanation)
        }
        var replyBody: String?
        if case .respond = action {
            let text = (replyText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { throw AppError.validation([FieldError(field: "reply", message: "Enter the response to send")]) }
            if text.count > 20_000 { throw AppError.validation([FieldError(field: "reply", message: "The response must be 20,000 characters or fewer")]) }
            replyBody = text
        }
        let now = req.now
        let next: EnquiryState
        do {
            next = try state.applying(action, at: now, profile: ctx.profile, org: ctx.org)
        } catch {
            let message = error.rule.map { "\(error.message) (\($0.citation))" } ?? error.message
            throw AppError.validation([FieldError(field: error.field ?? Self.field(for: action), message: message)], detail: message)
        }
        let ctx = self.ctx
        let actor = ctx.actor
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: ctx.current)
        var detail = ["reference": record.reference, "status": next.status.rawValue]
        if case .assign(let officer) = action { detail["officer"] = officer.uuidString }
        if case .respond(let route, let confidential, _) = action { detail["route"] = route.rawValue; detail["confidential"] = String(confidential) }
        let auditDetail = detail
        let body = replyBody
        return try await req.write { db in
            if case .reopen = action {
                // A fresh response period, counted from the reopening, with its own chase steps.
                Self.setDeadlines(record, EnquiryDeadlines.compute(receivedAt: now, profile: ctx.profile, calendar: ctx.calendar))
            }
            try record.store(next, at: now)
            try await record.update(on: db)
            try await AuditLog.append(actor.auditEvent(auditAction, resourceType: "enquiry", resourceID: id.uuidString, detail: auditDetail), on: db, at: now)
            let link = "/enquiries/\(id.uuidString.lowercased())"
            switch action {
            case .assign(let officer):
                if try await EnquiryHandler.query(on: db).filter(\.$enquiryID == id).filter(\.$officerID == officer).count() == 0 {
                    try await EnquiryHandler(enquiryID: id, officerID: officer).create(on: db)
                }
                try await center.send(.init(category: "enquiry.assigned", subject: "Enquiry \(record.reference) passed to you: \(record.subject)",
                                            body: "Due \(record.respondBy). Passed on by \(actor.displayName).", link: link,
                                            eventKey: "enquiry.assigned|\(id)|\(next.assignments.count - 1)"),
                                      to: [.officer(officer)], on: db, at: now)
            case .respond:
                try await EnquiryReply(enquiryID: id, position: next.responses.count - 1, body: body ?? "").create(on: db)
                try await center.send(.init(category: "enquiry.responded", subject: "Response to your enquiry \(record.reference)",
                                            body: record.subject, link: link, eventKey: "enquiry.responded|\(id)|\(next.responses.count - 1)"),
                                      to: [.member(record.memberID)], on: db, at: now)
            case .acknowledge:
                try await center.send(.init(category: "enquiry.acknowledged", subject: "Your enquiry \(record.reference) has been acknowledged",
                                            body: record.subject, link: link, eventKey: "enquiry.acknowledged|\(id)|\(next.cycle)"),
                                      to: [.member(record.memberID)], on: db, at: now)
            case .notifyDelay(let explanation):
                try await center.send(.init(category: "enquiry.delay", subject: "Your enquiry \(record.reference) will take longer",
                                            body: explanation, link: link, eventKey: "enquiry.delay|\(id)|\(next.delayNotices.count)"),
                                      to: [.member(record.memberID)], on: db, at: now)
            case .addNote, .close, .reopen, .chase:
                break
            }
            return record
        }
    }

    private static func field(for action: EnquiryAction) -> String {
        switch action {
        case .acknowledge, .notifyDelay: "explanation"
        case .respond: "route"
        case .assign: "officer"
        case .addNote: "note"
        case .close, .reopen: "reason"
        case .chase: "step"
        }
    }

    func replies(_ record: EnquiryRecord) async throws -> [Int: String] {
        let rows = try await EnquiryReply.query(on: req.db).filter(\.$enquiryID == record.id!).all()
        return Dictionary(rows.map { ($0.position, $0.body) }, uniquingKeysWith: { a, _ in a })
    }

    func attachments(_ record: EnquiryRecord) async throws -> [EnquiryAttachmentRecord] {
        try await EnquiryAttachmentRecord.query(on: req.db).filter(\.$enquiryID == record.id!).sort(\.$uploadedAt).all()
    }
}

extension EnquiryService {
    /// Adds a file to an enquiry the viewer may act on (the member, their assistant or the
    /// handling officers' line).
    func attach(to id: UUID, upload: AttachmentStore.Upload) async throws -> EnquiryAttachmentRecord {
        guard let record = try await EnquiryRecord.find(id, in: ctx.actor.authorityID, on: req.db) else { throw AppError.notFound("The enquiry") }
        let state = try record.state
        let view = EnquiryPolicy.canView(viewer: ctx.viewer, facts: state.accessFacts, profile: ctx.profile, org: ctx.org)
        guard view.allowed else {
            throw await req.refusal("enquiry.attachment.add", resourceType: "enquiry", resourceID: id.uuidString, reason: view.explanation)
        }
        guard state.status != .closed else {
            throw AppError.validation([FieldError(field: "attachments", message: "The enquiry is closed: reopen it to add files")])
        }
        let existing = try await attachments(record).count
        let (files, errors) = AttachmentStore.check([upload])
        if existing >= EnquiryAttachment.maximumCount {
            throw AppError.validation([FieldError(field: "attachments", message: "An enquiry can have \(EnquiryAttachment.maximumCount) files at most")])
        }
        guard errors.isEmpty, let file = files.first else { throw AppError.validation(errors) }
        let dataDirectory = req.probity.settings.dataDirectory
        let path = try AttachmentStore.write(file, authorityID: ctx.actor.authorityID, dataDirectory: dataDirectory)
        let now = req.now
        let actor = ctx.actor
        do {
            return try await req.write { db in
                let a = EnquiryAttachmentRecord()
                a.enquiryID = id
                a.filename = file.filename
                a.contentType = file.contentType
                a.byteCount = file.data.count
                a.sha256 = file.sha256
                a.storedPath = path
                a.uploadedAt = now
                try await a.create(on: db)
                try await AuditLog.append(actor.auditEvent("enquiry.attachment.add", resourceType: "enquiry", resourceID: id.uuidString,
                                                           detail: ["filename": file.filename, "sha256": file.sha256]), on: db, at: now)
                return a
            }
        } catch {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: dataDirectory).appendingPathComponent(path))
            throw error
        }
    }
}
