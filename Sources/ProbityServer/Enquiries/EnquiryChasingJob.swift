import Fluent
import Foundation
import ProbityCore
import Vapor

/// Chases enquiries past their due date and escalates up the line at the profile's intervals
/// (`enquiries.chasing`). Each step of each response period is sent once: the step is
/// recorded under a unique key in the same transaction as its messages, so a second run, or a
/// second server, finds it taken and moves on.
struct EnquiryChasingJob: ProbityJob {
    let name = "enquiry-chasing"
    let summary = "Chases overdue members' enquiries and escalates them up the management line."

    func run(_ app: Application, now: Date) async throws -> JobOutcome {
        var outcome = JobOutcome(job: name)
        let today = CalendarDate.london(now)
        for authority in try await Authority.query(on: app.db).all() {
            let authorityID = try authority.requireID()
            let overdue = try await EnquiryRecord.scoped(to: authorityID, on: app.db)
                .filter(\.$status ~~ [EnquiryStatus.received, .acknowledged, .reopened].map(\.rawValue))
                .filter(\.$respondBy < today.iso)
                .all()
            guard !overdue.isEmpty else { continue }
            let current = try await AuthorityProtocol.load(authorityID: authorityID, on: app.db)
            let org = try await OrgSnapshot.load(authorityID: authorityID, on: app.db)
            let center = NotificationCenter(authorityID: authorityID, protocol: current)
            for record in overdue {
                let state = try record.state
                for step in EnquiryChasing.due(for: state, today: today, profile: current.profile, calendar: current.calendar) {
                    do {
                        let sent = try await send(step, record: record, state: state, now: now, current: current, org: org, center: center, app: app)
                        if sent { outcome.done += 1 } else { outcome.skipped += 1 }
                    } catch let error as any DatabaseError where error.isConstraintFailure {
                        // Another server sent this step between our look and our write: its unique
                        // key refused ours, and the whole transaction rolled back.
                        outcome.skipped += 1
                    } catch {
                        app.logger.warning("Chaser not sent; it will be tried again", metadata: [
                            "enquiry": .string(record.reference), "step": "\(step.index)", "error": .string(String(reflecting: error))])
                        outcome.failed += 1
                    }
                }
            }
        }
        return outcome
    }

    private func send(_ step: EnquiryChaseStep, record: EnquiryRecord, state: EnquiryState, now: Date, current: AuthorityProtocol,
                      org: OrgSnapshot, center: NotificationCenter, app: Application) async throws -> Bool {
        let id = try record.requireID()
        let cycle = state.cycle
        let recipients = step.recipients(in: org, parties: state.parties)
        return try await app.write { db in
            // Another run (or server) may have sent this step since we looked.
            if try await EnquiryChase.query(on: db).filter(\.$enquiryID == id).filter(\.$cycle == cycle).filter(\.$step == step.index).count() > 0 {
                return false
            }
            guard let fresh = try await EnquiryRecord.find(id, on: db) else { return false }
            let next = try fresh.state.applying(.chase(step: step.index), at: now, profile: current.profile, org: org)
            try await EnquiryChase(enquiryID: id, cycle: cycle, step: step.index, sentAt: now).create(on: db)
            try fresh.store(next, at: now)
            try await fresh.update(on: db)
            try await center.send(.init(
                category: step.isEscalation ? "enquiry.escalated" : "enquiry.chased",
                subject: "\(step.isEscalation ? "Escalated" : "Overdue"): enquiry \(fresh.reference), \(fresh.subject)",
                body: "\(step.summary) Handled by \(org.officers[fresh.currentHandlerID]?.name ?? "an officer"); it was due \(CalendarDate(iso: fresh.respondBy)?.displayShort ?? fresh.respondBy).",
                link: "/enquiries/\(id.uuidString.lowercased())", eventKey: "enquiry.chase|\(id)|\(cycle)|\(step.index)"),
                to: recipients, on: db, at: now)
            try await AuditLog.append(AuditEvent(authorityID: fresh.authorityID, actorUserID: nil, actorName: "Probity scheduler",
                                                 action: "enquiry.chase", resourceType: "enquiry", resourceID: id.uuidString,
                                                 detail: ["reference": fresh.reference, "step": "\(step.index)", "cycle": "\(cycle)",
                                                          "rule": step.rule.ruleId, "recipients": "\(recipients.count)"]), on: db, at: now)
            return true
        }
    }
}
