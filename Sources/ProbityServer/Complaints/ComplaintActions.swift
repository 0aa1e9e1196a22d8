import Fluent
import Foundation
import ProbityCore
import SQLKit
import Vapor

/// Taking a step on a case, for pages and the API alike: who may take it is checked (and a
/// refusal audited), the input read, the core transition applied to the case as it stands in
/// the database, and the case, its audit entry and its messages written in one transaction.
enum ComplaintActions {
    /// A step's input, read and checked before the transaction.
    enum Step: Sendable {
        case acknowledge(ComplaintAcknowledgement)
        case startInvestigation
        case addInvestigator(PersonRef)
        case addItem(title: String, body: String)
        case shareWithWitness(PersonRef, items: Set<UUID>)
        case discloseAllegation(String)
        case discloseIdentity(PersonRef)
        case recordInformalResolution(summary: String, statement: String?)
        case recordOutcome(ComplaintOutcome, summary: String, statement: String?, monitoringOfficer: Bool?)
        case refer
        case close
        case assignHandler(PersonRef, reason: String)
    }

    /// Opens the case for `kind`: 404 for another authority's, an audited 403 for someone who
    /// may not see it or may not take the step.
    static func authorise(_ kind: ComplaintActionKind, id: String?, req: Request, context: ComplaintContext) async throws -> (ComplaintRecord, ComplaintCase) {
        let record = try await ComplaintStore.find(id, authorityID: context.actor.authorityID, on: req.db)
        let complaint = try record.complaintCase()
        let access = context.access(complaint)
        guard access.decision.allowed else {
            throw await req.refusal(kind.auditAction, resourceType: "complaint", resourceID: id, reason: access.decision.explanation)
        }
        guard kind.permitted(context, complaint: complaint) else {
            let who = switch kind {
            case .refer: "Only the complainant can"
            case .assignHandler: "Only the handler or the officer who monitors complaints can"
            case .recordOutcome where complaint.stage == .referred: "Only the independent assessor can"
            default: "Only those handling or investigating this complaint can"
            }
            throw await req.refusal(kind.auditAction, resourceType: "complaint", resourceID: id, reason: "\(who) \(kind.phrase).")
        }
        return (record, complaint)
    }

    static func read(_ kind: ComplaintActionKind, _ input: ComplaintInput, record: ComplaintRecord, complaint: ComplaintCase,
                     context: ComplaintContext, on db: any Database) async throws -> Step {
        var errors: [FieldError] = []
        let org = context.org
        let step: Step?
        switch kind {
        case .acknowledge:
            let ack = ComplaintAcknowledgement(receipt: input.text("receipt"), intendedAction: input.text("intendedAction"),
                                               expectedTime: input.text("expectedTime"))
            for key in ["receipt", "intendedAction", "expectedTime"] where input.text(key).count > ComplaintFields.maxStatement {
                errors.append(FieldError(field: key, message: "Keep this to \(ComplaintFields.maxStatement) characters or fewer"))
            }
            for part in ack.missingParts {
                errors.append(FieldError(field: jsonKey(part), message: "Say \(part.requirement): the written acknowledgement must"))
            }
            step = .acknowledge(ack)
        case .startInvestigation: step = .startInvestigation
        case .refer: step = .refer
        case .close: step = .close
        case .addInvestigator:
            step = ComplaintFields.person(input, "person", "Choose the investigating officer", org: org, errors: &errors).map(Step.addInvestigator)
        case .addItem:
            let title = ComplaintFields.required(input, "title", "Give the item a short title", max: ComplaintFields.maxTitle, errors: &errors)
            let body = ComplaintFields.required(input, "body", "Write the item: the evidence, note or statement", max: ComplaintFields.maxNarrative, errors: &errors)
            step = .addItem(title: title, body: body)
        case .shareWithWitness:
            let witness = ComplaintFields.person(input, "witness", "Choose the witness", org: org, errors: &errors)
            let known = Set(try await ComplaintItem.scoped(to: record.authorityID, on: db)
                .filter(\.$complaintID == (record.id ?? UUID())).all().compactMap(\.id))
            let raw = input.list("items")
            let items = Set(raw.compactMap(UUID.init(uuidString:)))
            if raw.isEmpty { errors.append(FieldError(field: "items", message: "Choose what to give the witness: they see only what they are given")) }
            else if items.count != Set(raw).count || !items.isSubset(of: known) {
                errors.append(FieldError(field: "items", message: "Choose items of this complaint's investigation"))
            }
            step = witness.map { .shareWithWitness($0, items: items) }
        case .discloseAllegation:
            let text = ComplaintFields.required(input, "allegation", "Write the allegation as the person complained about is to be told it",
                                                max: ComplaintFields.maxNarrative, errors: &errors)
            step = .discloseAllegation(text)
        case .discloseIdentity:
            step = ComplaintFields.person(input, "to", "Choose who is to be told who complained", org: org, errors: &errors).map(Step.discloseIdentity)
        case .recordInformalResolution:
            let summary = ComplaintFields.required(input, "summary", "Say how the complaint was resolved", max: ComplaintFields.maxNarrative, errors: &errors)
            let statement = ComplaintFields.optional(input, "complainantStatement", max: ComplaintFields.maxStatement, errors: &errors)
            step = .recordInformalResolution(summary: summary, statement: statement)
        case .recordOutcome:
            let outcome: ComplaintOutcome? = ComplaintFields.choice(input, "outcome", "Choose the outcome", errors: &errors)
            let summary = ComplaintFields.required(input, "summary", "Summarise what was found and done", max: ComplaintFields.maxNarrative, errors: &errors)
            let statement = ComplaintFields.optional(input, "complainantStatement", max: ComplaintFields.maxStatement, errors: &errors)
            let monitoringOfficer = ComplaintFields.yesNo(input, "goesToMonitoringOfficer", errors: &errors)
            step = outcome.map { .recordOutcome($0, summary: summary, statement: statement, monitoringOfficer: monitoringOfficer) }
        case .assignHandler:
            let person = ComplaintFields.person(input, "person", "Choose who is to handle the complaint", org: org, errors: &errors)
            let reason = ComplaintFields.required(input, "reason", "Say why it goes to them", max: ComplaintFields.maxStatement, errors: &errors)
            step = person.map { .assignHandler($0, reason: reason) }
        }
        guard errors.isEmpty, let step else { throw AppError.validation(errors, detail: "Nothing was changed.") }
        return step
    }

