import Fluent
import Foundation
import ProbityCore
import Vapor

/// Duties to register within the registration period: recorded by the Monitoring Officer (a
/// member took office; an interest was disclosed at a meeting; a change), shown to the member
/// with the last day and its citation, met when the member confirms their register is complete,
/// and chased by `RegistrationReminderJob`.
enum RegistrationDuties {
    static let fields: Set<String> = ["person", "trigger", "date"]

    enum TriggerName: String, CaseIterable {
        case tookOffice = "took-office"
        case change = "change"
        case disclosedAtMeeting = "disclosed-at-meeting"

        var label: String {
            switch self {
            case .tookOffice: "Took office as a member or co-opted member"
            case .change: "A new interest or a change to a registered one"
            case .disclosedAtMeeting: "An unregistered interest disclosed at a meeting"
            }
        }

        func trigger(_ date: CalendarDate) -> RegistrationTrigger {
            switch self {
            case .tookOffice: .tookOffice(date)
            case .change: .change(date)
            case .disclosedAtMeeting: .disclosedAtMeeting(date)
            }
        }
    }

    /// The Monitoring Officer records a duty for a member; the member is told the last day.
    static func record(_ input: RegisterInput, req: Request, context: RegisterContext) async throws -> RegistrationDutyRecord {
        guard context.isMonitoringOfficer else {
            throw await req.refusal("registration-duty.create", resourceType: "registration-duty",
                                    reason: "Only the Monitoring Officer, who keeps the register, records when a member must register (Localism Act 2011 s.29).")
        }
        var errors: [FieldError] = []
        let raw = input.text("person")
        var person: PersonRef?
        if let found = RegisterFields.person(raw, org: context.org), case .member = found { person = found } else {
            errors.append(FieldError(field: "person", message: raw.isEmpty ? "Choose the member" : "Choose a member in the directory"))
        }
        let trigger: TriggerName? = RegisterFields.choice(input, "trigger", "Choose what starts the registration period", errors: &errors)
        let date = RegisterFields.date(input, "date", required: true, errors: &errors)
        if let date, date > context.today {
            errors.append(FieldError(field: "date", message: "The date cannot be in the future"))
        }
        guard errors.isEmpty, let person, let trigger, let date else { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        let deadline = RegistrationDeadline(trigger: trigger.trigger(date), profile: context.profile)
        let (kind, id) = NotificationCenter.split(person)
        let exists = try await RegistrationDutyRecord.scoped(to: context.actor.authorityID, on: req.db)
            .filter(\.$personKind == kind).filter(\.$personID == id).filter(\.$trigger == trigger.rawValue)
            .filter(\.$triggerOn == date.iso).count() > 0
        if exists { throw AppError(.conflict, detail: "This duty is already recorded.") }
        let actor = context.actor, now = context.now
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        return try await req.write { db in
            let duty = RegistrationDutyRecord()
            duty.authorityID = actor.authorityID
            duty.personKind = kind
            duty.personID = id
            duty.trigger = trigger.rawValue
            duty.triggerOn = date.iso
            duty.lastDay = deadline.lastDay.iso
            duty.createdAt = now
            try await duty.create(on: db)
            let dutyID = try duty.requireID().uuidString.lowercased()
            try await AuditLog.append(actor.auditEvent("registration-duty.create", resourceType: "registration-duty", resourceID: dutyID,
                                                       detail: ["person": person.description, "trigger": trigger.rawValue, "lastDay": deadline.lastDay.iso]),
                                      on: db, at: now)
            try await center.send(.init(
                category: "registration.duty", subject: "Register your interests by \(deadline.lastDay.displayLong)",
                body: "Register your interests by \(deadline.lastDay.displayLong): \(deadline.calendarDays) days beginning with \(date.displayLong) (\(deadline.rules.map(\.citation).joined(separator: "; "))). Then confirm on your register that it is complete.",
                link: "/registers", eventKey: "registration-duty:\(dutyID)"), to: [person], on: db, at: now)
            return duty
        }
    }

    /// The member confirms their register is complete: every open duty is met today.
    static func confirm(req: Request, context: RegisterContext) async throws -> Int {
        let person = try await context.requirePerson(req, action: "registration.confirm")
        let (kind, id) = NotificationCenter.split(person)
        let today = context.today
        let open = try await RegistrationDutyRecord.scoped(to: context.actor.authorityID, on: req.db)
            .filter(\.$personKind == kind).filter(\.$personID == id).filter(\.$registeredOn == nil).all()
            .filter { ($0.registrationTrigger?.date ?? today) <= today }
        let actor = context.actor, now = context.now
        try await req.write { db in
            for duty in open {
                duty.registeredOn = today.iso
                try await duty.update(on: db)
            }
            try await AuditLog.append(actor.auditEvent("registration.confirm", resourceType: "registration-duty",
                                                       detail: ["person": person.description, "duties": String(open.count)]), on: db, at: now)
        }
        return open.count
    }

    /// The duties the caller may see: their own; the Monitoring Officer's, everyone's.
    static func visible(req: Request, context: RegisterContext, all: Bool) async throws -> [RegistrationDutyRecord] {
        var query = RegistrationDutyRecord.scoped(to: context.actor.authorityID, on: req.db)
        if !(all && context.isMonitoringOfficer) {
            guard let person = context.person else { return [] }
            let (kind, id) = NotificationCenter.split(person)
            query = query.filter(\.$personKind == kind).filter(\.$personID == id)
        }
        return try await query.sort(\.$lastDay, .descending).all()
    }
}

/// A registration duty as pages and the API show it: the last day, where it stands, and the rule.
struct RegistrationDutyView: Encodable, Sendable {
    var id: String
    var person: PersonInfo
    var trigger: String
    var triggerLabel: String
    var triggerOn: String
    var triggerDisplay: String
    var lastDay: String
    var lastDayDisplay: String
    var calendarDays: Int
    var status: String
    var statusLabel: String
    var registeredOn: String?
    var rules: [RuleInfo]
    /// "Register by Wednesday 3 June 2026: 28 days beginning with Thursday 7 May 2026 (…)."
    var statement: String

