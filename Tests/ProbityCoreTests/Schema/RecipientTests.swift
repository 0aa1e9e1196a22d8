import Testing
@testable import ProbityCore

@Suite("Recipients in routing tables")
struct RecipientTests {
    @Test func absoluteRoleParses() {
        #expect(Recipient(string: "chief-executive") == Recipient(.chiefExecutive))
    }

    @Test func relativeRoleNeedsAnAnchor() {
        #expect(Recipient(string: "director") == nil)
        #expect(Recipient(string: "subject.director") == Recipient(.director, of: .subject))
    }

    @Test func unknownWordsAreRejected() {
        for text in ["", "boss", "subject.boss", "someone.director", "a.b.c", "subject."] {
            #expect(Recipient(string: text) == nil, "\(text) should not parse")
        }
    }

    @Test func descriptionRoundTrips() {
        for text in ["monitoring-officer", "service.head-of-service", "declarant.group-leader", "matter.ward-members"] {
            #expect(Recipient(string: text)?.description == text)
        }
    }

    @Test func citationReferenceJoinsParagraphsAndHeading() {
        #expect(Citation(paragraphs: ["13.5"]).reference == "13.5")
        #expect(Citation(paragraphs: ["13.4", "13.5", "13.6"]).reference == "13.4, 13.5 and 13.6")
        #expect(Citation(paragraphs: ["13"], heading: "Monitoring complaints").reference == "13 (Monitoring complaints)")
    }
}
