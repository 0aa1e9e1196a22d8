/// The bank holidays of each UK region.
///
/// For `publishedYears` the answer is GOV.UK's published list, embedded verbatim
/// (BankHolidays+EnglandAndWales.swift and its siblings), because that list is what
/// councils work to and it includes one-off days no rule predicts. Other years are
/// computed from the statutory rules in BankHolidays+Rules.swift.
public enum BankHolidays {
    /// The years whose holidays come from the embedded GOV.UK list.
    public static let publishedYears: ClosedRange<Int> = 2012...2027

    /// The region's bank holidays in `year`, in date order.
    public static func holidays(in region: Region, year: Int) -> [BankHoliday] {
        published(in: region, year: year) ?? statutoryHolidays(in: region, year: year)
    }

    /// The region's bank holidays from `start` to `end`, both included, in date order.
    public static func holidays(in region: Region, from start: CalendarDate, to end: CalendarDate) -> [BankHoliday] {
        guard start <= end else { return [] }
        return (start.year...end.year).flatMap { year in
            holidays(in: region, year: year).filter { $0.date >= start && $0.date <= end }
        }
    }

    /// The bank holiday on `date` in `region`, if there is one.
    public static func holiday(on date: CalendarDate, in region: Region) -> BankHoliday? {
        holidays(in: region, year: date.year).first { $0.date == date }
    }

    /// GOV.UK's list for the region and year, or nil outside `publishedYears`.
    public static func published(in region: Region, year: Int) -> [BankHoliday]? {
        guard publishedYears.contains(year) else { return nil }
        return publishedByYear[region]?[year] ?? []
    }

    private static let publishedByYear: [Region: [Int: [BankHoliday]]] = [
        .englandAndWales: Dictionary(grouping: englandAndWalesPublished) { $0.date.year },
        .scotland: Dictionary(grouping: scotlandPublished) { $0.date.year },
        .northernIreland: Dictionary(grouping: northernIrelandPublished) { $0.date.year },
    ].mapValues { $0.mapValues { $0.sorted { $0.date < $1.date } } }
}

extension BankHoliday {
    /// A row of an embedded table; traps on a malformed date, which is a typo in the table.
    init(_ iso: String, _ title: String, _ notes: String = "") {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad date in holiday table: \(iso)") }
        self.init(date: date, title: title, notes: notes)
    }
}
