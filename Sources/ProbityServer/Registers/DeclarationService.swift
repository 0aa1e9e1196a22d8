import Fluent
import Foundation
import ProbityCore
import Vapor

/// Making, changing and withdrawing declarations, and the decisions others record on them
/// (the HR director's determination, the Monitoring Officer's view on sensitivity). Each change
/// is checked by `RegisterPolicy`, saved, audited and sent to the people the profile names
/// (`DeclarationRouting`) in one transaction. Refusals are audited.
enum DeclarationService {
    // MARK: Reading

    /// The entry as the policy lets the caller see it; a refusal is audited. Reads of someone
    /// else's entry are audited too.
    static func open(_ rawID: String?, req: Request, context: RegisterContext) async throws -> (DeclarationRecord, Declaration) {
        let record = try await DeclarationStore.find(rawID, authorityID: context.actor.authorityID, on: req.db)
        let declaration = try record.declaration()
        let decision = RegisterPolicy.canView(declaration, viewer: context.viewer, profile: context.profile, org: context.org)
        let id = try record.requireID().uuidString
        guard decision.allowed else {
            throw await req.refusal("declaration.read", resourceType: "declaration", resourceID: id, reason: decision.explanation)
        }
        if context.person != declaration.declarant {
            let event = context.actor.auditEvent("declaration.read", resourceType: "declaration", resourceID: id,
                                                 detail: ["kind": record.kind, "reason": decision.explanation])
            let now = context.now
            try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        }
        return (record, declaration)
    }

    // MARK: Making and changing

    static func create(_ input: RegisterInput, req: Request, context: RegisterContext) async throws -> (DeclarationRecord, Declaration) {
        let declarant = try await context.requirePerson(req, action: "declaration.create")
        let allowed = RegisterPolicy.canDeclare(for: declarant, viewer: context.viewer, profile: context.profile)
        guard allowed.allowed else {
            throw await req.refusal("declaration.create", resourceType: "declaration", reason: allowed.explanation)
        }
        let (parsed, errors) = DeclarationFields.read(input, declarant: declarant, existing: nil, org: context.org,
                                                      wardIDs: Set(context.wards.keys), today: context.today)
        guard let declaration = parsed else { throw AppError.validation(errors, detail: "The declaration was not recorded.") }
        let actor = context.actor, now = context.now
        let route = DeclarationRouting.route(declaration, profile: context.profile, org: context.org)
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let org = context.org
        let record = try await req.write { db in
            let record = DeclarationRecord()
            record.id = declaration.id
            record.authorityID = actor.authorityID
            record.createdAt = now
            try record.store(declaration, at: now)
            try await record.create(on: db)
            try await AuditLog.append(actor.auditEvent(
                "declaration.create", resourceType: "declaration", resourceID: declaration.id.uuidString,
                detail: ["kind": record.kind, "sensitivity": record.sensitivity,
                         "sentTo": route.recipients.map(\.description).joined(separator: ",")]), on: db, at: now)
            try await RegisterMessages.declared(declaration, route: route, event: "declaration:\(declaration.id.uuidString.lowercased())",
                                                changed: false, org: org, center: center, on: db, at: now)
            return record
        }
        return (record, declaration)
    }

    /// Changes an entry. `partial` keeps every value the input does not give (the API's PATCH);
    /// otherwise the input is the whole form.
    static func update(_ record: DeclarationRecord, _ current: Declaration, _ input: RegisterInput, partial: Bool,
                       req: Request, context: RegisterContext) async throws -> (DeclarationRecord, Declaration) {
        let id = try record.requireID().uuidString
        let decision = RegisterPolicy.canMaintain(current, viewer: context.viewer, profile: context.profile)
        guard decision.allowed else {
            throw await req.refusal("declaration.update", resourceType: "declaration", resourceID: id, reason: decision.explanation)
        }
        guard !record.isWithdrawn else { throw AppError(.conflict, detail: "This entry has been withdrawn and cannot be changed.") }
        var values = partial ? DeclarationFields.values(of: current) : [:]
        for (key, value) in input.values { values[key] = value }
        let currentKind = DeclarationKindName(current.kind).rawValue
        if values["kind"]?.first.map({ $0.trimmingCharacters(in: .whitespaces) }) ?? currentKind != currentKind {
            throw AppError.validation([FieldError(field: "kind", message: "An entry's kind cannot be changed: withdraw it and make a new one")],
                                      detail: "The declaration was not changed.")
        }
        values["kind"] = [currentKind]
        let (parsed, errors) = DeclarationFields.read(RegisterInput(values: values), declarant: current.declarant, existing: current,
                                                      org: context.org, wardIDs: Set(context.wards.keys), today: context.today)
        guard let declaration = parsed else { throw AppError.validation(errors, detail: "The declaration was not changed.") }
        let actor = context.actor, now = context.now, org = context.org
        let route = DeclarationRouting.route(declaration, profile: context.profile, org: context.org)
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let stamp = String(Int(now.timeIntervalSince1970))
        try await req.write { db in
            try record.store(declaration, at: now)
            try await record.update(on: db)
            try await AuditLog.append(actor.auditEvent(
                "declaration.update", resourceType: "declaration", resourceID: id,
                detail: ["kind": record.kind, "sensitivity": record.sensitivity, "ceasedOn": record.ceasedOn ?? "",
                         "sentTo": route.recipients.map(\.description).joined(separator: ",")]), on: db, at: now)
            try await RegisterMessages.declared(declaration, route: route, event: "declaration:\(id.lowercased()):changed:\(stamp)",
                                                changed: true, org: org, center: center, on: db, at: now)
        }
        return (record, declaration)
    }

