import Foundation
import Testing
@testable import ProbityCore

/// The five profiles shipped in `Sources/ProbityCore/Protocol/Profiles`.
@Suite("Built-in protocol profiles")
struct BuiltInProfilesTests {
    static let expectedIds = ["hackney", "leicestershire", "london-councils", "tower-hamlets", "wigan"]

    @Test func theProfilesFolderIsBundled() throws {
        let directory = try #require(BuiltInProfiles.directory)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }

    @Test func everyBuiltInProfileLoadsWithoutIssues() throws {
        do {
            let profiles = try BuiltInProfiles.all()
            #expect(profiles.map(\.id) == Self.expectedIds)
        } catch {
            Issue.record("built-in profiles have problems:\n\(error)")
        }
    }

    @Test(arguments: expectedIds)
    func eachBuiltInProfileIsAvailableByName(id: String) throws {
        let profile = try #require(try BuiltInProfiles.named(id))
        #expect(profile.id == id)
        #expect(profile.document.seed != nil, "built-ins name the seed file they were read from")
        #expect(profile.allRules.allSatisfy { !$0.citation.isEmpty })
    }

    @Test func unknownNamesAreNil() throws {
        #expect(try BuiltInProfiles.named("nowhere") == nil)
    }
}
