import Fluent
import Foundation
import ProbityCore
import Vapor

/// Recording consultations, for the pages and the API. The record, the messages (to the
/// member consulted and to any adviser the officer turns to) and the audit entry are one
/// transaction.
enum ConsultationService {
    static let fields = ["title", "proposal", "member", "capacity", "memberView", "decision", "divergent", "route", "advice"]
    static let capacities = ["lead-member": "Lead Member", "chair": "Committee Chair", "local-member": "Local member"]
    /// Keys a client might send to record a member's approval: there is no such thing (LE 25).
    static let signOffKeys: Set<String> = ["approved", "approval", "signOff", "signedOff", "memberApproval"]

    /// `citation` is the authority's `notifications.delegatedDecisionConsultation`, cited when a
    /// client tries to record a member's sign-off.
    static func input(json object: [String: JSONValue], citation: String) throws -> ComplaintInput {
        if let key = object.keys.first(where: { signOffKeys.contains($0) }) {
            throw AppError.validation([FieldError(field: key, message: "A member is consulted, not asked to approve or sign off: the decision remains the officer's (\(citation))")],
                                      detail: "Nothing was recorded.")
        }
        var errors: [FieldError] = []
        if let value = object["divergent"], value != .null { if case .bool = value {} else { errors.append(FieldError(field: "divergent", message: "divergent must be true or false")) } }
        for (key, value) in object where key != "divergent" { if case .array = value { errors.append(FieldError(field: key, message: "\(key) must be a string")) } }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try ComplaintInput(json: object, allowed: fields)
    }

    static func mayRecord(_ actor: Actor) -> Bool { actor.canAdminister || (actor.personKind == .officer && actor.personID != nil) }

