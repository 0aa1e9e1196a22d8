import Vapor

extension Request {
    /// Records a refusal in the audit log (in its own transaction, since nothing else is written)
    /// and returns the error to throw. Every refused read or write goes through here.
    func refusal(_ action: String, resourceType: String? = nil, resourceID: String? = nil,
                 reason: String, notFound: Bool = false) async -> AppError {
        let event: AuditEvent
        if let actor {
            event = actor.auditEvent(action, resourceType: resourceType, resourceID: resourceID, outcome: .refused, detail: ["reason": reason])
        } else {
            event = AuditEvent(authorityID: nil, actorUserID: nil, actorName: "anonymous", action: action,
                               resourceType: resourceType, resourceID: resourceID, outcome: .refused, detail: ["reason": reason])
        }
        let now = self.now
        do {
            try await write { db in try await AuditLog.append(event, on: db, at: now) }
        } catch {
            logger.error("Could not audit a refusal", metadata: ["action": .string(action), "error": .string("\(error)")])
        }
        return notFound ? AppError.notFound(resourceType ?? "The record") : AppError(.forbidden, detail: reason)
    }

    func requireAdministrator(_ action: String) async throws -> Actor {
        let actor = try requireActor()
        guard actor.canAdminister else {
            throw await refusal(action, reason: "Only the authority's administrators can do this.")
        }
        return actor
    }
}
