/// One bank holiday as GOV.UK lists it (https://www.gov.uk/bank-holidays.json).
///
/// Title scheme: `title` is GOV.UK's `title` field verbatim, so a substitute day keeps the
/// name of the holiday it stands in for ("Boxing Day" on Monday 28 December 2026), and
/// `notes` is GOV.UK's `notes` field verbatim: "" for most days, "Substitute day" for a
/// substitute, "Extra bank holiday" for 2012's Diamond Jubilee. Titles use GOV.UK's curly
/// apostrophe (’), as in "New Year’s Day". `displayTitle` joins the two for people.
public struct BankHoliday: Sendable, Hashable, Codable, CustomStringConvertible {
    public static let substituteDayNote = "Substitute day"

    public let date: CalendarDate
    public let title: String
    public let notes: String

    public init(date: CalendarDate, title: String, notes: String = "") {
        self.date = date
        self.title = title
        self.notes = notes
    }

    public var isSubstitute: Bool { notes == Self.substituteDayNote }

    /// "Boxing Day (substitute day)", "Christmas Day".
    public var displayTitle: String {
        notes.isEmpty ? title : "\(title) (\(notes.lowercased()))"
    }

    public var description: String { "\(date.iso) \(displayTitle)" }

    private enum CodingKeys: String, CodingKey { case date, title, notes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(CalendarDate.self, forKey: .date)
        title = try container.decode(String.self, forKey: .title)
        notes = try container.decodeIfPresent(String.self, forKey: .notes) ?? ""
    }
}
