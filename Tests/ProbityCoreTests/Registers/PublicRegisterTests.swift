import Foundation
import Testing
@testable import ProbityCore

@Suite("Public register: what the law makes public, nothing more")
struct PublicRegisterTests {
    typealias F = RegisterFixture

    /// Ann's full set of entries, public and private.
    static let annsEntries: [Declaration] = [
        F.dpi(F.ann, .employment, "Solicitor, Able & Co", tags: [.body("Able & Co")]),
        F.dpi(F.ann, .land, "Home: 1 Oak Road", tags: [.land("1 Oak Road")]),
        F.dpi(F.ann, .employment, "Teacher at Northside Academy", holder: .spouseOrPartner, tags: [.body("Northside Academy")],
              relatedPersonName: "Pat Spouse-Secret"),
        F.dpi(F.ann, .land, "Refuge premises at 9 Hidden Lane", tags: [.land("9 Hidden Lane")], sensitivity: .agreed),
        F.dpi(F.ann, .securities, "Shares in Pending Ltd", tags: [], sensitivity: .requested),
        F.dpi(F.ann, .sponsorship, "Election expenses from Refused Union", tags: [], sensitivity: .refused),
        F.declaration(F.ann, .otherRegisterable(.charitable), "Trustee, Northside Food Bank"),
        F.declaration(F.ann, .otherRegisterable(.other), "Old trusteeship, ceased", registeredOn: CalendarDate(2025, 1, 1),
                      ceasedOn: CalendarDate(2026, 1, 1)),
        F.declaration(F.ann, .otherRegisterable(.other), "Registered after the date asked", registeredOn: CalendarDate(2026, 12, 1)),
        F.declaration(F.ann, .nonRegisterable(meetingID: "m1", itemIDs: []), "Child at Secret Primary School"),
        F.relationship(F.ann, with: F.highwaysOfficer, .intimate),
        F.declaration(F.ann, .recruitment(RecruitmentLink(candidateName: "Candidate Secretname", processID: "HR-1", post: "Head of Housing"))),
        F.restriction(F.ann, .councilTaxArrears(months: 4)),
        F.restriction(F.ann, .councilTenancy(address: "7 Tenancy Close", rentArrearsMonths: 3)),
        F.restriction(F.ann, .tradeUnion(union: "Secret Union", role: .official)),
    ]

    static let officerEntry = F.declaration(F.highwaysOfficer, .otherRegisterable(.other), "Officer's second job at Officer Secret Ltd")

    static func register(_ profileID: String = "tower-hamlets") throws -> PublicRegister {
        PublicRegister(declarations: annsEntries + [officerEntry], org: F.org, profile: try F.profile(profileID),
                       asOf: CalendarDate(2026, 9, 1))
    }

    @Test func itListsRegisterableInterestsByCategoryInStatutoryOrder() throws {
        let register = try Self.register()
        let ann = try #require(register.members.first { $0.name == "Ann Able" })
        #expect(ann.sections.map(\.heading) == [
            "Employment, office, trade, profession or vocation", "Sponsorship", "Land",
            "Bodies directed to charitable purposes", "Withheld",
        ])
        #expect(ann.sections[0].entries.map(\.details) == ["Solicitor, Able & Co", "Teacher at Northside Academy"])
        #expect(ann.sections[1].entries.map(\.details) == ["Election expenses from Refused Union"])
        #expect(ann.sections[2].entries.map(\.details) == ["Home: 1 Oak Road"])
        #expect(ann.sections[3].entries.map(\.details) == ["Trustee, Northside Food Bank"])
        #expect(register.authorityName == "London Borough of Tower Hamlets")
        #expect(register.rules.map(\.citation) == ["Localism Act 2011 s.29", "Localism Act 2011 s.32(2) and (3)"])
    }

    @Test func sensitiveInterestsShowOnlyTheStatutoryStatement() throws {
        let ann = try #require(try Self.register().members.first { $0.name == "Ann Able" })
        let withheld = try #require(ann.sections.last)
        #expect(withheld.entries.count == 2)   // agreed and requested; the refused one is published
        for entry in withheld.entries {
            #expect(entry.withheld)
            #expect(entry.details == "The member has an interest whose details are withheld under section 32(2) of the Localism Act 2011")
        }
    }

    @Test func everyMemberIsListedEvenWithNothingRegistered() throws {
        let register = try Self.register()
        #expect(register.members.map(\.name) == [
            "Alice Leader", "Ann Able", "Bea Leader", "Bob Baker", "Carol Clark", "Ivan Independent", "Morag Mayor", "Walter Whip",
        ])
        #expect(register.members.filter(\.hasNoInterests).count == 7)
    }

    @Test(arguments: RegisterFixture.profileIDs)
    func nothingPrivateReachesThePublishedRegister(profileID: String) throws {
        let register = try Self.register(profileID)
        let encoder = JSONEncoder()
        let json = String(decoding: try encoder.encode(register), as: UTF8.self)
        let secrets = [
            "Hidden Lane", "Refuge", "Pending Ltd", "Shares", "Pat Spouse-Secret", "Secret Primary", "Candidate Secretname",
            "Tenancy Close", "Secret Union", "Officer Secret", "Old trusteeship", "Registered after", "Dana Highways",
            "Council tax", "arrears", "Securities", "spouse", "partner",
        ]
        for secret in secrets {
            #expect(!json.localizedCaseInsensitiveContains(secret), "\(secret) leaked into the \(profileID) register")
        }
        for declaration in Self.annsEntries + [Self.officerEntry] {
            #expect(!json.contains(declaration.id.uuidString), "internal ids are not published")
        }
        #expect(json.contains("withheld under section 32(2)"))
    }

    @Test func anEntryAppearsOnlyWhileCurrent() throws {
        let entry = F.declaration(F.bob, .otherRegisterable(.publicFunctions), "Governor, South School",
                                  registeredOn: CalendarDate(2026, 5, 11), ceasedOn: CalendarDate(2026, 8, 1))
        let profile = try F.profile("wigan")
        func bob(_ date: CalendarDate) -> PublicRegister.Member? {
            PublicRegister(declarations: [entry], org: F.org, profile: profile, asOf: date).members.first { $0.name == "Bob Baker" }
        }
        #expect(bob(CalendarDate(2026, 5, 10))?.hasNoInterests == true)
        #expect(bob(CalendarDate(2026, 7, 31))?.sections.first?.entries.first?.details == "Governor, South School")
        #expect(bob(CalendarDate(2026, 8, 1))?.hasNoInterests == true)
    }
}
