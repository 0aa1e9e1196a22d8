import Fluent
import ProbityCore
import Vapor

/// The calendar page: the authority's bank holidays and closure days for a year, a due-date
/// calculator, and (for administrators) adding and removing closure days.
struct CalendarController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("calendar")
        group.get(use: page)
        group.post("closures", use: addClosure)
        group.post("closures", ":closureID", "delete", use: removeClosure)
    }

    struct Page: Encodable {
        struct Day: Encodable {
            var date: String
            var display: String
            var title: String
            var kind: String
            var id: String?
        }
        var region: String
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var days: [Day]
        var canEdit: Bool
        var from: String
        var workingDays: String
        var result: DueDateExplanation?
        var closureDate: String
        var closureTitle: String
    }

    func page(req: Request) async throws -> Response {
        _ = try req.requireActor()
        var errors: [FieldError] = []
        var result: DueDateExplanation?
        let current = try await req.authorityProtocol()
        let fromText = req.query[String.self, at: "from"] ?? ""
        let daysText = req.query[String.self, at: "days"] ?? ""
        if !fromText.isEmpty || !daysText.isEmpty {
            let from = CalendarQuery.date(fromText, field: "from", label: "the start date", errors: &errors)
            let n = CalendarQuery.workingDays(daysText, field: "days", errors: &errors)
            if let from, let n { result = DueDateExplanation(calendar: current.calendar, from: from, workingDays: n) }
        }
        return try await render(req: req, current: current, from: fromText, days: daysText, result: result,
                                closureDate: "", closureTitle: "", errors: errors)
    }

    private func render(req: Request, current: AuthorityProtocol, from: String, days workingDaysText: String, result: DueDateExplanation?,
                        closureDate: String, closureTitle: String, errors: [FieldError]) async throws -> Response {
        let actor = try req.requireActor()
        let thisYear = CalendarDate.london(req.now).year
        var year = req.query[Int.self, at: "year"] ?? thisYear
        if !(1980...2199).contains(year) { year = thisYear }
        let closures = try await ClosureDay.scoped(to: actor.authorityID, on: req.db).sort(\.$date).all()
        var listed = BankHolidays.holidays(in: current.calendar.region, year: year).map {
            Page.Day(date: $0.date.iso, display: $0.date.displayLong, title: $0.displayTitle, kind: "Bank holiday", id: nil)
        }
        listed += closures.filter { $0.date.hasPrefix("\(year)-") }.compactMap { c in
            CalendarDate(iso: c.date).map { Page.Day(date: c.date, display: $0.displayLong, title: c.title, kind: "Council closure", id: c.id?.uuidString.lowercased()) }
        }
        listed.sort { $0.date < $1.date }
        let page = Page(region: current.calendar.region.displayName, year: year, previousYear: year - 1, nextYear: year + 1, days: listed,
                        canEdit: actor.canAdminister, from: from, workingDays: workingDaysText, result: result,
                        closureDate: closureDate, closureTitle: closureTitle)
        return try await req.renderResponse("calendar/index", title: "Working-day calendar", content: page, errors: errors,
                                            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func addClosure(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("calendar.closure.create")
        let form = try FormBody(req)
        let dateText = (form["date"] ?? "").trimmingCharacters(in: .whitespaces)
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let day = try await ClosureDays.add(date: dateText, title: title, actor: actor, req: req)
            return req.redirect(to: "/calendar?year=\(day.date.prefix(4))", flash: "\(title) on \(CalendarDate(iso: day.date)?.displayLong ?? day.date) is now a closure day")
        } catch let error as AppError where error.kind == .validation {
            return try await render(req: req, current: try await req.authorityProtocol(), from: "", days: "", result: nil,
                                    closureDate: dateText, closureTitle: title, errors: error.fieldErrors)
        }
    }

    func removeClosure(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("calendar.closure.delete")
        guard let id = req.parameters.get("closureID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound("The closure day") }
        let removed = try await ClosureDays.remove(id: id, actor: actor, req: req)
        return req.redirect(to: "/calendar?year=\(removed.date.prefix(4))", flash: "\(removed.title) is no longer a closure day")
    }
}
