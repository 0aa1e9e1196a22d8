import Fluent
import Foundation
import ProbityCore
import Vapor

/// The e-mail side of the notifications table. A message is `pending` from the transaction
/// that wrote it; a worker claims it with a lease (a conditional update that only one worker's
/// transaction can win), sends it, and marks it `sent` only after the mail server's 250 to the
/// end of DATA. A worker that dies holding a lease loses it when the lease runs out, and the
/// message is tried again; a message marked `sent` is never sent again.
enum EmailOutbox {
    static let actorName = "Probity (e-mail delivery)"

    /// Messages due now whose lease (if any) has run out, oldest first.
    static func due(on db: any Database, now: Date, limit: Int) async throws -> [Notification] {
        try await Notification.query(on: db)
            .filter(\.$emailStatus == "pending")
            .filter(\.$emailNextAttemptAt <= now)
            .group(.or) { $0.filter(\.$emailLeaseUntil == nil).filter(\.$emailLeaseUntil < now) }
            .sort(\.$emailNextAttemptAt).sort(\.$id)
            .limit(limit).all()
    }

    /// Takes `candidate` for this worker until `until`, counting the attempt; nil when another
    /// worker took it first.
    static func claim(_ candidate: Notification, token: String, now: Date, until: Date, app: Application) async throws -> Notification? {
        let id = try candidate.requireID()
        let attempts = candidate.emailAttempts
        return try await app.write { db in
            try await Notification.query(on: db)
                .filter(\.$id == id)
                .filter(\.$emailStatus == "pending")
                .filter(\.$emailAttempts == attempts)
                .group(.or) { $0.filter(\.$emailLeaseUntil == nil).filter(\.$emailLeaseUntil < now) }
                .set(\.$emailLeaseToken, to: token)
                .set(\.$emailLeaseUntil, to: until)
                .set(\.$emailAttempts, to: attempts + 1)
                .update()
            return try await Notification.query(on: db).filter(\.$id == id).filter(\.$emailLeaseToken == token).first()
        }
    }

    /// The server has accepted the message.
    static func markSent(_ message: Notification, token: String, at now: Date, app: Application) async throws {
        let id = try message.requireID()
        try await app.write { db in
            try await Notification.query(on: db).filter(\.$id == id).filter(\.$emailLeaseToken == token)
                .set(\.$emailStatus, to: "sent").set(\.$emailSentAt, to: now).set(\.$emailLastError, to: nil)
                .set(\.$emailLeaseToken, to: nil).set(\.$emailLeaseUntil, to: nil)
                .update()
            try await AuditLog.append(AuditEvent(
                authorityID: message.authorityID, actorUserID: nil, actorName: actorName, action: "notification.email.sent",
                resourceType: "notification", resourceID: id.uuidString,
                detail: ["category": message.category, "attempt": String(message.emailAttempts)]), on: db, at: now)
        }
    }

    /// The attempt failed: try again later, or give up when the failure is permanent or the
    /// attempts are used up.
    static func markFailed(_ message: Notification, token: String, error: String, permanent: Bool, maxAttempts: Int,
                           at now: Date, app: Application) async throws -> EmailRetry.Decision {
        let id = try message.requireID()
        let decision = EmailRetry.afterFailure(attempts: message.emailAttempts, maxAttempts: maxAttempts, permanent: permanent, now: now)
        let trimmed = String(error.prefix(500))
        try await app.write { db in
            let update = Notification.query(on: db).filter(\.$id == id).filter(\.$emailLeaseToken == token)
                .set(\.$emailLastError, to: trimmed).set(\.$emailLeaseToken, to: nil).set(\.$emailLeaseUntil, to: nil)
            switch decision {
            case .retry(let at):
                try await update.set(\.$emailNextAttemptAt, to: at).update()
            case .giveUp:
                try await update.set(\.$emailStatus, to: "failed").set(\.$emailNextAttemptAt, to: nil).update()
                try await AuditLog.append(AuditEvent(
                    authorityID: message.authorityID, actorUserID: nil, actorName: actorName, action: "notification.email.failed",
                    resourceType: "notification", resourceID: id.uuidString, outcome: .failure,
                    detail: ["category": message.category, "attempts": String(message.emailAttempts), "error": trimmed]), on: db, at: now)
            }
        }
        return decision
    }

    /// The e-mail for an outbox message.
    static func email(for message: Notification, settings: SMTPSettings, publicURL: String?) throws -> EmailMessage {
        var body = message.body
        if let link = message.link {
            let base = (publicURL ?? "").hasSuffix("/") ? String((publicURL ?? "").dropLast()) : (publicURL ?? "")
            body += "\n\nOpen in Probity: " + (link.hasPrefix("/") ? base + link : link)
        }
        body += "\n\n--\nSent by Probity. This message is also in your Probity inbox."
        return EmailMessage(
            from: settings.from, recipients: [message.emailAddress ?? ""], subject: message.subject, body: body,
            date: message.deliverAfter, messageID: "\(try message.requireID().uuidString.lowercased())@\(settings.heloName)")
    }
}
