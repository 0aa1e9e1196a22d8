/// ISO 8601 weekday numbering: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, Codable, CaseIterable, Hashable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// English name, whatever the process locale: "Friday".
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// Three-letter English abbreviation: "Fri".
    public var shortName: String { String(name.prefix(3)) }
}
