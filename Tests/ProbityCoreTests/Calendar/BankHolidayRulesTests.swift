import ProbityCore
import Testing

@Suite("Bank holiday rules")
struct BankHolidayRulesTests {
    /// Where GOV.UK's published list departs from the standing rules: one-off proclamations,
    /// and Scotland's New Year labelling in 2012 and 2017 (same days, titles swapped).
    /// Keyed by region and year; `tableOnly` are in GOV.UK's list only, `rulesOnly` in the rules only.
    static let knownDifferences: [Region: [Int: (tableOnly: [String], rulesOnly: [String])]] = {
        let jubilee2012 = (
            tableOnly: ["2012-06-04 Spring bank holiday (substitute day)",
                        "2012-06-05 Queen\u{2019}s Diamond Jubilee (extra bank holiday)"],
            rulesOnly: ["2012-05-28 Spring bank holiday"])
        let veDay2020 = (
            tableOnly: ["2020-05-08 Early May bank holiday (VE day)"],
            rulesOnly: ["2020-05-04 Early May bank holiday"])
        let jubileeAndFuneral2022 = (
            tableOnly: ["2022-06-02 Spring bank holiday",
                        "2022-06-03 Platinum Jubilee bank holiday",
                        "2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II"],
            rulesOnly: ["2022-05-30 Spring bank holiday"])
        let coronation2023 = (
            tableOnly: ["2023-05-08 Bank holiday for the coronation of King Charles III"],
            rulesOnly: [String]())
        func scottishNewYear(_ year: Int) -> (tableOnly: [String], rulesOnly: [String]) {
            (tableOnly: ["\(year)-01-02 2nd January", "\(year)-01-03 New Year\u{2019}s Day (substitute day)"],
             rulesOnly: ["\(year)-01-02 New Year\u{2019}s Day (substitute day)",
                         "\(year)-01-03 2nd January (substitute day)"])
        }
        return [
            .englandAndWales: [2012: jubilee2012, 2020: veDay2020, 2022: jubileeAndFuneral2022, 2023: coronation2023],
            .scotland: [
                2012: (tableOnly: jubilee2012.tableOnly + scottishNewYear(2012).tableOnly,
                       rulesOnly: jubilee2012.rulesOnly + scottishNewYear(2012).rulesOnly),
                2017: scottishNewYear(2017),
                2020: veDay2020, 2022: jubileeAndFuneral2022, 2023: coronation2023,
            ],
            .northernIreland: [
                // GOV.UK's Northern Ireland list does not mark the moved 2012 spring holiday as a substitute.
                2012: (tableOnly: ["2012-06-04 Spring bank holiday",
                                   "2012-06-05 Queen\u{2019}s Diamond Jubilee (extra bank holiday)"],
                       rulesOnly: jubilee2012.rulesOnly),
                2020: veDay2020, 2022: jubileeAndFuneral2022, 2023: coronation2023,
            ],
        ]
    }()