    static func record(_ input: ComplaintInput, req: Request) async throws -> ConsultationRecord {
        let actor = try req.requireActor()
        guard mayRecord(actor) else {
            throw await req.refusal("consultation.create", resourceType: "consultation", reason: "Only officers record the consultations they hold before a delegated decision (Leicestershire protocol 21).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        var errors: [FieldError] = []
        let title = ComplaintFields.required(input, "title", "Enter the decision being taken", max: 200, errors: &errors)
        let proposal = ComplaintFields.required(input, "proposal", "Enter the proposal you consulted on", max: 10_000, errors: &errors)
        let view = ComplaintFields.required(input, "memberView", "Enter the member's view", max: 10_000, errors: &errors)
        let decision = ComplaintFields.required(input, "decision", "Enter your decision", max: 10_000, errors: &errors)
        let advice = ComplaintFields.optional(input, "advice", max: 10_000, errors: &errors)
        let member = UUID(uuidString: input.text("member")).flatMap { org.members[$0] }
        if member == nil { errors.append(FieldError(field: "member", message: "Choose the member you consulted")) }
        let capacity = input.text("capacity")
        if capacities[capacity] == nil { errors.append(FieldError(field: "capacity", message: "Choose whether they were consulted as Lead Member, Chair or local member")) }
        let divergent = WardMatterService.flag(input, "divergent")
        var route: Consultations.Route?
        if !input.text("route").isEmpty {
            route = Consultations.Route(rawValue: input.text("route"))
            if route == nil { errors.append(FieldError(field: "route", message: "Choose one of the routes the protocol offers")) }
        }
        if errors.isEmpty, case .invalid(let field, let message)? = Consultations.check(divergent: divergent, route: route, profile: current.profile) {
            errors.append(FieldError(field: field, message: message))
        }
        guard errors.isEmpty, let member else { throw AppError.validation(errors, detail: "Nothing was recorded.") }

        let rule = current.profile.notifications.delegatedDecisionConsultation
        let citation = rule.citationText(in: current.profile.document)
        let now = req.now
        let record = ConsultationRecord()
        record.id = UUID()
        record.authorityID = actor.authorityID
        record.title = title
        record.proposal = proposal
        record.memberID = member.id
        record.memberName = member.name
        record.memberCapacity = capacity
        record.memberView = view
        record.decision = decision
        record.divergent = divergent
        record.route = route?.rawValue
        record.officerAdvice = advice
        record.recordedByUserID = actor.userID
        record.recordedByName = actor.displayName
        record.recordedAt = now
        record.ruleCitation = citation
        let id = record.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let advisers: [PersonRef] = route?.adviser.map { org.resolveAll([Recipient($0)], parties: CaseParties()) } ?? []
        let chosenRoute = route
        let event = actor.auditEvent("consultation.create", resourceType: "consultation", resourceID: id.uuidString,
                                     detail: ["member": member.id.uuidString, "divergent": String(divergent), "route": route?.rawValue ?? "",
                                              "advisers": String(advisers.count), "rule": citation])
        try await req.write { db in
            try await record.create(on: db)
            try await center.send(NotificationCenter.Message(
                category: "consultation.recorded", subject: "Your view on \(title) is recorded",
                body: "\(actor.displayName) recorded your view as \(capacities[capacity]!.lowercased()). The decision remains the officer's (\(citation)).",
                link: "/consultations/\(id.uuidString)", eventKey: "consultation|\(id.uuidString)"), to: [.member(member.id)], on: db, at: now)
            if let route = chosenRoute, !advisers.isEmpty {
                try await center.send(NotificationCenter.Message(
                    category: "consultation.advice", subject: "Advice sought: \(title)",
                    body: "\(actor.displayName) and \(member.name) differ materially on a delegated decision and \(actor.displayName) has chosen to \(route.label.lowercased()) (\(citation)).",
                    link: "/consultations/\(id.uuidString)", eventKey: "consultation-advice|\(id.uuidString)"), to: advisers, on: db, at: now)
            }
            try await AuditLog.append(event, on: db, at: now)
        }
        return record
    }

    /// Adds an officer's advice to a recorded decision (LE 6).
    static func addAdvice(_ raw: String?, advice text: String, req: Request) async throws -> ConsultationRecord {
        let actor = try req.requireActor()
        let record = try await find(raw, req: req, audit: false)
        guard mayRecord(actor) else {
            throw await req.refusal("consultation.advice", resourceType: "consultation", resourceID: record.id?.uuidString,
                                    reason: "Only officers record their advice on a decision (Leicestershire protocol 6).")
        }
        let advice = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !advice.isEmpty, advice.count <= 10_000 else {
            throw AppError.validation([FieldError(field: "advice", message: advice.isEmpty ? "Enter your advice" : "Keep this to 10000 characters or fewer")], detail: "Nothing was recorded.")
        }
        let now = req.now
        let entry = "\(actor.displayName), \(DisplayFormat.dateTime(now)): \(advice)"
        record.officerAdvice = [record.officerAdvice, entry].compactMap { $0 }.joined(separator: "\n\n")
        let event = actor.auditEvent("consultation.advice", resourceType: "consultation", resourceID: record.id!.uuidString)
        try await req.write { db in
            try await record.update(on: db)
            try await AuditLog.append(event, on: db, at: now)
        }
        return record
    }

    static func visible(_ req: Request) throws -> QueryBuilder<ConsultationRecord>? {
        let actor = try req.requireActor()
        let query = ConsultationRecord.scoped(to: actor.authorityID, on: req.db)
        if mayRecord(actor) { return query }
        guard actor.personKind == .member, let member = actor.personID else { return nil }
        return query.filter(\.$memberID == member)
    }

    static func find(_ raw: String?, req: Request, audit: Bool = true) async throws -> ConsultationRecord {
        let actor = try req.requireActor()
        guard let id = raw.flatMap(UUID.init(uuidString:)), let record = try await ConsultationRecord.find(id, in: actor.authorityID, on: req.db) else {
            throw AppError.notFound("The consultation")
        }
        guard mayRecord(actor) || (actor.personKind == .member && actor.personID == record.memberID) else {
            throw await req.refusal("consultation.read", resourceType: "consultation", resourceID: id.uuidString,
                                    reason: "Only officers and the member consulted can see a consultation.", notFound: true)
        }
        if audit {
            let now = req.now
            let event = actor.auditEvent("consultation.read", resourceType: "consultation", resourceID: id.uuidString)
            try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        }
        return record
    }
}
