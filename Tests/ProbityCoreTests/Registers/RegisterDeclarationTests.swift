import Foundation
import Testing
@testable import ProbityCore

@Suite("Register declarations: kinds, tags and validation")
struct RegisterDeclarationTests {
    typealias F = RegisterFixture

    @Test func everyKindHasItsLabelAndOnlyInterestsAreRegisterable() {
        let kinds: [(DeclarationKind, String, Bool)] = [
            (.disclosablePecuniary(.land, holder: .member), "Disclosable pecuniary interest (Land)", true),
            (.disclosablePecuniary(.employment, holder: .spouseOrPartner),
             "Disclosable pecuniary interest (Employment, office, trade, profession or vocation)", true),
            (.otherRegisterable(.charitable), "Other registerable interest (Bodies directed to charitable purposes)", true),
            (.nonRegisterable(meetingID: "m1", itemIDs: []), "Non-registerable interest", false),
            (.closeRelationship(CloseRelationship(with: F.highwaysOfficer, nature: .closeFriendship)), "Close personal relationship", false),
            (.recruitment(RecruitmentLink(candidateName: "Sam", processID: "p1", post: "Head of Highways")), "Relationship to a candidate", false),
            (.restriction(.councilTaxArrears(months: 2)), "Council tax arrears", false),
            (.restriction(.councilTenancy(address: "1 Oak Road", rentArrearsMonths: 0)), "Council tenancy", false),
            (.restriction(.tradeUnion(union: "Unison", role: .official)), "Trade union office or employment", false),
            (.restriction(.otherAuthorityEmployment(authority: "Newham")), "Employment by another local authority", false),
            (.restriction(.politicallyRestrictedPost(post: "Policy Adviser", authority: "Newham")), "Politically restricted post", false),
        ]
        for (kind, label, registerable) in kinds {
            #expect(kind.label == label)
            #expect(kind.isRegisterable == registerable, "\(label)")
        }
    }

