import Foundation
import ProbityCore
import Testing

/// One division of GOV.UK's bank-holidays.json.
private struct GovUKDivision: Decodable {
    let division: String
    let events: [BankHoliday]
}

private let govUK: [String: GovUKDivision] = {
    do {
        return try JSONDecoder().decode([String: GovUKDivision].self, from: Data(GovUKFixture.json.utf8))
    } catch {
        preconditionFailure("GovUKFixture.json does not decode: \(error)")
    }
}()

@Suite("Bank holidays against GOV.UK's list")
struct PublishedBankHolidayTests {
    @Test(arguments: Region.allCases, 2012...2028)
    func matchesGovUK(region: Region, year: Int) throws {
        let division = try #require(govUK[region.rawValue])
        #expect(division.division == region.rawValue)
        let expected = division.events.filter { $0.date.year == year }
        #expect(expected.count >= 8)
        #expect(BankHolidays.holidays(in: region, year: year) == expected)
    }

    @Test func fixtureCoversEveryYear() throws {
        for region in Region.allCases {
            let years = Set(try #require(govUK[region.rawValue]).events.map(\.date.year))
            #expect(years == Set(2012...2028), "\(region)")
        }
    }

    @Test func yearlyCounts() {
        func counts(_ region: Region) -> [Int] {
            (2012...2028).map { BankHolidays.holidays(in: region, year: $0).count }
        }
        // 2012 has the Diamond Jubilee, 2022 the Platinum Jubilee and the state funeral, 2023 the coronation.
        #expect(counts(.englandAndWales) == [9, 8, 8, 8, 8, 8, 8, 8, 8, 8, 10, 9, 8, 8, 8, 8, 8])
        #expect(counts(.scotland) == [10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 11, 10, 9, 9, 9, 9, 9])
        #expect(counts(.northernIreland) == [11, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 11, 10, 10, 10, 10, 10])
    }

    @Test func titlesUseGovUKCurlyApostrophes() throws {
        let newYear = try #require(BankHolidays.holidays(in: .englandAndWales, year: 2026).first)
        #expect(newYear.title == "New Year\u{2019}s Day")
        #expect(newYear.title != "New Year's Day")
        #expect(BankHolidays.holiday(on: ymd("2026-07-13"), in: .northernIreland)?.title
            == "Battle of the Boyne (Orangemen\u{2019}s Day)")
        #expect(BankHolidays.holiday(on: ymd("2026-11-30"), in: .scotland)?.title == "St Andrew\u{2019}s Day")
    }

    @Test func substituteDaysKeepTheirTitleAndSayItInNotes() throws {
        let boxing = try #require(BankHolidays.holiday(on: ymd("2026-12-28"), in: .englandAndWales))
        #expect(boxing.title == "Boxing Day")
        #expect(boxing.notes == "Substitute day")
        #expect(boxing.isSubstitute)
        #expect(boxing.displayTitle == "Boxing Day (substitute day)")
        let christmas = try #require(BankHolidays.holiday(on: ymd("2026-12-25"), in: .englandAndWales))
        #expect(!christmas.isSubstitute)
        #expect(christmas.displayTitle == "Christmas Day")
        #expect(BankHolidays.holiday(on: ymd("2026-12-26"), in: .englandAndWales) == nil)
    }

    @Test func oneOffDaysAreInEveryRegion() {
        for region in Region.allCases {
            #expect(BankHolidays.holiday(on: ymd("2022-09-19"), in: region)?.title
                == "Bank Holiday for the State Funeral of Queen Elizabeth II")
            #expect(BankHolidays.holiday(on: ymd("2023-05-08"), in: region)?.title
                == "Bank holiday for the coronation of King Charles III")
            #expect(BankHolidays.holiday(on: ymd("2022-06-03"), in: region)?.title == "Platinum Jubilee bank holiday")
            #expect(BankHolidays.holiday(on: ymd("2020-05-08"), in: region)?.title == "Early May bank holiday (VE day)")
            #expect(BankHolidays.holiday(on: ymd("2020-05-04"), in: region) == nil)
            #expect(BankHolidays.holiday(on: ymd("2012-06-05"), in: region)?.notes == "Extra bank holiday")
            #expect(BankHolidays.holiday(on: ymd("2022-05-30"), in: region) == nil)
        }
    }

    @Test func holidaysInARangeIncludeBothEnds() {
        let span = BankHolidays.holidays(in: .scotland, from: ymd("2026-12-25"), to: ymd("2027-01-04"))
        #expect(span.map(\.description) == [
            "2026-12-25 Christmas Day",
            "2026-12-28 Boxing Day (substitute day)",
            "2027-01-01 New Year\u{2019}s Day",
            "2027-01-04 2nd January (substitute day)",
        ])
        let englandAndWales = BankHolidays.holidays(in: .englandAndWales, from: ymd("2026-12-26"), to: ymd("2027-01-03"))
        #expect(englandAndWales.map(\.date) == [ymd("2026-12-28"), ymd("2027-01-01")])
        #expect(BankHolidays.holidays(in: .englandAndWales, from: ymd("2027-01-03"), to: ymd("2026-12-01")).isEmpty)
    }

    @Test func bankHolidayCodable() throws {
        let holiday = BankHoliday(date: ymd("2027-12-28"), title: "Boxing Day", notes: "Substitute day")
        let roundTripped = try JSONDecoder().decode(BankHoliday.self, from: JSONEncoder().encode(holiday))
        #expect(roundTripped == holiday)
        let withoutNotes = try JSONDecoder().decode(
            BankHoliday.self, from: Data(#"{"date":"2027-12-27","title":"Christmas Day"}"#.utf8))
        #expect(withoutNotes == BankHoliday(date: ymd("2027-12-27"), title: "Christmas Day"))
    }
}
