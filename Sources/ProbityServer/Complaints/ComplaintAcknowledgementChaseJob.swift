import Fluent
import Foundation
import ProbityCore
import Vapor

/// Chases written acknowledgements that are overdue (LC 13: "Within 5 working days"): the core
/// says whether a case is overdue on the authority's calendar and whom to remind; each chase is
/// sent once per step key. The chase row, its messages and its audit entry are written in one
/// transaction, and the unique (complaint, step key) constraint makes a second server's attempt
/// fail and count as skipped.
struct ComplaintAcknowledgementChaseJob: ProbityJob {
    let name = "complaint-acknowledgement-chasing"
    let summary = "Remind handlers (and the officer monitoring complaints) of overdue written acknowledgements"

    func run(_ app: Application, now: Date) async throws -> JobOutcome {
        var outcome = JobOutcome(job: name)
        let today = CalendarDate.london(now)
        let waiting = try await ComplaintRecord.query(on: app.db)
            .filter(\.$stage == ComplaintStage.received.rawValue)
            .filter(\.$acknowledgeBy < today.iso)
            .sort(\.$authorityID).sort(\.$receivedAt).all()
        var authorities: [UUID: (AuthorityProtocol, OrgSnapshot)] = [:]
        for record in waiting {
            do {
                let loaded: (AuthorityProtocol, OrgSnapshot)
                if let cached = authorities[record.authorityID] {
                    loaded = cached
                } else {
                    loaded = (try await app.probity.authorityCache.authorityProtocol(record.authorityID, on: app.db),
                              try await app.probity.authorityCache.org(record.authorityID, on: app.db))
                    authorities[record.authorityID] = loaded
                }
                let (current, org) = loaded
                switch try await chase(record, current: current, org: org, today: today, app: app, now: now) {
                case .sent: outcome.done += 1
                case .alreadySent: outcome.skipped += 1
                case .notDue: break
                }
            } catch {
                app.logger.error("Complaint chase failed", metadata: ["complaint": .string(record.reference), "error": .string(String(reflecting: error))])
                outcome.failed += 1
            }
        }
        return outcome
    }

    enum Result { case sent, alreadySent, notDue }

    func chase(_ record: ComplaintRecord, current: AuthorityProtocol, org: OrgSnapshot, today: CalendarDate,
               app: Application, now: Date) async throws -> Result {
        let id = try record.requireID()
        let complaint = try record.complaintCase()
        let sent = Set(try await ComplaintChase.scoped(to: record.authorityID, on: app.db).filter(\.$complaintID == id).all().map(\.stepKey))
        guard let due = ComplaintChasing.acknowledgementChase(
            for: complaint, today: today, calendar: current.calendar, profile: current.profile, org: org, alreadySent: []) else {
            return .notDue
        }
        if sent.contains(due.stepKey) { return .alreadySent }
        let center = NotificationCenter(authorityID: record.authorityID, protocol: current)
        let citations = due.rules.map(\.citation).joined(separator: "; ")
        do {
            try await app.write { db in
                try await ComplaintChase(authorityID: record.authorityID, complaintID: id, stepKey: due.stepKey, sentAt: now).create(on: db)
                try await ComplaintMessages.step(
                    record, category: "complaint.acknowledge-overdue", subject: "written acknowledgement overdue",
                    body: "\(due.message) (\(citations))", eventKey: due.stepKey, to: due.notify, center: center, on: db, at: now)
                try await AuditLog.append(AuditEvent(
                    authorityID: record.authorityID, actorUserID: nil, actorName: "Probity (scheduled chasing)",
                    action: "complaint.acknowledgement.chase", resourceType: "complaint", resourceID: id.uuidString,
                    detail: ["reference": record.reference, "stepKey": due.stepKey, "acknowledgeBy": due.acknowledgeBy.iso,
                             "workingDaysOverdue": String(due.workingDaysOverdue), "notified": String(due.notify.count)]),
                    on: db, at: now)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .alreadySent
        }
        return .sent
    }
}
