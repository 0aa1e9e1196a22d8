import Fluent
import ProbityCore
import Vapor

/// Adding and removing an authority's closure days, shared by the page and the API.
enum ClosureDays {
    static func add(date dateText: String, title: String, actor: Actor, req: Request) async throws -> ClosureDay {
        var errors: [FieldError] = []
        let date = CalendarQuery.date(dateText, field: "date", label: "the date", errors: &errors)
        if title.isEmpty { errors.append(FieldError(field: "title", message: "Enter what the closure is, for example Christmas shutdown")) }
        if title.count > 120 { errors.append(FieldError(field: "title", message: "The description must be 120 characters or fewer")) }
        if let date {
            if date.isWeekend { errors.append(FieldError(field: "date", message: "\(date.displayLong) is a weekend day, which never counts as a working day")) }
            let region = (try await req.authorityProtocol()).calendar.region
            if let holiday = BankHolidays.holiday(on: date, in: region) {
                errors.append(FieldError(field: "date", message: "\(date.displayLong) is already a bank holiday (\(holiday.displayTitle))"))
            }
            if try await ClosureDay.scoped(to: actor.authorityID, on: req.db).filter(\.$date == date.iso).count() > 0 {
                errors.append(FieldError(field: "date", message: "\(date.displayLong) is already a closure day"))
            }
        }
        guard errors.isEmpty, let date else { throw AppError.validation(errors, detail: "The closure day was not added.") }
        let day = ClosureDay(authorityID: actor.authorityID, date: date.iso, title: title)
        let now = req.now
        return try await req.write { db in
            try await day.create(on: db)
            try await AuditLog.append(actor.auditEvent("calendar.closure.create", resourceType: "closure-day", resourceID: day.id?.uuidString,
                                                       detail: ["date": date.iso, "title": title]), on: db, at: now)
            return day
        }
    }

    static func remove(id: UUID, actor: Actor, req: Request) async throws -> ClosureDay {
        guard let day = try await ClosureDay.find(id, in: actor.authorityID, on: req.db) else { throw AppError.notFound("The closure day") }
        let now = req.now
        try await req.write { db in
            try await day.delete(on: db)
            try await AuditLog.append(actor.auditEvent("calendar.closure.delete", resourceType: "closure-day", resourceID: id.uuidString,
                                                       detail: ["date": day.date, "title": day.title]), on: db, at: now)
        }
        return day
    }
}
