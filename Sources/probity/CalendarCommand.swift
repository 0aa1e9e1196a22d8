import ArgumentParser
import Foundation
import ProbityCore

/// `probity calendar`: bank holidays and working-day arithmetic, without a database.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "UK bank holidays and working days.",
        subcommands: [Holidays.self, Add.self])

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a region's bank holidays between two dates (both included).")
        @Option(help: "england-and-wales, scotland or northern-ireland.") var region: Region
        @Option(help: "First date, YYYY-MM-DD.") var from: CalendarDate
        @Option(help: "Last date, YYYY-MM-DD.") var to: CalendarDate
        @Flag(help: "Print JSON: [{\"date\":\"YYYY-MM-DD\",\"title\":\"…\"}, …].") var json = false

        func validate() throws {
            guard from <= to else { throw ValidationError("--to must be the same as or after --from") }
        }

        func run() throws {
            let holidays = BankHolidays.holidays(in: region, from: from, to: to)
            if json {
                struct Item: Encodable { var date: String; var title: String }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(holidays.map { Item(date: $0.date.iso, title: $0.displayTitle) }), as: UTF8.self))
            } else if holidays.isEmpty {
                print("No \(region.displayName) bank holidays between \(from.displayLong) and \(to.displayLong).")
            } else {
                for holiday in holidays { print("\(holiday.date.iso)  \(holiday.date.displayShort.padding(toLength: 15, withPad: " ", startingAt: 0))  \(holiday.displayTitle)") }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the date N working days after a date (the date itself never counts).")
        @Option(help: "england-and-wales, scotland or northern-ireland.") var region: Region
        @Option(help: "The date of receipt, YYYY-MM-DD.") var from: CalendarDate
        @Option(help: "Working days to add (0 to 3650).") var workingDays: Int

        func validate() throws {
            guard (0...3650).contains(workingDays) else { throw ValidationError("--working-days must be from 0 to 3650") }
        }

        func run() {
            print(WorkingCalendar(region: region).addWorkingDays(workingDays, to: from).iso)
        }
    }
}

extension Region: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