    /// Applies `step` to the case as it stands, inside one transaction with its audit entry and messages.
    static func perform(_ kind: ComplaintActionKind, _ step: Step, record original: ComplaintRecord,
                        req: Request, context: ComplaintContext) async throws -> (ComplaintRecord, ComplaintCase) {
        let actor = context.actor
        let now = context.now
        let today = context.today
        let profile = context.profile
        let org = context.org
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let id = try original.requireID()
        let viewer = context.person
        return try await req.write { db in
            try await lock(id, on: db)
            guard let record = try await ComplaintRecord.find(id, in: actor.authorityID, on: db) else {
                throw AppError.notFound("The complaint")
            }
            var complaint = try record.complaintCase()
            guard kind.permitted(context, complaint: complaint), let viewer else {
                throw AppError(.conflict, detail: "The complaint changed while you were working on it: you can no longer \(kind.phrase).")
            }
            var detail = ["reference": record.reference]
            do {
                switch step {
                case .acknowledge(let ack): try complaint.acknowledge(ack, on: today)
                case .startInvestigation: try complaint.startInvestigation(on: today)
                case .addInvestigator(let person):
                    try complaint.addInvestigator(person, on: today)
                    detail["investigator"] = person.description
                case .addItem(let title, let body):
                    // Items are the server's; the case refers to them by id when they are shared.
                    guard complaint.stage.isOpen else {
                        throw AppError(.conflict, title: "This step cannot be taken now", detail: "A closed complaint cannot change.")
                    }
                    let item = ComplaintItem()
                    item.authorityID = actor.authorityID
                    item.complaintID = id
                    item.title = title
                    item.body = body
                    item.addedAt = now
                    item.addedBy = actor.displayName
                    try await item.create(on: db)
                    detail["item"] = item.id?.uuidString ?? ""
                case .shareWithWitness(let witness, let items):
                    try complaint.share(items, withWitness: witness, on: today)
                    detail["witness"] = witness.description
                    detail["items"] = String(items.count)
                case .discloseAllegation(let text):
                    try complaint.discloseAllegationToSubject(on: today)
                    record.disclosedAllegation = text
                case .discloseIdentity(let person):
                    try complaint.discloseComplainantIdentity(to: person, on: today)
                    detail["to"] = person.description
                case .recordInformalResolution(let summary, let statement):
                    try complaint.recordInformalResolution(summary: summary, complainantStatement: statement, on: today)
                case .recordOutcome(let outcome, let summary, let statement, let monitoringOfficer):
                    try complaint.recordOutcome(outcome, summary: summary, complainantStatement: statement,
                                                goesToMonitoringOfficer: monitoringOfficer, on: today)
                    detail["outcome"] = outcome.rawValue
                case .refer:
                    try complaint.refer(by: viewer, on: today, profile: profile, org: org)
                case .close: try complaint.close(on: today)
                case .assignHandler(let person, let reason):
                    try complaint.assignHandler(person, on: today, reason: reason)
                    detail["handler"] = person.description
                }
            } catch let error as ComplaintTransitionError {
                throw appError(error, kind: kind)
            }
            detail["stage"] = complaint.stage.rawValue
            try await ComplaintStore.save(record, complaint, on: db, at: now)
            try await AuditLog.append(actor.auditEvent(kind.auditAction, resourceType: "complaint", resourceID: id.uuidString, detail: detail),
                                      on: db, at: now)
            try await messages(kind, step, record: record, complaint: complaint, profile: profile, center: center, on: db, at: now)
            return (record, complaint)
        }
    }

