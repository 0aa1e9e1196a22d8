import Fluent
import Foundation
import ProbityCore
import SQLKit
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
            let current = try await app.probity.authorityCache.authorityProtocol(authorityID, on: app.db)
            let candidates = try await Self.mayBeDue(authorityID: authorityID, today: today, current: current, on: app.db)
            guard !candidates.isEmpty else { continue }
            let org = try await app.probity.authorityCache.org(authorityID, on: app.db)
            let center = NotificationCenter(authorityID: authorityID, protocol: current)
            for first in stride(from: 0, to: candidates.count, by: 500) {
                let batch = Array(candidates[first..<min(first + 500, candidates.count)])
                for record in try await EnquiryRecord.query(on: app.db).filter(\.$id ~~ batch).sort(\.$respondBy).sort(\.$reference).all() {
                    try await chaseDueSteps(of: record, today: today, now: now, current: current, org: org, center: center, app: app,
                                            outcome: &outcome)
                }
            }
        }
        return outcome
    }

    private func chaseDueSteps(of record: EnquiryRecord, today: CalendarDate, now: Date, current: AuthorityProtocol, org: OrgSnapshot,
                               center: NotificationCenter, app: Application, outcome: inout JobOutcome) async throws {
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

    /// The overdue enquiries whose columns do not prove that no step is due, so only those have
    /// their history read. An enquiry in its first response period whose due date is the one its
    /// receipt gives can be judged from the columns and the chases recorded for that period;
    /// any other (reopened, or due by a calendar since changed) is read in full. Judging from
    /// the columns can only add candidates, never drop one: the full check decides.
    static func mayBeDue(authorityID: UUID, today: CalendarDate, current: AuthorityProtocol, on db: any Database) async throws -> [UUID] {
        guard current.profile.enquiries.chasing.inForce, let sql = db as? any SQLDatabase else { return [] }
        let open = EnquiryStatus.allCases.filter(\.awaitsResponse).map(\.rawValue)
        let enquiries = EnquiryRecord.schema, chases = EnquiryChase.schema
        let overdue = try await sql.select()
            .columns("id", "received_at", "respond_by", "status").from(enquiries)
            .where("authority_id", .equal, authorityID).where("status", .in, open).where("respond_by", .lessThan, today.iso)
            .all()
        guard !overdue.isEmpty else { return [] }
        var firstPeriodSteps: [UUID: Set<Int>] = [:]
        for row in try await sql.select()
            .column(SQLColumn("enquiry_id", table: chases)).column(SQLColumn("step", table: chases)).from(chases)
            .join(enquiries, on: SQLColumn("enquiry_id", table: chases), .equal, SQLColumn("id", table: enquiries))
            .where(SQLColumn("authority_id", table: enquiries), .equal, SQLBind(authorityID))
            .where(SQLColumn("status", table: enquiries), .in, SQLBind.group(open))
            .where(SQLColumn("respond_by", table: enquiries), .lessThan, SQLBind(today.iso))
            .where(SQLColumn("cycle", table: chases), .equal, SQLLiteral.numeric("0"))
            .all() {
            firstPeriodSteps[try row.decode(column: "enquiry_id", as: UUID.self), default: []].insert(try row.decode(column: "step", as: Int.self))
        }
        return try overdue.compactMap { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let receivedAt = try row.decode(column: "received_at", as: Date.self)
            let respondBy = try row.decode(column: "respond_by", as: String.self)
            guard let status = EnquiryStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return id }
            let fromReceipt = EnquiryDeadlines.compute(receivedAt: receivedAt, profile: current.profile, calendar: current.calendar).respondBy
            guard fromReceipt.iso == respondBy else { return id }
            let due = EnquiryChasing.due(today: today, respondBy: fromReceipt, status: status, stepsAlreadySent: firstPeriodSteps[id] ?? [],
                                         profile: current.profile, calendar: current.calendar)
            return due.isEmpty ? nil : id
        }
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
