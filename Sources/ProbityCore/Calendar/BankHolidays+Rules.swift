/// The standing rules for UK bank holidays, as GOV.UK has applied them since 2012.
///
/// Sources: the Banking and Financial Dealings Act 1971, Schedule 1 (England and Wales and
/// Northern Ireland: Easter Monday, the last Mondays in May and August, 26/27 December, and
/// in Northern Ireland 17 March; Scotland: 1 and 2 January, Good Friday, the first Mondays
/// in May and August, Christmas Day); the royal proclamations made each year under
/// section 1(3) of that Act (New Year's Day and the early May holiday outside Scotland, the
/// late May holiday and Boxing Day in Scotland, 12 July in Northern Ireland, and the Monday
/// or Tuesday substitutes when a fixed-date holiday falls at a weekend); the St Andrew's
/// Day Bank Holiday (Scotland) Act 2007; and Good Friday and Christmas Day as common-law
/// holidays in England, Wales and Northern Ireland.
///
/// The rules ignore one-off changes (jubilees, a coronation, a state funeral, a moved May
/// holiday) because those are made by proclamation year by year; the embedded GOV.UK table
/// carries the ones up to `publishedYears.upperBound`. They are not meant for years before
/// 1978, when the early May holiday began.
extension BankHolidays {
    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year, month, day)
    }

    /// The region's bank holidays in `year` by the standing rules alone, in date order;
    /// empty outside the years `CalendarDate` can name (1 to 9999).
    public static func statutoryHolidays(in region: Region, year: Int) -> [BankHoliday] {
        guard (1...9999).contains(year) else { return [] }
        let easter = easterSunday(year: year)
        var days: [BankHoliday] = []
        switch region {
        case .englandAndWales, .northernIreland:
            days += [newYearsDay(year)]
            if region == .northernIreland {
                days.append(movedToMonday(CalendarDate(year, 3, 17), Title.stPatricksDay))
            }
            days += [
                BankHoliday(date: easter.adding(days: -2), title: Title.goodFriday),
                BankHoliday(date: easter.adding(days: 1), title: Title.easterMonday),
                BankHoliday(date: firstMonday(year, 5), title: Title.earlyMay),
                BankHoliday(date: lastMonday(year, 5), title: Title.spring),
            ]
            if region == .northernIreland {
                days.append(movedToMonday(CalendarDate(year, 7, 12), Title.battleOfTheBoyne))
            }
            days.append(BankHoliday(date: lastMonday(year, 8), title: Title.summer))
        case .scotland:
            days += scottishNewYear(year)
            days += [
                BankHoliday(date: easter.adding(days: -2), title: Title.goodFriday),
                BankHoliday(date: firstMonday(year, 5), title: Title.earlyMay),
                BankHoliday(date: lastMonday(year, 5), title: Title.spring),
                BankHoliday(date: firstMonday(year, 8), title: Title.summer),
                movedToMonday(CalendarDate(year, 11, 30), Title.stAndrewsDay),
            ]
        }
        days += christmas(year)
        return days.sorted { $0.date < $1.date }
    }

    /// GOV.UK's titles, with its curly apostrophes.
    enum Title {
        static let newYearsDay = "New Year’s Day"
        static let secondJanuary = "2nd January"
        static let stPatricksDay = "St Patrick’s Day"
        static let goodFriday = "Good Friday"
        static let easterMonday = "Easter Monday"
        static let earlyMay = "Early May bank holiday"
        static let spring = "Spring bank holiday"
        static let battleOfTheBoyne = "Battle of the Boyne (Orangemen’s Day)"
        static let summer = "Summer bank holiday"
        static let stAndrewsDay = "St Andrew’s Day"
        static let christmasDay = "Christmas Day"
        static let boxingDay = "Boxing Day"
    }

    private static let substitute = BankHoliday.substituteDayNote

    private static func firstMonday(_ year: Int, _ month: Int) -> CalendarDate {
        let first = CalendarDate(year, month, 1)
        return first.adding(days: (8 - first.weekday.rawValue) % 7)
    }

    private static func lastMonday(_ year: Int, _ month: Int) -> CalendarDate {
        let last = CalendarDate(year, month, CalendarDate.daysInMonth(year: year, month: month))
        return last.adding(days: -(last.weekday.rawValue - 1))
    }

    /// A fixed-date holiday that, at a weekend, is taken on the following Monday.
    private static func movedToMonday(_ date: CalendarDate, _ title: String) -> BankHoliday {
        switch date.weekday {
        case .saturday: BankHoliday(date: date.adding(days: 2), title: title, notes: substitute)
        case .sunday: BankHoliday(date: date.adding(days: 1), title: title, notes: substitute)
        default: BankHoliday(date: date, title: title)
        }
    }

    private static func newYearsDay(_ year: Int) -> BankHoliday {
        movedToMonday(CalendarDate(year, 1, 1), Title.newYearsDay)
    }

    /// 1 and 2 January; at a weekend they are taken on the next Monday and Tuesday.
    /// When 1 January is a Sunday, GOV.UK labelled Monday 2nd "2nd January" and Tuesday 3rd
    /// the New Year's Day substitute in 2012 and 2017, but Monday the New Year's Day
    /// substitute and Tuesday the 2nd January substitute in 2023; the rules follow 2023.
    private static func scottishNewYear(_ year: Int) -> [BankHoliday] {
        let first = CalendarDate(year, 1, 1)
        let second = CalendarDate(year, 1, 2)
        switch first.weekday {
        case .friday:
            return [BankHoliday(date: first, title: Title.newYearsDay),
                    BankHoliday(date: CalendarDate(year, 1, 4), title: Title.secondJanuary, notes: substitute)]
        case .saturday:
            return [BankHoliday(date: CalendarDate(year, 1, 3), title: Title.newYearsDay, notes: substitute),
                    BankHoliday(date: CalendarDate(year, 1, 4), title: Title.secondJanuary, notes: substitute)]
        case .sunday:
            return [BankHoliday(date: second, title: Title.newYearsDay, notes: substitute),
                    BankHoliday(date: CalendarDate(year, 1, 3), title: Title.secondJanuary, notes: substitute)]
        default:
            return [BankHoliday(date: first, title: Title.newYearsDay),
                    BankHoliday(date: second, title: Title.secondJanuary)]
        }
    }

    /// 25 and 26 December; at a weekend they are taken on the next Monday and Tuesday,
    /// and when only Christmas Day is a Sunday, Boxing Day keeps Monday 26th and Christmas
    /// is taken on Tuesday 27th.
    private static func christmas(_ year: Int) -> [BankHoliday] {
        let christmasDay = CalendarDate(year, 12, 25)
        let boxingDay = CalendarDate(year, 12, 26)
        switch christmasDay.weekday {
        case .friday:
            return [BankHoliday(date: christmasDay, title: Title.christmasDay),
                    BankHoliday(date: CalendarDate(year, 12, 28), title: Title.boxingDay, notes: substitute)]
        case .saturday:
            return [BankHoliday(date: CalendarDate(year, 12, 27), title: Title.christmasDay, notes: substitute),
                    BankHoliday(date: CalendarDate(year, 12, 28), title: Title.boxingDay, notes: substitute)]
        case .sunday:
            return [BankHoliday(date: boxingDay, title: Title.boxingDay),
                    BankHoliday(date: CalendarDate(year, 12, 27), title: Title.christmasDay, notes: substitute)]
        default:
            return [BankHoliday(date: christmasDay, title: Title.christmasDay),
                    BankHoliday(date: boxingDay, title: Title.boxingDay)]
        }
    }
}
