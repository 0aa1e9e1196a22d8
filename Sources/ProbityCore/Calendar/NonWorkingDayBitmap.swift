/// One bit per day from 1970-01-01 to 2199-12-31, set when the day is not a working day
/// (weekend, bank holiday, or a closure added by `insert`). Bit i is day number i.
///
/// A region's bitmap is built once (about 10 KB) and shared; a `WorkingCalendar` with
/// closure days holds a copy-on-write copy with those bits added.
struct NonWorkingDayBitmap: Sendable {
    static let coveredYears = 1970...2199
    /// Day number of 1 January of the year after `coveredYears`: the first day not covered.
    static let endDay = CalendarDate(coveredYears.upperBound + 1, 1, 1).dayNumber

    private var words: [UInt64]

    static func base(for region: Region) -> NonWorkingDayBitmap {
        switch region {
        case .englandAndWales: englandAndWales
        case .scotland: scotland
        case .northernIreland: northernIreland
        }
    }

    private static let englandAndWales = NonWorkingDayBitmap(region: .englandAndWales)
    private static let scotland = NonWorkingDayBitmap(region: .scotland)
    private static let northernIreland = NonWorkingDayBitmap(region: .northernIreland)

    private init(region: Region) {
        let wordCount = (Self.endDay + 63) / 64
        words = Array(repeating: 0, count: wordCount)
        // Bits past the last covered day stay set, so searches never count them as working.
        for day in Self.endDay..<(wordCount * 64) { setBit(day) }
        // 1970-01-01 was a Thursday: day 2 is the first Saturday.
        var saturday = 2
        while saturday < Self.endDay {
            setBit(saturday)
            if saturday + 1 < Self.endDay { setBit(saturday + 1) }
            saturday += 7
        }
        for year in Self.coveredYears {
            for holiday in BankHolidays.holidays(in: region, year: year) {
                setBit(holiday.date.dayNumber)
            }
        }
    }

    static func covers(_ day: Int) -> Bool { day >= 0 && day < endDay }

    /// Whether `day` is non-working, or nil when it is outside the covered years.
    func isNonWorking(_ day: Int) -> Bool? {
        guard Self.covers(day) else { return nil }
        return words[day >> 6] & (1 << UInt64(day & 63)) != 0
    }

    /// Marks `day` non-working; days outside the covered years are ignored.
    mutating func insert(_ day: Int) {
        guard Self.covers(day) else { return }
        setBit(day)
    }

    private mutating func setBit(_ day: Int) {
        words[day >> 6] |= 1 << UInt64(day & 63)
    }

    /// The `n`th working day after `day` (n >= 1), or nil if the search leaves the covered years.
    func nthWorkingDay(after day: Int, _ n: Int) -> Int? {
        let start = day + 1
        guard n >= 1, Self.covers(start) else { return nil }
        var remaining = n
        var wordIndex = start >> 6
        var free = ~words[wordIndex] & (UInt64.max << UInt64(start & 63))
        while true {
            let count = free.nonzeroBitCount
            if count >= remaining {
                for _ in 1..<remaining { free &= free - 1 }
                return wordIndex * 64 + free.trailingZeroBitCount
            }
            remaining -= count
            wordIndex += 1
            guard wordIndex < words.count else { return nil }
            free = ~words[wordIndex]
        }
    }

    /// The number of working days d with `first` <= d <= `last`, or nil if that range
    /// leaves the covered years. `first` must not be after `last`.
    func countWorkingDays(from first: Int, through last: Int) -> Int? {
        guard Self.covers(first), Self.covers(last) else { return nil }
        let firstWord = first >> 6
        let lastWord = last >> 6
        var count = 0
        for wordIndex in firstWord...lastWord {
            var free = ~words[wordIndex]
            if wordIndex == firstWord { free &= UInt64.max << UInt64(first & 63) }
            if wordIndex == lastWord { free &= UInt64.max >> UInt64(63 - (last & 63)) }
            count += free.nonzeroBitCount
        }
        return count
    }
}