    /// Withdraws an entry made in error: it leaves every register and check, and is kept.
    static func withdraw(_ record: DeclarationRecord, _ current: Declaration, req: Request, context: RegisterContext) async throws {
        let id = try record.requireID().uuidString
        let decision = RegisterPolicy.canMaintain(current, viewer: context.viewer, profile: context.profile)
        guard decision.allowed else {
            throw await req.refusal("declaration.withdraw", resourceType: "declaration", resourceID: id, reason: decision.explanation)
        }
        guard !record.isWithdrawn else { throw AppError(.conflict, detail: "This entry has already been withdrawn.") }
        let actor = context.actor, now = context.now
        try await req.write { db in
            record.withdrawnAt = now
            record.updatedAt = now
            try await record.update(on: db)
            try await AuditLog.append(actor.auditEvent("declaration.withdraw", resourceType: "declaration", resourceID: id,
                                                       detail: ["kind": record.kind]), on: db, at: now)
        }
    }

    // MARK: Decisions by others

    /// The HR director records whether someone related to a candidate may continue (TH 14.2).
    static func determine(_ record: DeclarationRecord, _ current: Declaration, _ input: RegisterInput,
                          req: Request, context: RegisterContext) async throws -> Declaration {
        let id = try record.requireID().uuidString
        let decision = RegisterPolicy.canRecordDetermination(on: current, viewer: context.viewer, profile: context.profile, org: context.org)
        guard decision.allowed, let person = context.person else {
            throw await req.refusal("declaration.determination", resourceType: "declaration", resourceID: id, reason: decision.explanation)
        }
        guard !record.isWithdrawn else { throw AppError(.conflict, detail: "This entry has been withdrawn.") }
        var errors: [FieldError] = []
        var mayContinue: Bool?
        switch input.text("mayContinue").lowercased() {
        case "true", "yes": mayContinue = true
        case "false", "no": mayContinue = false
        default: errors.append(FieldError(field: "mayContinue", message: "Say whether they may take further part"))
        }
        let note = RegisterFields.optional(input, "note", errors: &errors) ?? ""
        guard errors.isEmpty, let mayContinue, case .recruitment(var link) = current.kind else {
            throw AppError.validation(errors, detail: "The determination was not recorded.")
        }
        link.determination = RecruitmentDetermination(mayContinue: mayContinue, decidedBy: person, decidedOn: context.today, note: note)
        var declaration = current
        declaration.kind = .recruitment(link)
        let actor = context.actor, now = context.now, org = context.org
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let updated = declaration
        try await req.write { db in
            try record.store(updated, at: now)
            try await record.update(on: db)
            try await AuditLog.append(actor.auditEvent("declaration.determination", resourceType: "declaration", resourceID: id,
                                                       detail: ["mayContinue": String(mayContinue)]), on: db, at: now)
            try await RegisterMessages.determined(updated, by: person, org: org, center: center, on: db, at: now)
        }
        return declaration
    }

