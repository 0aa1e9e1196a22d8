import Foundation
import Testing
@testable import ProbityCore

@Suite("Loading a valid protocol profile")
struct ProfileLoaderTests {
    let profile: ProtocolProfile

    init() throws {
        profile = try ProfileLoader.load(yaml: ProfileFixture.valid)
    }

    @Test func headerFieldsAreRead() {
        #expect(profile.schemaVersion == 1)
        #expect(profile.id == "testing-borough")
        #expect(profile.authorityName == "London Borough of Testing")
        #expect(profile.document == SourceDocument(
            title: "Constitution Part 5: Member/Officer Relations Protocol", citationName: "Testing protocol", date: "2024"))
        #expect(profile.region == .englandAndWales)
    }

    @Test func ruleIdsAreTheirPaths() {
        #expect(profile.enquiries.responseDeadline.id == "enquiries.responseDeadline")
        #expect(profile.notifications.departmentVisits.id == "notifications.departmentVisits")
        #expect(profile.complaints.routes.map(\.id) == [
            "complaints.routes.member-about-officer",
            "complaints.routes.member-about-chief-executive",
            "complaints.routes.officer-about-member",
        ])
        #expect(profile.guidance.map(\.id) == ["guidance.no-insisting-on-discipline", "guidance.no-public-criticism"])
    }

    @Test func everyRuleIdIsUniqueAndMatchesItsRule() {
        let ids = profile.ruleIds
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == 46 + profile.complaints.routes.count + profile.guidance.count)
        #expect(profile.allRules.map(\.id) == ids)
    }

    @Test func citationsInAllThreeForms() {
        #expect(profile.enquiries.responseDeadline.source == .cited(Citation(paragraphs: ["13.5"])))
        #expect(profile.enquiries.delayNotice.source == .cited(Citation(paragraphs: ["13.4", "13.5"])))
        #expect(profile.enquiries.routing.source == .cited(Citation(paragraphs: ["13.1"], heading: "Members' enquiries")))
        #expect(profile.enquiries.acknowledgementDeadline.source.isSilent)
        #expect(profile.enquiries.acknowledgementDeadline.source.silentReason?.hasPrefix("The protocol sets no acknowledgement period") == true)
    }

    @Test func parametersAreTyped() {
        #expect(profile.enquiries.responseDeadline.parameters.workingDays == 10)
        #expect(profile.enquiries.routing.parameters == EnquiryRouting(
            routine: [Recipient(.headOfService, of: .service), Recipient(.liaisonOfficer, of: .service)],
            nonRoutine: [Recipient(.director, of: .service)]))
        #expect(profile.enquiries.chasing.parameters.steps == [
            .init(afterWorkingDaysOverdue: 0, notify: [Recipient(.headOfService, of: .service)]),
            .init(afterWorkingDaysOverdue: 5, notify: [Recipient(.director, of: .service)]),
        ])
        #expect(profile.enquiries.volumeIndicator.parameters.multipleOfMedian == 3.0)
        #expect(profile.enquiries.confidentiality.parameters.roles.isEmpty)
        #expect(profile.enquiries.replyRoutes.parameters.directBarredWhenConfidential)
        #expect(profile.complaints.repeatedComplaintsIndicator.parameters == Threshold(count: 3, withinMonths: 12))
        #expect(profile.declarations.registrationPeriod.parameters.calendarDays == 28)
        #expect(profile.declarations.councilTaxArrearsMonths.parameters.months == 2)
        #expect(profile.briefings.offerToOtherGroups.parameters.mode == .onRequest)
        #expect(profile.notifications.privateTime.parameters == WorkingHours(start: "08:00", end: "18:00"))
        #expect(profile.notifications.wardMatters.parameters.kinds == [.event, .publicMeeting, .consultation, .majorIncident])
        #expect(profile.information.needToKnowDecision.parameters.referredTo == [Recipient(.governanceDirector)])
    }

    @Test func routesCarryTheirRouting() throws {
        let statutory = try #require(profile.complaints.routes.first { $0.parameters.key == "member-about-chief-executive" })
        #expect(statutory.parameters.procedure == .statutory)
        #expect(statutory.parameters.about == .chiefExecutive)
        #expect(statutory.parameters.routing == Routing(to: [Recipient(.monitoringOfficer)], copyTo: [Recipient(.independentPerson)]))
        #expect(statutory.parameters.statutoryInstrument == "Local Authorities (Standing Orders) (England) Regulations 2001")
        let first = profile.complaints.routes[0]
        #expect(first.parameters.routing.inform == [Recipient(.chiefExecutive)])
        #expect(first.parameters.complainantLearns == "The outcome of any disciplinary investigation, not its details.")
    }

    @Test func inForceDefaultsToTrueAndCanBeSwitchedOff() {
        #expect(profile.enquiries.responseDeadline.inForce)
        #expect(!profile.enquiries.correspondenceConsent.inForce)
        #expect(!profile.complaints.informalLadder.inForce)
        #expect(profile.complaints.informalLadder.parameters.steps.isEmpty)
    }

    @Test func guidanceIsRead() {
        #expect(profile.guidance[0].parameters == GuidanceParameters(key: "no-insisting-on-discipline", context: .complaints, audience: .members))
        #expect(profile.guidance[1].statement == "Members and officers do not criticise each other in public.")
    }

    @Test func unquotedNumbersAndTimesKeepTheirText() throws {
        var yaml = ProfileFixture.replacing(#"cite: "13.10""#, with: "cite: 13.10")
        yaml = ProfileFixture.replacing(#"start: "08:00""#, with: "start: 08:00", in: yaml)
        yaml = ProfileFixture.replacing(#"date: "2024""#, with: "date: 2024", in: yaml)
        let loaded = try ProfileLoader.load(yaml: yaml)
        #expect(loaded.complaints.monitoring.source == .cited(Citation(paragraphs: ["13.10"])))
        #expect(loaded.notifications.privateTime.parameters.start == "08:00")
        #expect(loaded.document.date == "2024")
    }

    @Test func loadsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("probity-profile-\(UUID().uuidString).yaml")
        try Data(ProfileFixture.valid.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ProfileLoader.load(contentsOf: url) == profile)
    }

    @Test func aMissingFileIsAnIssueNamingIt() {
        let url = URL(fileURLWithPath: "/nonexistent/probity/nowhere.yaml")
        let error = #expect(throws: ProfileValidationError.self) {
            try ProfileLoader.load(contentsOf: url)
        }
        #expect(error?.file == "nowhere.yaml")
        #expect(error?.issues.count == 1)
        #expect(error?.issues.first?.message.hasPrefix("the file cannot be read") == true)
    }

    @Test func aFileThatIsNotUTF8IsAnIssue() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("probity-binary-\(UUID().uuidString).yaml")
        try Data([0xFF, 0xFE, 0xFD, 0x00, 0x80, 0x81]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ProfileLoader.load(contentsOf: url)
            Issue.record("binary file loaded")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues[0].message.contains("not UTF-8"))
        }
    }

    @Test func loadsAFolderOfProfilesWhoseNamesMatchTheirIds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probity-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(ProfileFixture.valid.utf8).write(to: folder.appendingPathComponent("testing-borough.yaml"))
        let second = ProfileFixture.replacing("id: testing-borough", with: "id: another-borough")
        try Data(second.utf8).write(to: folder.appendingPathComponent("another-borough.yaml"))
        try Data("not a profile".utf8).write(to: folder.appendingPathComponent("README.txt"))
        let profiles = try ProfileLoader.loadProfiles(inDirectory: folder)
        #expect(profiles.map(\.id) == ["another-borough", "testing-borough"])

        try Data(second.utf8).write(to: folder.appendingPathComponent("misnamed.yaml"))
        try Data("schemaVersion: [".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        do {
            _ = try ProfileLoader.loadProfiles(inDirectory: folder)
            Issue.record("a misnamed and a broken profile loaded")
        } catch {
            #expect(error.files.map(\.file) == ["broken.yaml", "misnamed.yaml"])
            #expect(error.files[1].issues.first?.message.contains("name the file another-borough.yaml") == true)
        }
    }
}
