import Foundation
import ProbityCore

// A million due-date computations on varied start dates, for each of two operations:
//   addWorkingDays(10, to:)                 the budget: well under 0.2 s for the million
//   dueDate(receivedAt:workingDays: 10)     the same plus the London date of an instant
// Exits 1 if addWorkingDays goes over the budget.

let iterations = 1_000_000
let budget = Duration.milliseconds(200)

let calendars = Region.allCases.map { WorkingCalendar(region: $0) } + [
    WorkingCalendar(region: .englandAndWales, closures: [
        CalendarDate(2026, 12, 29): "Christmas shutdown",
        CalendarDate(2026, 12, 30): "Christmas shutdown",
        CalendarDate(2026, 12, 31): "Christmas shutdown",
    ]),
]
// 4,096 start dates spread over 2020–2031, weekends and holidays included.
let firstDay = CalendarDate(2020, 1, 1).dayNumber
let starts = (0..<4_096).map { CalendarDate(dayNumber: firstDay + ($0 * 7_919) % 4_380) }
let instants = starts.enumerated().map { index, date in
    date.instant(hour: index % 24, minute: (index * 7) % 60)
}

func timeAddWorkingDays() -> (Duration, Int) {
    var checksum = 0
    let elapsed = ContinuousClock().measure {
        for index in 0..<iterations {
            let calendar = calendars[index & 3]
            checksum &+= calendar.addWorkingDays(10, to: starts[index & 4_095]).dayNumber
        }
    }
    return (elapsed, checksum)
}

func timeDueDate() -> (Duration, Int) {
    var checksum = 0
    let elapsed = ContinuousClock().measure {
        for index in 0..<iterations {
            let calendar = calendars[index & 3]
            checksum &+= calendar.dueDate(receivedAt: instants[index & 4_095], workingDays: 10).dayNumber
        }
    }
    return (elapsed, checksum)
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f ms", Double(seconds) * 1_000 + Double(attoseconds) / 1e15)
}

_ = timeAddWorkingDays()  // warm-up: builds the regions' bitmaps
let (addElapsed, addChecksum) = timeAddWorkingDays()
let (dueElapsed, dueChecksum) = timeDueDate()
print("addWorkingDays(10, to:)            × \(iterations): \(milliseconds(addElapsed)) (checksum \(addChecksum))")
print("dueDate(receivedAt:workingDays:10) × \(iterations): \(milliseconds(dueElapsed)) (checksum \(dueChecksum))")
if addElapsed > budget {
    print("over budget: addWorkingDays took more than \(milliseconds(budget))")
    exit(1)
}