    /// The Monitoring Officer agrees or refuses that an interest is sensitive (s.32(1)(b)).
    static func decideSensitivity(_ record: DeclarationRecord, _ current: Declaration, _ input: RegisterInput,
                                  req: Request, context: RegisterContext) async throws -> Declaration {
        let id = try record.requireID().uuidString
        let decision = RegisterPolicy.canDecideSensitivity(viewer: context.viewer)
        guard decision.allowed else {
            throw await req.refusal("declaration.sensitivity", resourceType: "declaration", resourceID: id, reason: decision.explanation)
        }
        guard !record.isWithdrawn else { throw AppError(.conflict, detail: "This entry has been withdrawn.") }
        var errors: [FieldError] = []
        var sensitivity: Sensitivity?
        switch input.text("decision") {
        case "agreed": sensitivity = .agreed
        case "refused": sensitivity = .refused
        default: errors.append(FieldError(field: "decision", message: "Choose whether you agree that the interest is sensitive"))
        }
        if !current.kind.isRegisterable {
            errors.append(FieldError(field: "decision", message: "Only registered interests are published, so only they can be withheld as sensitive"))
        }
        guard errors.isEmpty, let sensitivity else { throw AppError.validation(errors, detail: "Nothing was changed.") }
        var declaration = current
        declaration.sensitivity = sensitivity
        let actor = context.actor, now = context.now
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let updated = declaration
        try await req.write { db in
            try record.store(updated, at: now)
            try await record.update(on: db)
            try await AuditLog.append(actor.auditEvent("declaration.sensitivity", resourceType: "declaration", resourceID: id,
                                                       detail: ["decision": sensitivity.rawValue]), on: db, at: now)
            try await center.send(.init(
                category: "declaration.sensitivity", subject: "Your request to withhold an interest",
                body: sensitivity == .agreed
                    ? "The Monitoring Officer agrees that your interest is sensitive: the published register says only that details are withheld (Localism Act 2011 s.32(2))."
                    : "The Monitoring Officer does not agree that your interest is sensitive, so it is published in full (Localism Act 2011 s.32).",
                link: "/registers/declarations/\(id.lowercased())", eventKey: "declaration:\(id.lowercased()):sensitivity:\(sensitivity.rawValue)"),
                to: [updated.declarant], on: db, at: now)
        }
        return declaration
    }
}

/// The in-app messages the registers send, in the caller's transaction.
enum RegisterMessages {
    /// A new or changed entry, to those the profile sends it to (`DeclarationRoute.recipients`).
    static func declared(_ declaration: Declaration, route: DeclarationRoute, event: String, changed: Bool, org: OrgSnapshot,
                         center: NotificationCenter, on db: any Database, at now: Date) async throws {
        guard !route.recipients.isEmpty else { return }
        let who = org.name(of: declaration.declarant)
        let id = declaration.id.uuidString.lowercased()
        let citations = route.rules.map(\.citation).joined(separator: "; ")
        let verb = changed ? "has changed" : "has declared"
        let subject: String
        let body: String
        switch declaration.kind {
        case .closeRelationship(let relationship):
            subject = "Close personal relationship declared"
            body = "\(who) \(verb) a close personal relationship (\(relationship.nature.displayName)) with \(org.name(of: relationship.with)). It is recorded privately: only they, those the protocol sends it to and the Monitoring Officer can read it (\(citations))."
        case .recruitment(let link):
            subject = "Relationship to a candidate declared"
            let post = link.post.isEmpty ? "process \(link.processID)" : "\(link.post) (process \(link.processID))"
            body = "\(who) \(verb) a relationship to a candidate for \(post). Record whether they may take any further part in the selection or appointment (\(citations))."
        default:
            subject = changed ? "Register entry changed" : "New register entry"
            let sensitive = declaration.sensitivity == .requested ? " They ask for it to be withheld as sensitive: decide whether you agree (Localism Act 2011 s.32)." : ""
            body = "\(who) \(verb) an entry: \(declaration.kind.label).\(sensitive) (\(citations))"
        }
        try await center.send(.init(category: "declaration.\(DeclarationKindName(declaration.kind).rawValue)", subject: subject, body: body,
                                    link: "/registers/declarations/\(id)", eventKey: event), to: route.recipients, on: db, at: now)
    }

    static func determined(_ declaration: Declaration, by person: PersonRef, org: OrgSnapshot, center: NotificationCenter,
                           on db: any Database, at now: Date) async throws {
        guard let determination = declaration.kind.recruitmentLink?.determination else { return }
        let id = declaration.id.uuidString.lowercased()
        let note = determination.note.isEmpty ? "" : " (\(determination.note))"
        let body = determination.mayContinue
            ? "\(org.name(of: person)) has decided that you may continue in the selection or appointment\(note). Declare the relationship to the panel."
            : "\(org.name(of: person)) has decided that you may take no further part in the selection or appointment\(note)."
        try await center.send(.init(category: "declaration.determination", subject: "Decision on your relationship to a candidate", body: body,
                                    link: "/registers/declarations/\(id)", eventKey: "declaration:\(id):determination:\(Int(now.timeIntervalSince1970))"),
                              to: [declaration.declarant], on: db, at: now)
    }
}
