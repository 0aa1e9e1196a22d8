import Fluent
import Foundation
import ProbityCore
import Vapor

/// Gathers the messages of people who chose a daily digest into one e-mail each, once a working
/// day from 08:00 (`DigestPolicy`), and puts it in the outbox for `EmailDeliveryJob`. The digest
/// row is not an inbox message (it has no user); the messages it gathers stay in the inbox.
/// Its dedupe key names the day, so a second server compiling at once fails its transaction
/// and the messages go in one digest.
struct EmailDigestJob: ProbityJob {
    let name = "email-digest"
    let summary = "Gather messages into each person's daily e-mail digest"

    private struct Recipient: Hashable { var authorityID: UUID; var kind: String; var personID: UUID }

    func run(_ app: Application, now: Date) async throws -> JobOutcome {
        var outcome = JobOutcome(job: name)
        let waiting = try await Notification.query(on: app.db)
            .filter(\.$emailStatus == "digest").filter(\.$deliverAfter <= min(now, DigestPolicy.cutoff(now)))
            .sort(\.$createdAt).sort(\.$id).all()
        let groups = Dictionary(grouping: waiting) { Recipient(authorityID: $0.authorityID, kind: $0.personKind, personID: $0.personID) }
        var calendars: [UUID: WorkingCalendar] = [:]
        for (recipient, messages) in groups.sorted(by: { $0.key.personID.uuidString < $1.key.personID.uuidString }) {
            do {
                if calendars[recipient.authorityID] == nil {
                    calendars[recipient.authorityID] = try await app.probity.authorityCache.authorityProtocol(recipient.authorityID, on: app.db).calendar
                }
                guard let calendar = calendars[recipient.authorityID], DigestPolicy.isDue(now, calendar: calendar),
                      let address = messages.last?.emailAddress else { continue }
                try await compile(messages, for: recipient, address: address, app: app, now: now)
                outcome.done += 1
            } catch let error as any DatabaseError where error.isConstraintFailure {
                outcome.skipped += 1
            } catch {
                app.logger.error("Digest failed", metadata: ["person": .string(recipient.personID.uuidString), "error": .string(String(reflecting: error))])
                outcome.failed += 1
            }
        }
        return outcome
    }

    private func compile(_ messages: [Notification], for recipient: Recipient, address: String, app: Application, now: Date) async throws {
        let day = CalendarDate.london(now)
        let ids = try messages.map { try $0.requireID() }
        let digest = Notification()
        digest.authorityID = recipient.authorityID
        digest.personKind = recipient.kind
        digest.personID = recipient.personID
        digest.userID = nil
        digest.category = "digest"
        digest.subject = messages.count == 1 ? "Probity: 1 message" : "Probity: \(messages.count) messages"
        digest.body = "Your Probity messages since the last digest:\n\n" + messages.map { message in
            var entry = "* \(message.subject)\n  \(DisplayFormat.dateTime(message.deliverAfter))\n  \(message.body)"
            if let link = message.link { entry += "\n  \(link)" }
            return entry
        }.joined(separator: "\n\n")
        digest.link = "/inbox"
        digest.urgent = false
        digest.createdAt = now
        digest.deliverAfter = now
        digest.dedupeKey = "digest|\(day.iso)|\(recipient.kind):\(recipient.personID.uuidString)"
        digest.emailAddress = address
        digest.emailStatus = "pending"
        digest.emailAttempts = 0
        digest.emailNextAttemptAt = now
        try await app.write { db in
            try await digest.create(on: db)
            try await Notification.query(on: db).filter(\.$id ~~ ids).filter(\.$emailStatus == "digest")
                .set(\.$emailStatus, to: "digested").update()
            try await AuditLog.append(AuditEvent(
                authorityID: recipient.authorityID, actorUserID: nil, actorName: "Probity (daily digest)", action: "notification.digest",
                resourceType: "notification", resourceID: try digest.requireID().uuidString,
                detail: ["messages": String(messages.count), "day": day.iso]), on: db, at: now)
        }
    }
}
