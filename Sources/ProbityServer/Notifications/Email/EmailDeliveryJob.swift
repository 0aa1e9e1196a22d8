import Foundation
import ProbityCore
import Vapor

/// Sends the outbox's due e-mail over SMTP (`PROBITY_SMTP_*`), one message per connection,
/// with retries and backoff (`EmailRetry`). Does nothing until a mail server is configured:
/// messages wait, and go once it is.
struct EmailDeliveryJob: ProbityJob {
    let name = "email-delivery"
    let summary = "Send due e-mail from the outbox over SMTP, retrying with backoff"
    /// Messages tried per run at most.
    var batchSize = 100

    func run(_ app: Application, now: Date) async throws -> JobOutcome {
        var outcome = JobOutcome(job: name)
        guard let smtp = app.probity.settings.smtp else { return outcome }
        let client = SMTPClient(settings: smtp, group: app.eventLoopGroup)
        let token = UUID().uuidString
        let candidates = try await EmailOutbox.due(on: app.db, now: now, limit: batchSize)
        for candidate in candidates {
            guard let message = try await EmailOutbox.claim(
                candidate, token: token, now: now, until: now.addingTimeInterval(smtp.leaseSeconds), app: app) else {
                outcome.skipped += 1
                continue
            }
            do {
                let email = try EmailOutbox.email(for: message, settings: smtp, publicURL: app.probity.settings.publicURL)
                try await client.send(email)
            } catch {
                let smtpError = error as? SMTPError
                let decision = try await EmailOutbox.markFailed(
                    message, token: token, error: smtpError.map(\.description) ?? String(describing: error),
                    permanent: smtpError?.isPermanentForMessage ?? false, maxAttempts: smtp.maxAttempts,
                    at: app.probity.clock.now, app: app)
                app.logger.warning("E-mail not delivered", metadata: [
                    "notification": .string(message.id?.uuidString ?? ""), "attempt": "\(message.emailAttempts)",
                    "decision": .string(decision == .giveUp ? "failed" : "retry"), "error": .string(smtpError?.description ?? "\(error)"),
                ])
                outcome.failed += 1
                // The server is down or refuses us: the rest would fail the same way, without being tried.
                if smtpError?.affectsEveryMessage ?? true { break }
                continue
            }
            // Accepted by the server: from here on the message is never sent again.
            try await EmailOutbox.markSent(message, token: token, at: app.probity.clock.now, app: app)
            outcome.done += 1
        }
        return outcome
    }
}