    /// On PostgreSQL, holds the case's row until the transaction ends, so two servers taking a
    /// step on one case at once take them one after the other. SQLite writes one at a time anyway.
    private static func lock(_ id: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: ComplaintRecord.schema) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    static func jsonKey(_ part: ComplaintAcknowledgementPart) -> String {
        switch part {
        case .receipt: "receipt"
        case .intendedAction: "intendedAction"
        case .expectedTime: "expectedTime"
        }
    }

    /// The core's refusal as a validation message on a field, or a conflict with the case's stage.
    static func appError(_ error: ComplaintTransitionError, kind: ComplaintActionKind) -> AppError {
        func field(_ key: String) -> AppError {
            AppError.validation([FieldError(field: key, message: error.message)], detail: "Nothing was changed.")
        }
        switch error {
        case .incompleteAcknowledgement(let missing):
            return AppError.validation(missing.map { FieldError(field: jsonKey($0), message: error.message) }, detail: "Nothing was changed.")
        case .summaryRequired: return field(kind == .assignHandler ? "reason" : "summary")
        case .informalResolutionRecordedSeparately, .assessmentOutcomeNotAllowed: return field("outcome")
        case .monitoringOfficerDecisionRequired: return field("goesToMonitoringOfficer")
        case .partyNotAllowed:
            switch kind {
            case .shareWithWitness: return field("witness")
            case .discloseIdentity: return field("to")
            default: return field("person")
            }
        case .referralOnlyByComplainant:
            return AppError(.forbidden, detail: error.message)
        case .notAllowed, .alreadyClosed, .referralNotInForce, .referralNeedsInvestigationResult, .alreadyReferred,
             .referralNotForStatutoryProcedure, .noIndependentAssessor, .dateBeforeReceipt, .dateBeforeLastStep:
            return AppError(.conflict, title: "This step cannot be taken now", detail: error.message)
        }
    }

    private static func messages(_ kind: ComplaintActionKind, _ step: Step, record: ComplaintRecord, complaint: ComplaintCase,
                                 profile: ProtocolProfile, center: NotificationCenter, on db: any Database, at now: Date) async throws {
        let key = "complaint.\(kind.rawValue):\(record.reference):\(complaint.history.count)"
        let what = complaint.kind.displayName
        let confidence = profile.complaints.needToKnow.inForce
            ? " Keep it in the strictest confidence (\(profile.complaints.needToKnow.citationText(in: profile.document)))." : " Keep it confidential."
        func send(_ category: String, _ subject: String, _ body: String, to people: [PersonRef]) async throws {
            try await ComplaintMessages.step(record, category: category, subject: subject, body: body, eventKey: key,
                                             to: people, center: center, on: db, at: now)
        }
        switch step {
        case .acknowledge(let ack):
            try await send("complaint.acknowledged", "your \(what) has been acknowledged",
                           "\(ack.receipt)\n\nWhat will be done: \(ack.intendedAction)\n\nHow long it will take: \(ack.expectedTime)",
                           to: [complaint.complainant])
        case .addInvestigator(let person):
            try await send("complaint.investigator", "you are asked to investigate a \(what)",
                           "You have been added as an investigating officer.\(confidence)", to: [person])
        case .shareWithWitness(let witness, _):
            try await send("complaint.witness", "you are asked to give evidence",
                           "You have been given what you need to know to give evidence about a \(what), and nothing more.\(confidence)", to: [witness])
        case .discloseAllegation:
            try await send("complaint.allegation", "a \(what) about you",
                           "The investigator has told you of an allegation made about you. Open it to read it as disclosed to you.", to: [complaint.subject])
        case .recordInformalResolution, .recordOutcome:
            try await send("complaint.outcome", "the outcome of your \(what)",
                           "An outcome has been recorded. Open it to read what you are told of it.", to: [complaint.complainant])
        case .refer:
            let rule = complaint.referral.map { " (\($0.rule.citation))" } ?? ""
            try await send("complaint.referred", "referred to you for independent assessment",
                           "The complainant is not satisfied with the result of the investigation and has referred it to you for an independent assessment\(rule).\(confidence)",
                           to: complaint.referral?.assessors ?? [])
        case .close:
            try await send("complaint.closed", "your \(what) is closed", "The \(what) has been closed.", to: [complaint.complainant])
        case .assignHandler(let person, _):
            try await send("complaint.assigned", "a \(what) for you to handle",
                           "A \(what) has been given to you to handle. Acknowledge it in writing by \(complaint.acknowledgeBy.displayShort) if that has not been done.\(confidence)",
                           to: [person])
        case .startInvestigation, .addItem, .discloseIdentity:
            break
        }
    }
}