    @Test(arguments: Region.allCases, BankHolidays.publishedYears)
    func rulesReproduceGovUKExceptKnownOneOffs(region: Region, year: Int) throws {
        let table = Set(try #require(BankHolidays.published(in: region, year: year)).map(\.description))
        let rules = Set(BankHolidays.statutoryHolidays(in: region, year: year).map(\.description))
        let expected = Self.knownDifferences[region]?[year] ?? (tableOnly: [], rulesOnly: [])
        #expect(table.subtracting(rules) == Set(expected.tableOnly))
        #expect(rules.subtracting(table) == Set(expected.rulesOnly))
    }

    @Test func publishedYearsAreTheTable() {
        #expect(BankHolidays.publishedYears == 2012...2027)
        #expect(BankHolidays.published(in: .scotland, year: 2011) == nil)
        #expect(BankHolidays.published(in: .scotland, year: 2028) == nil)
        for region in Region.allCases {
            #expect(BankHolidays.holidays(in: region, year: 2031) == BankHolidays.statutoryHolidays(in: region, year: 2031))
        }
    }

    @Test(arguments: [
        (2029, "2029-04-01"), (2030, "2030-04-21"), (2035, "2035-03-25"), (2026, "2026-04-05"),
        (2027, "2027-03-28"), (2028, "2028-04-16"), (2038, "2038-04-25"), (2285, "2285-03-22"),
        (1818, "1818-03-22"), (2000, "2000-04-23"), (2019, "2019-04-21"),
    ])
    func easterSunday(year: Int, iso: String) {
        #expect(BankHolidays.easterSunday(year: year) == ymd(iso))
    }

    @Test func easterAgreesWithTheTableEveryPublishedYear() {
        for year in BankHolidays.publishedYears {
            let goodFriday = BankHolidays.published(in: .scotland, year: year)?.first { $0.title == "Good Friday" }
            #expect(goodFriday?.date == BankHolidays.easterSunday(year: year).adding(days: -2), "\(year)")
        }
    }

    @Test func year2029() {
        #expect(descriptions(.englandAndWales, 2029) == [
            "2029-01-01 New Year\u{2019}s Day", "2029-03-30 Good Friday", "2029-04-02 Easter Monday",
            "2029-05-07 Early May bank holiday", "2029-05-28 Spring bank holiday", "2029-08-27 Summer bank holiday",
            "2029-12-25 Christmas Day", "2029-12-26 Boxing Day",
        ])
        #expect(descriptions(.scotland, 2029) == [
            "2029-01-01 New Year\u{2019}s Day", "2029-01-02 2nd January", "2029-03-30 Good Friday",
            "2029-05-07 Early May bank holiday", "2029-05-28 Spring bank holiday", "2029-08-06 Summer bank holiday",
            "2029-11-30 St Andrew\u{2019}s Day", "2029-12-25 Christmas Day", "2029-12-26 Boxing Day",
        ])
        #expect(descriptions(.northernIreland, 2029) == [
            "2029-01-01 New Year\u{2019}s Day", "2029-03-19 St Patrick\u{2019}s Day (substitute day)",
            "2029-03-30 Good Friday", "2029-04-02 Easter Monday", "2029-05-07 Early May bank holiday",
            "2029-05-28 Spring bank holiday", "2029-07-12 Battle of the Boyne (Orangemen\u{2019}s Day)",
            "2029-08-27 Summer bank holiday", "2029-12-25 Christmas Day", "2029-12-26 Boxing Day",
        ])
    }

    @Test func year2030() {
        #expect(descriptions(.englandAndWales, 2030) == [
            "2030-01-01 New Year\u{2019}s Day", "2030-04-19 Good Friday", "2030-04-22 Easter Monday",
            "2030-05-06 Early May bank holiday", "2030-05-27 Spring bank holiday", "2030-08-26 Summer bank holiday",
            "2030-12-25 Christmas Day", "2030-12-26 Boxing Day",
        ])
        #expect(descriptions(.scotland, 2030) == [
            "2030-01-01 New Year\u{2019}s Day", "2030-01-02 2nd January", "2030-04-19 Good Friday",
            "2030-05-06 Early May bank holiday", "2030-05-27 Spring bank holiday", "2030-08-05 Summer bank holiday",
            "2030-12-02 St Andrew\u{2019}s Day (substitute day)", "2030-12-25 Christmas Day", "2030-12-26 Boxing Day",
        ])
        #expect(descriptions(.northernIreland, 2030) == [
            "2030-01-01 New Year\u{2019}s Day", "2030-03-18 St Patrick\u{2019}s Day (substitute day)",
            "2030-04-19 Good Friday", "2030-04-22 Easter Monday", "2030-05-06 Early May bank holiday",
            "2030-05-27 Spring bank holiday", "2030-07-12 Battle of the Boyne (Orangemen\u{2019}s Day)",
            "2030-08-26 Summer bank holiday", "2030-12-25 Christmas Day", "2030-12-26 Boxing Day",
        ])
    }

    @Test func year2035() {
        #expect(descriptions(.englandAndWales, 2035) == [
            "2035-01-01 New Year\u{2019}s Day", "2035-03-23 Good Friday", "2035-03-26 Easter Monday",
            "2035-05-07 Early May bank holiday", "2035-05-28 Spring bank holiday", "2035-08-27 Summer bank holiday",
            "2035-12-25 Christmas Day", "2035-12-26 Boxing Day",
        ])
        #expect(descriptions(.scotland, 2035) == [
            "2035-01-01 New Year\u{2019}s Day", "2035-01-02 2nd January", "2035-03-23 Good Friday",
            "2035-05-07 Early May bank holiday", "2035-05-28 Spring bank holiday", "2035-08-06 Summer bank holiday",
            "2035-11-30 St Andrew\u{2019}s Day", "2035-12-25 Christmas Day", "2035-12-26 Boxing Day",
        ])
        #expect(descriptions(.northernIreland, 2035) == [
            "2035-01-01 New Year\u{2019}s Day", "2035-03-19 St Patrick\u{2019}s Day (substitute day)",
            "2035-03-23 Good Friday", "2035-03-26 Easter Monday", "2035-05-07 Early May bank holiday",
            "2035-05-28 Spring bank holiday", "2035-07-12 Battle of the Boyne (Orangemen\u{2019}s Day)",
            "2035-08-27 Summer bank holiday", "2035-12-25 Christmas Day", "2035-12-26 Boxing Day",
        ])
    }

    @Test func christmasOnASaturdayOrSunday() {
        // 2032: Christmas Day is a Saturday.
        #expect(descriptions(.englandAndWales, 2032).suffix(2) == [
            "2032-12-27 Christmas Day (substitute day)", "2032-12-28 Boxing Day (substitute day)",
        ])
        // 2033: Christmas Day is a Sunday; Boxing Day keeps Monday 26th.
        #expect(descriptions(.scotland, 2033).suffix(2) == [
            "2033-12-26 Boxing Day", "2033-12-27 Christmas Day (substitute day)",
        ])
        // 2031: Boxing Day is a Friday, nothing moves. 2037: Christmas is a Friday, Boxing Day moves.
        #expect(descriptions(.northernIreland, 2031).suffix(2) == ["2031-12-25 Christmas Day", "2031-12-26 Boxing Day"])
        #expect(descriptions(.northernIreland, 2037).suffix(2) == [
            "2037-12-25 Christmas Day", "2037-12-28 Boxing Day (substitute day)",
        ])
    }

    @Test func newYearOnAWeekend() {
        // 2033: 1 January is a Saturday.
        #expect(descriptions(.englandAndWales, 2033).prefix(1) == ["2033-01-03 New Year\u{2019}s Day (substitute day)"])
        #expect(descriptions(.scotland, 2033).prefix(2) == [
            "2033-01-03 New Year\u{2019}s Day (substitute day)", "2033-01-04 2nd January (substitute day)",
        ])
        // 2034: 1 January is a Sunday.
        #expect(descriptions(.englandAndWales, 2034).prefix(1) == ["2034-01-02 New Year\u{2019}s Day (substitute day)"])
        #expect(descriptions(.scotland, 2034).prefix(2) == [
            "2034-01-02 New Year\u{2019}s Day (substitute day)", "2034-01-03 2nd January (substitute day)",
        ])
        // 2038: 1 January is a Friday, so 2 January is a Saturday.
        #expect(descriptions(.scotland, 2038).prefix(2) == [
            "2038-01-01 New Year\u{2019}s Day", "2038-01-04 2nd January (substitute day)",
        ])
    }

    @Test func everyRuleDayIsAWeekdayAndDistinct() {
        for region in Region.allCases {
            for year in 1978...2199 {
                let days = BankHolidays.statutoryHolidays(in: region, year: year)
                #expect(days.allSatisfy { !$0.date.isWeekend && $0.date.year == year }, "\(region) \(year)")
                #expect(Set(days.map(\.date)).count == days.count, "\(region) \(year)")
                #expect(days.map(\.date) == days.map(\.date).sorted(), "\(region) \(year)")
            }
        }
    }

    private func descriptions(_ region: Region, _ year: Int) -> [String] {
        BankHolidays.holidays(in: region, year: year).map(\.description)
    }
}
