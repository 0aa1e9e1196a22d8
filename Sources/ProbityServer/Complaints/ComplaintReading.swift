import Fluent
import Foundation
import ProbityCore
import Vapor

/// Opening one case for someone: the access policy decides what they see, and every look,
/// allowed or refused, is written to the audit log (LC 13: strictest confidence).
enum ComplaintReading {
    static func open(_ rawID: String?, req: Request, context: ComplaintContext) async throws -> ComplaintPresentation {
        let record = try await ComplaintStore.find(rawID, authorityID: context.actor.authorityID, on: req.db)
        let complaint = try record.complaintCase()
        let access = context.access(complaint)
        let id = try record.requireID()
        guard access.decision.allowed else {
            throw await req.refusal("complaint.view", resourceType: "complaint", resourceID: id.uuidString,
                                    reason: access.decision.explanation)
        }
        let actor = context.actor
        let now = context.now
        let event = actor.auditEvent("complaint.view", resourceType: "complaint", resourceID: id.uuidString, detail: [
            "reference": record.reference, "audience": access.view.audiences.map(\.rawValue).joined(separator: ","),
            "summary": access.audit.summary,
        ])
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return try await presentation(record, complaint, access: access, context: context, on: req.db)
    }

    /// The case as `access` lets this person see it, after a step they took or a look already audited.
    static func presentation(_ record: ComplaintRecord, _ complaint: ComplaintCase, access: ComplaintAccess,
                             context: ComplaintContext, on db: any Database) async throws -> ComplaintPresentation {
        let needsItems = access.view.shows(.investigationDetails) || access.view.shows(.sharedItems)
        let items = needsItems
            ? try await ComplaintItem.scoped(to: record.authorityID, on: db).filter(\.$complaintID == (record.id ?? UUID()))
                .sort(\.$addedAt).all()
            : []
        return try ComplaintPresentation(record: record, complaint: complaint, access: access, items: items, context: context)
    }
}
