extension CalendarDate {
    /// English month name, whatever the process locale: "December".
    public var monthName: String { Self.monthNames[month - 1] }

    /// "Fri 4 Dec 2026".
    public var displayShort: String {
        "\(weekday.shortName) \(day) \(monthName.prefix(3)) \(year)"
    }

    /// "Friday 4 December 2026".
    public var displayLong: String {
        "\(weekday.name) \(day) \(monthName) \(year)"
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
