import Foundation
import Testing
@testable import ProbityCore

@Suite("High-volume indicator (Wigan 6.5)")
struct EnquiryVolumeTests {
    typealias F = EnquiryFixture

    static let counts: [UUID: Int] = [F.cllrAhmed: 41, F.cllrBrown: 9, F.cllrCarter: 8, F.cllrDavies: 10, F.cllrEvans: 9]

    @Test func aMemberFarAboveTheMedianIsFlaggedInNeutralWords() throws {
        let assessment = EnquiryVolume.assess(counts: Self.counts, profile: try F.profile("wigan"), org: F.org)
        #expect(assessment.inForce)
        #expect(assessment.median == 9)
        #expect(assessment.membersCounted == 5)
        #expect(assessment.rule.citation == "Wigan protocol 6.5")
        #expect(assessment.flags.map(\.memberID) == [F.cllrAhmed])
        let flag = try #require(assessment.flags.first)
        #expect(flag.message == "Cllr Aisha Ahmed raised 41 enquiries in the last 12 months; the median is 9. This is information to help plan casework, not a finding about the member.")
        for word in ["excessive", "abuse", "vexatious", "breach", "unreasonable"] {
            #expect(!flag.message.lowercased().contains(word))
        }
    }

    @Test func aCountExactlyAtTheThresholdIsNotFlagged() throws {
        var counts = Self.counts
        counts[F.cllrAhmed] = 27  // 3 × median 9
        #expect(EnquiryVolume.assess(counts: counts, profile: try F.profile("wigan"), org: F.org).flags.isEmpty)
        counts[F.cllrAhmed] = 28
        #expect(EnquiryVolume.assess(counts: counts, profile: try F.profile("wigan"), org: F.org).flags.count == 1)
    }

    @Test func membersWithNoEnquiriesDoNotLowerTheMedian() throws {
        var counts = Self.counts
        counts[F.cllrLeader] = 0
        counts[F.cllrFoster] = 0
        let assessment = EnquiryVolume.assess(counts: counts, profile: try F.profile("wigan"), org: F.org)
        #expect(assessment.median == 9)
        #expect(assessment.membersCounted == 5)
    }

    @Test func tooFewMembersMeansNoIndicator() throws {
        let counts: [UUID: Int] = [F.cllrAhmed: 60, F.cllrBrown: 2, F.cllrCarter: 1, F.cllrDavies: 1]
        let assessment = EnquiryVolume.assess(counts: counts, profile: try F.profile("wigan"), org: F.org)
        #expect(assessment.flags.isEmpty)
        #expect(assessment.median == nil)
        #expect(assessment.note == "Fewer than 5 members raised enquiries in the last 12 months, too few to compare anyone with the norm.")
    }

    @Test func profilesWithoutTheIndicatorFlagNobody() throws {
        let assessment = EnquiryVolume.assess(counts: Self.counts, profile: try F.profile("tower-hamlets"), org: F.org)
        #expect(!assessment.inForce)
        #expect(assessment.flags.isEmpty)
        #expect(assessment.note == "The high-volume indicator is not in force for this protocol.")
    }

    @Test func anEvenCountUsesTheMeanOfTheMiddleTwo() throws {
        var counts = Self.counts
        counts[F.cllrLeader] = 12  // 8, 9, 9, 10, 12, 41
        let assessment = EnquiryVolume.assess(counts: counts, profile: try F.profile("wigan"), org: F.org)
        #expect(assessment.median == 9.5)
        #expect(assessment.flags.first?.message.contains("the median is 9.5.") == true)
        #expect(EnquiryVolume.median([]) == 0)
    }

    @Test func flagsAreOrderedByCountThenName() throws {
        var profile = try F.profile("wigan")
        profile.enquiries.volumeIndicator.parameters.multipleOfMedian = 1.0
        let assessment = EnquiryVolume.assess(counts: Self.counts, profile: profile, org: F.org)
        #expect(assessment.flags.map(\.memberID) == [F.cllrAhmed, F.cllrDavies])
    }

    @Test func theWindowStartsTheSameDayMonthsEarlier() {
        #expect(EnquiryVolume.windowStart(today: CalendarDate(2027, 1, 12), months: 12) == CalendarDate(2026, 1, 12))
        #expect(EnquiryVolume.windowStart(today: CalendarDate(2026, 3, 31), months: 1) == CalendarDate(2026, 2, 28))
        #expect(EnquiryVolume.windowStart(today: CalendarDate(2026, 1, 15), months: 2) == CalendarDate(2025, 11, 15))
    }
}