    init?(_ duty: RegistrationDutyRecord, context: RegisterContext) {
        guard let trigger = duty.registrationTrigger, let name = RegistrationDuties.TriggerName(rawValue: duty.trigger) else { return nil }
        let deadline = RegistrationDeadline(trigger: trigger, profile: context.profile)
        id = duty.id?.uuidString.lowercased() ?? ""
        person = context.info(duty.person)
        self.trigger = name.rawValue
        triggerLabel = name.label
        triggerOn = trigger.date.iso
        triggerDisplay = trigger.date.displayLong
        lastDay = deadline.lastDay.iso
        lastDayDisplay = deadline.lastDay.displayLong
        calendarDays = deadline.calendarDays
        registeredOn = duty.registeredOn
        rules = deadline.rules.map(RuleInfo.init)
        switch deadline.status(on: context.today, registeredOn: duty.registeredOn.flatMap(CalendarDate.init(iso:))) {
        case .due(let days):
            status = "due"
            statusLabel = days == 0 ? "Due today" : "Due: \(days) day\(days == 1 ? "" : "s") left"
        case .overdue(let days):
            status = "overdue"
            statusLabel = "Overdue by \(days) day\(days == 1 ? "" : "s")"
        case .registered(let on):
            status = "registered"
            statusLabel = "Registered on \(on.displayLong)"
        case .registeredLate(let on, let late):
            status = "registered-late"
            statusLabel = "Registered on \(on.displayLong), \(late) day\(late == 1 ? "" : "s") late"
        }
        statement = "Register by \(deadline.lastDay.displayLong): \(deadline.calendarDays) days beginning with \(trigger.date.displayLong) (\(deadline.rules.map(\.citation).joined(separator: "; ")))."
    }
}

/// Reminds members to register before the registration period ends (14 and 7 days before the
/// last day), and once it has passed tells them and the Monitoring Officer (`RegistrationDeadline`).
/// Each reminder is sent once: its dedupe key names the duty and the reminder's day, so a second
/// run, or a second server, writes nothing. A duty that is met gets no reminders; a missed run
/// sends only the latest reminder due.
struct RegistrationReminderJob: ProbityJob {
    let name = "registration-reminders"
    let summary = "Remind members to register their interests within 28 days, and tell the Monitoring Officer when overdue"

    func run(_ app: Application, now: Date) async throws -> JobOutcome {
        var outcome = JobOutcome(job: name)
        let today = CalendarDate.london(now)
        let open = try await RegistrationDutyRecord.query(on: app.db).filter(\.$registeredOn == nil)
            .sort(\.$authorityID).sort(\.$lastDay).all()
        var authorities: [UUID: (AuthorityProtocol, OrgSnapshot)] = [:]
        for duty in open {
            do {
                let loaded: (AuthorityProtocol, OrgSnapshot)
                if let cached = authorities[duty.authorityID] {
                    loaded = cached
                } else {
                    loaded = (try await app.probity.authorityCache.authorityProtocol(duty.authorityID, on: app.db),
                              try await app.probity.authorityCache.org(duty.authorityID, on: app.db))
                    authorities[duty.authorityID] = loaded
                }
                let (current, org) = loaded
                guard let trigger = duty.registrationTrigger else { continue }
                let deadline = RegistrationDeadline(trigger: trigger, profile: current.profile)
                guard let reminder = deadline.reminders.last(where: { $0.date <= today }) else { continue }
                let dutyID = try duty.requireID().uuidString.lowercased()
                let center = NotificationCenter(authorityID: duty.authorityID, protocol: current)
                let recipients = reminder.recipients(declarant: duty.person, org: org)
                let citations = deadline.rules.map(\.citation).joined(separator: "; ")
                let overdue = if case .overdue = reminder.kind { true } else { false }
                let who = org.name(of: duty.person)
                let written = try await app.write { db in
                    let written = try await center.send(.init(
                        category: overdue ? "registration.overdue" : "registration.reminder",
                        subject: overdue ? "Registration of interests overdue" : "Register your interests by \(deadline.lastDay.displayLong)",
                        body: overdue
                            ? "\(who)'s interests were due to be registered by \(deadline.lastDay.displayLong) and are overdue (\(citations))."
                            : "\(reminder.message.replacingOccurrences(of: "this interest", with: "your interests")) (\(citations)) Confirm on your register when it is complete.",
                        link: "/registers", eventKey: "registration-reminder:\(dutyID):\(reminder.date.iso)"),
                        to: recipients, on: db, at: now)
                    if written > 0 {
                        try await AuditLog.append(AuditEvent(
                            authorityID: duty.authorityID, actorUserID: nil, actorName: "Probity (scheduled reminders)",
                            action: "registration.reminder", resourceType: "registration-duty", resourceID: dutyID,
                            detail: ["reminder": reminder.date.iso, "lastDay": deadline.lastDay.iso, "overdue": String(overdue),
                                     "notified": String(written)]), on: db, at: now)
                    }
                    return written
                }
                if written > 0 { outcome.done += 1 } else { outcome.skipped += 1 }
            } catch let error as any DatabaseError where error.isConstraintFailure {
                outcome.skipped += 1
            } catch {
                app.logger.error("Registration reminder failed", metadata: ["duty": .string(duty.id?.uuidString ?? "?"), "error": .string(String(reflecting: error))])
                outcome.failed += 1
            }
        }
        return outcome
    }
}
