import Foundation
import Testing
@testable import ProbityCore

/// Document classes and Schedule 12A categories (TH 12.3–12.4; LGA 1972 Sch 12A Part 1).
@Suite("Document classes")
struct DocumentClassTests {
    typealias F = InformationFixture

    @Test func scheduleTwelveAHasSevenCategoriesEachDescribed() {
        #expect(ExemptCategory.allCases.map(\.rawValue) == Array(1...7))
        #expect(ExemptCategory.allCases.allSatisfy { !$0.statutoryDescription.isEmpty })
        #expect(ExemptCategory.legalProfessionalPrivilege.paragraph == "Schedule 12A, paragraph 5")
        #expect(ExemptCategory.crime.statutoryDescription.contains("prevention, investigation or prosecution of crime"))
        #expect(DocumentClass.exempt(.labourRelations).description == "exempt information, Schedule 12A, paragraph 4")
    }

    /// The category says why an item is exempt; who may read it is the same for every category.
    @Test(arguments: ExemptCategory.allCases)
    func everyCategoryIsReadTheSameWay(category: ExemptCategory) throws {
        let document = F.document(.exempt(category))
        #expect(try F.access(F.member(F.cabinetMember), document).allowed)
        #expect(try F.access(F.member(F.scrutinyWithin), document).allowed)
        #expect(!(try F.access(F.member(F.otherGroupMember), document)).allowed)
        #expect(try F.access(F.member(F.otherGroupMember), document, grants: [F.grant(to: F.otherGroupMember, document: document)]).allowed)
        #expect(!(try F.access(F.member(F.interestedMember), document)).allowed)
        #expect(!(try F.access(.plain(F.partyWorkerViewer), document)).allowed)
    }

    @Test func onlyCouncilInformationOfTheRightClassesCanBeReleasedOnNeedToKnow() {
        #expect(DocumentClass.exempt(.individual).mayBeReleasedOnNeedToKnow)
        #expect(DocumentClass.confidential.mayBeReleasedOnNeedToKnow)
        #expect(DocumentClass.draftPolicy.mayBeReleasedOnNeedToKnow)
        #expect(!DocumentClass.personal.mayBeReleasedOnNeedToKnow)
        #expect(!DocumentClass.groupInternal(groupID: F.labour).mayBeReleasedOnNeedToKnow)
        #expect(!DocumentClass.public.mayBeReleasedOnNeedToKnow)
    }

    @Test func classesSurviveEncoding() throws {
        let classes: [DocumentClass] = [.public, .exempt(.crime), .confidential, .groupInternal(groupID: F.labour), .draftPolicy, .personal]
        let data = try JSONEncoder().encode(classes)
        #expect(try JSONDecoder().decode([DocumentClass].self, from: data) == classes)
    }
}
