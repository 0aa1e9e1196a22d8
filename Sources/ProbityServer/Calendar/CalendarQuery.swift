import ProbityCore
import Vapor

/// Reading and checking the calendar's query parameters, the same for pages and the API.
enum CalendarQuery {
    static let maxWorkingDays = 3_650
    static let maxSpanDays = 366 * 50

    static func region(_ req: Request) throws -> Region {
        let raw = req.parameters.get("region") ?? ""
        guard let region = Region(rawValue: raw) else {
            throw AppError(.notFound, detail: "'\(raw)' is not a region: use england-and-wales, scotland or northern-ireland.")
        }
        return region
    }

    static func date(_ raw: String?, field: String, label: String, errors: inout [FieldError]) -> CalendarDate? {
        guard let raw, !raw.isEmpty else {
            errors.append(FieldError(field: field, message: "Enter \(label) as YYYY-MM-DD, for example 2026-12-04"))
            return nil
        }
        guard let date = CalendarDate(iso: raw) else {
            errors.append(FieldError(field: field, message: "\(label.capitalizedFirst) must be a real date written YYYY-MM-DD, for example 2026-12-04"))
            return nil
        }
        return date
    }

    static func workingDays(_ raw: String?, field: String, errors: inout [FieldError]) -> Int? {
        guard let raw, !raw.isEmpty else {
            errors.append(FieldError(field: field, message: "Enter the number of working days"))
            return nil
        }
        guard let n = Int(raw), (0...maxWorkingDays).contains(n) else {
            errors.append(FieldError(field: field, message: "The number of working days must be a whole number from 0 to \(maxWorkingDays)"))
            return nil
        }
        return n
    }

    static func range(from: CalendarDate, to: CalendarDate, errors: inout [FieldError]) -> Bool {
        if to < from {
            errors.append(FieldError(field: "to", message: "The end date must be the same as or after the start date"))
            return false
        }
        if from.days(to: to) > maxSpanDays {
            errors.append(FieldError(field: "to", message: "Ask for 50 years or fewer at a time"))
            return false
        }
        return true
    }
}

/// How a due date was reached, for people: the rule, and the days that did not count.
struct DueDateExplanation: Encodable {
    struct Skipped: Encodable {
        var date: String
        var display: String
        var reason: String
    }
    var from: String
    var fromDisplay: String
    var workingDays: Int
    var due: String
    var dueDisplay: String
    var skipped: [Skipped]

    init(calendar: WorkingCalendar, from: CalendarDate, workingDays: Int) {
        let due = calendar.addWorkingDays(workingDays, to: from)
        self.from = from.iso
        fromDisplay = from.displayShort
        self.workingDays = workingDays
        self.due = due.iso
        dueDisplay = due.displayShort
        var skipped: [Skipped] = []
        var day = from.adding(days: 1)
        // Weekends are obvious; only holidays and closures are worth listing.
        while day <= due && skipped.count < 100 {
            if let reason = calendar.nonWorkingReason(day), !day.isWeekend {
                skipped.append(Skipped(date: day.iso, display: day.displayShort, reason: reason))
            }
            day = day.adding(days: 1)
        }
        self.skipped = skipped
    }
}