    @Test func theStatutoryCategoriesAreAllSeven() {
        #expect(PecuniaryInterestCategory.allCases.map(\.displayName) == [
            "Employment, office, trade, profession or vocation", "Sponsorship", "Contracts", "Land", "Licences",
            "Corporate tenancies", "Securities",
        ])
        #expect(PecuniaryInterestCategory.securities.guidance.contains("£25,000"))
    }

    @Test func namesAreComparedInNormalisedForm() {
        #expect(InterestTag.body("The Acme Widgets Ltd.").normalised == InterestTag.body("ACME WIDGETS LIMITED").normalised)
        #expect(InterestTag.body("Smith & Sons PLC").normalised == .body("smith and sons"))
        #expect(InterestTag.body("Limited").normalised == .body("limited"))
        #expect(InterestTag.land("Flat 2, 10 High St, E1 4NS").normalised == InterestTag.land("flat 2 10 high st e14ns").normalised)
        #expect(InterestTag.land("10 High Street").normalised != InterestTag.land("12 High Street").normalised)
        #expect(InterestTag.topic("  School   Closures ").normalised == .topic("school closures"))
        #expect(InterestTag.ward(F.northWard).normalised == .ward(F.northWard))
    }

    @Test func kindsAddTheTagsTheyImply() {
        let relationship = F.relationship(F.ann, with: F.highwaysOfficer, .spouseOrCivilPartner)
        #expect(relationship.effectiveTags == [.person(F.highwaysOfficer)])
        let link = F.declaration(F.bob, .recruitment(RecruitmentLink(candidateName: "Sam", processID: "HR-2026-14", post: "Head of Housing")))
        #expect(link.effectiveTags == [.recruitment("hr 2026 14"), .post("head of housing")])
        let tenancy = F.restriction(F.carol, .councilTenancy(address: "1 Oak Road", rentArrearsMonths: 0))
        #expect(tenancy.effectiveTags == [.land("1oakroad")])
        let union = F.restriction(F.carol, .tradeUnion(union: "Unison", role: .employee))
        #expect(union.effectiveTags == [.body("unison")])
        let dpi = F.dpi(F.ann, .contracts, "Contract for cleaning", tags: [.body("Acme Cleaning Ltd")])
        #expect(dpi.effectiveTags == [.body("acme cleaning")])
    }

    @Test func anEntryIsCurrentFromRegistrationUntilTheDayItCeases() {
        let entry = F.declaration(F.ann, .otherRegisterable(.charitable), "Trustee", registeredOn: CalendarDate(2026, 5, 11),
                                  ceasedOn: CalendarDate(2026, 7, 1))
        #expect(!entry.isCurrent(on: CalendarDate(2026, 5, 10)))
        #expect(entry.isCurrent(on: CalendarDate(2026, 5, 11)))
        #expect(entry.isCurrent(on: CalendarDate(2026, 6, 30)))
        #expect(!entry.isCurrent(on: CalendarDate(2026, 7, 1)))
    }

    @Test func soundDeclarationsHaveNoIssues() {
        let entries = [
            F.dpi(F.ann, .land, "Home at 1 Oak Road", tags: [.land("1 Oak Road")]),
            F.dpi(F.ann, .employment, "Employed by Acme Ltd", holder: .spouseOrPartner, tags: [], relatedPersonName: "Pat Able"),
            F.relationship(F.highwaysOfficer, with: F.ann, .closeFriendship),
            F.restriction(F.bob, .councilTaxArrears(months: 3)),
            F.restriction(F.housingOfficer, .politicallyRestrictedPost(post: "Policy Officer", authority: "This council")),
        ]
        for entry in entries { #expect(entry.issues(org: F.org).isEmpty, "\(entry.kind.label)") }
    }

    @Test func unsoundDeclarationsAreRefusedWithTheField() {
        func fields(_ declaration: Declaration) -> [String] { declaration.issues(org: F.org).map(\.field) }
        #expect(fields(F.declaration(F.highwaysOfficer, .disclosablePecuniary(.land, holder: .member), "Land")) == ["kind"])
        #expect(fields(F.declaration(F.ann, .otherRegisterable(.other), "   ")) == ["description"])
        #expect(fields(F.declaration(F.ann, .otherRegisterable(.other), "Trustee", registeredOn: CalendarDate(2026, 5, 11),
                                     ceasedOn: CalendarDate(2026, 5, 11))) == ["ceasedOn"])
        #expect(fields(F.relationship(F.ann, with: F.ann, .closeFriendship)) == ["kind.with"])
        #expect(fields(F.relationship(F.ann, with: .officer(F.id(999)), .closeFriendship)) == ["kind.with"])
        #expect(fields(F.restriction(F.bob, .councilTaxArrears(months: -1))) == ["kind.months"])
        #expect(fields(F.restriction(F.highwaysOfficer, .councilTaxArrears(months: 2))) == ["kind"])
        #expect(fields(F.restriction(F.bob, .tradeUnion(union: " ", role: .official))) == ["kind.union"])
        #expect(fields(F.declaration(.member(F.id(998)), .otherRegisterable(.other), "Trustee")) == ["declarant"])
        #expect(fields(F.declaration(F.ann, .recruitment(RecruitmentLink(candidateName: "", processID: "", post: "")))) ==
                ["kind.candidateName", "kind.processID"])
        #expect(fields(F.declaration(F.ann, .nonRegisterable(meetingID: "", itemIDs: []), "Child at the school")) == ["kind.meetingID"])
        #expect(fields(F.dpi(F.ann, .land, "Home", tags: [], relatedPersonName: "Pat Able")) == ["relatedPersonName"])
    }

    @Test func sensitivityIsWithheldWhileRequestedOrAgreed() {
        #expect(Sensitivity.requested.isWithheld)
        #expect(Sensitivity.agreed.isWithheld)
        #expect(!Sensitivity.refused.isWithheld)
        #expect(!Sensitivity.none.isWithheld)
    }

    @Test func onlyTheClosestRelationshipsBarTheDepartmentCommittee() {
        let barring = RelationshipNature.allCases.filter { CloseRelationship(with: F.highwaysOfficer, nature: $0).barsDepartmentCommittee }
        #expect(barring == [.spouseOrCivilPartner, .partner, .closeRelative])
        #expect(CloseRelationship(with: F.highwaysOfficer, nature: .closeFriendship, jeopardisesCouncilWork: true).barsDepartmentCommittee)
    }
}
