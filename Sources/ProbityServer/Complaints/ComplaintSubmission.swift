import Fluent
import Foundation
import ProbityCore
import Vapor

/// Recording a new complaint, breach-of-protocol report or improper-influence report made by the
/// signed-in member or officer: checked, routed by the core under the authority's profile,
/// numbered, saved, audited and sent to the people the route names, in one transaction.
enum ComplaintSubmission {
    static let fields = ["kind", "subject", "category", "details", "dates"]

    struct Result: Sendable {
        var record: ComplaintRecord
        var complaint: ComplaintCase
        var opened: OpenedComplaint
    }

    /// Refuses (and audits) anyone who is not a member or officer in the directory.
    static func requireComplainant(_ req: Request, _ context: ComplaintContext) async throws -> PersonRef {
        guard let person = context.person, !context.org.complaintSubjectKinds(of: person).isEmpty else {
            throw await req.refusal(
                "complaint.create", resourceType: "complaint",
                reason: "Complaints and reports are made by members and officers in the directory, about someone they work with.")
        }
        return person
    }

    static func submit(_ input: ComplaintInput, req: Request, context: ComplaintContext) async throws -> Result {
        let complainant = try await requireComplainant(req, context)
        var errors: [FieldError] = []
        let kind: ComplaintKind? = ComplaintFields.choice(input, "kind", "Choose whether this is a complaint, a breach of the protocol or an improper-influence report", errors: &errors)
        let subject = ComplaintFields.person(input, "subject", "Choose who it is about", org: context.org, errors: &errors)
        let category: ComplaintCategory? = ComplaintFields.choice(input, "category", "Choose what it is about", errors: &errors)
        let details = ComplaintFields.required(input, "details", "Say what happened", max: ComplaintFields.maxNarrative, errors: &errors)
        let dates = ComplaintFields.dates(input, "dates", today: context.today, errors: &errors)
        if let subject, subject == complainant {
            errors.append(FieldError(field: "subject", message: "Choose someone other than yourself"))
        }
        guard errors.isEmpty, let kind, let subject, let category else {
            throw AppError.validation(errors, detail: "The complaint was not recorded.")
        }

        let id = UUID()
        let opened: OpenedComplaint
        do {
            opened = try ComplaintIntake.open(
                id: id, kind: kind, category: category, complainant: complainant, subject: subject,
                receivedAt: context.now, profile: context.profile, org: context.org, calendar: context.current.calendar)
        } catch {
            let field = switch error {
            case .improperInfluenceReportedByMember: "kind"
            case .samePerson, .subjectNotInDirectory, .complainantNotInDirectory: "subject"
            }
            throw AppError.validation([FieldError(field: field, message: error.message)], detail: "The complaint was not recorded.")
        }
        let complaint = opened.complaint
        let routing = try ComplaintJSON.string(ComplaintRoutingRecord(opened: opened))
        let year = complaint.receivedOn.year
        let actor = context.actor
        let now = context.now
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let monitors = context.profile.complaints.monitoring.inForce
            ? context.org.resolveAll(context.profile.complaints.monitoring.parameters.to, parties: CaseParties()) : []

        // Another server may take the same number at the same moment; the unique constraint
        // refuses the second, which then takes the next number.
        var attempt = 0
        while true {
            attempt += 1
            do {
                let record = try await req.write { db in
                    let number = try await ComplaintStore.nextNumber(authorityID: actor.authorityID, year: year, on: db)
                    let record = ComplaintRecord()
                    record.id = id
                    record.authorityID = actor.authorityID
                    record.referenceYear = year
                    record.referenceNumber = number
                    record.reference = ComplaintStore.reference(year: year, number: number)
                    record.receivedAt = now
                    record.details = details
                    record.incidentDates = dates.map(\.iso).joined(separator: ",")
                    record.routing = routing
                    record.referred = false
                    try await ComplaintStore.save(record, complaint, on: db, at: now)
                    try await AuditLog.append(actor.auditEvent(
                        "complaint.create", resourceType: "complaint", resourceID: id.uuidString,
                        detail: ["reference": record.reference, "kind": kind.rawValue, "category": category.rawValue,
                                 "route": complaint.routeRuleId ?? "none", "acknowledgeBy": complaint.acknowledgeBy.iso]),
                        on: db, at: now)
                    try await ComplaintMessages.received(record: record, opened: opened, monitors: monitors, center: center, on: db, at: now)
                    return record
                }
                return Result(record: record, complaint: complaint, opened: opened)
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 3 {
                continue
            }
        }
    }
}
