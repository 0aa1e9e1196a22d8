import Fluent
import ProbityCore
import Vapor

/// `/api/v1/calendar/…`: bank holidays and working-day arithmetic for any region, and the
/// caller's authority's closure days and due dates.
struct CalendarAPIController {
    func boot(routes: any RoutesBuilder) {
        let calendar = routes.grouped("calendar")
        calendar.get("closures", use: listClosures)
        calendar.post("closures", use: addClosure)
        calendar.delete("closures", ":closureID", use: removeClosure)
        calendar.get("due-date", use: authorityDueDate)
        calendar.get(":region", "holidays", use: holidays)
        calendar.get(":region", "add-working-days", use: addWorkingDays)
    }

    struct Holiday: Encodable {
        var date: String
        var title: String
        var notes: String
    }

    func holidays(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let region = try CalendarQuery.region(req)
        var errors: [FieldError] = []
        let from = CalendarQuery.date(req.query[String.self, at: "from"], field: "from", label: "the start date", errors: &errors)
        let to = CalendarQuery.date(req.query[String.self, at: "to"], field: "to", label: "the end date", errors: &errors)
        guard let from, let to, CalendarQuery.range(from: from, to: to, errors: &errors) else {
            throw AppError(.badRequest, detail: "The dates are not valid.", fieldErrors: errors)
        }
        let items = BankHolidays.holidays(in: region, from: from, to: to).map { Holiday(date: $0.date.iso, title: $0.title, notes: $0.notes) }
        return try APIResponse.json(encodable: items)
    }

    func addWorkingDays(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let region = try CalendarQuery.region(req)
        return try due(req: req, calendar: WorkingCalendar(region: region))
    }

    func authorityDueDate(req: Request) async throws -> Response {
        try due(req: req, calendar: (try await req.authorityProtocol()).calendar)
    }

    private func due(req: Request, calendar: WorkingCalendar) throws -> Response {
        var errors: [FieldError] = []
        let from = CalendarQuery.date(req.query[String.self, at: "from"], field: "from", label: "the start date", errors: &errors)
        let days = CalendarQuery.workingDays(req.query[String.self, at: "days"], field: "days", errors: &errors)
        guard let from, let days else { throw AppError(.badRequest, detail: "The query is not valid.", fieldErrors: errors) }
        return try APIResponse.json(encodable: DueDateExplanation(calendar: calendar, from: from, workingDays: days))
    }

    struct Closure: Encodable {
        var id: UUID
        var date: String
        var title: String
        init(_ c: ClosureDay) { id = c.id!; date = c.date; title = c.title }
    }

    func listClosures(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let items = try await ClosureDay.scoped(to: actor.authorityID, on: req.db).sort(\.$date).all().map(Closure.init)
        return try APIResponse.json(encodable: ["items": items])
    }

    func addClosure(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("calendar.closure.create")
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = body.keys.filter { !["date", "title"].contains($0) }.sorted()
            .map { FieldError(field: $0, message: "'\($0)' is not a field of a closure day") }
        func string(_ key: String) -> String {
            if case .string(let s)? = body[key] { return s.trimmingCharacters(in: .whitespaces) }
            errors.append(FieldError(field: key, message: "\(key) is required and must be a string"))
            return ""
        }
        let date = string("date"), title = string("title")
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let day = try await ClosureDays.add(date: date, title: title, actor: actor, req: req)
        return try APIResponse.json(encodable: Closure(day), status: .created)
    }

    func removeClosure(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("calendar.closure.delete")
        guard let id = req.parameters.get("closureID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound("The closure day") }
        _ = try await ClosureDays.remove(id: id, actor: actor, req: req)
        return Response(status: .noContent)
    }
}
