import Testing
@testable import ProbityCore

/// Whatever is fed to the loader, it reports issues and never traps.
@Suite("Malformed profile files")
struct MalformedYAMLTests {
    typealias F = ProfileFixture

    @Test func badIndentation() throws {
        let yaml = F.replacing("    workingDays: 10", with: "     workingDays: 10")
        let issues = F.issues(yaml)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.path == "")
        #expect(issue.line == F.line(of: "     workingDays: 10", in: yaml))
        #expect(issue.message.hasPrefix("the file is not valid YAML: this line does not line up with the lines above it: check the indentation"))
    }

    @Test func keyAfterAValue() throws {
        let issue = try #require(F.issues("schemaVersion: 1\nid: a: b\n").first)
        #expect(issue.line == 2)
        #expect(issue.message.contains("a key cannot start here"))
    }

    @Test func outdentedLine() throws {
        let yaml = "schemaVersion: 1\ndocument:\n    title: x\n  date: y\n"
        let issue = try #require(F.issues(yaml).first)
        #expect(issue.line == 4)
        #expect(issue.message.contains("does not line up"))
    }

    @Test func tabs() throws {
        let yaml = F.replacing("    workingDays: 10", with: "\tworkingDays: 10")
        let issues = F.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.line == F.line(of: "\tworkingDays: 10", in: yaml))
        #expect(issues.first?.message.contains("indent with spaces, not tabs") == true)
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
        let yaml = F.valid + "\n    heading: \"Unclosed"
        let issues = F.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("a quoted text is not closed") == true)
        #expect(issues.first?.line == F.line(of: "heading: \"Unclosed", in: yaml))
        #expect(issues.first?.column == 14)
    }

    @Test func unclosedQuoteMidFileIsReportedWhereTheParserGivesUp() {
        let yaml = F.replacing(#"statement: "Members cannot set or raise the priority of an enquiry.""#,
                               with: #"statement: "Members cannot set or raise the priority of an enquiry."#)
        let issues = F.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.line == F.line(of: #"cite: "11.7""#, in: yaml))
    }

    @Test func unclosedFlowList() {
        let issues = F.issues(F.replacing("to: [hr-director]", with: "to: [hr-director"))
        #expect(issues.count == 1)
        #expect(issues.first?.line != nil)
    }

    @Test func duplicateKeysInOneMapping() throws {
        let yaml = F.replacing("    workingDays: 10", with: "    workingDays: 10\n    workingDays: 12")
        let issue = try #require(F.issues(yaml).first)
        #expect(issue.message.contains("the key 'workingDays' appears more than once"))
        #expect(issue.line == F.line(of: "workingDays: 10", in: yaml))
    }

    @Test func scalarWhereASectionIsExpected() throws {
        let yaml = F.removingLines(from: "briefings:", to: "notifications:") + "\nbriefings: yes\n"
        let issue = try #require(F.issue(at: "briefings", in: F.issues(yaml)))
        #expect(issue.message == "must be the section's rules, each on its own indented line, found 'yes'")
        #expect(issue.line == F.line(of: "briefings: yes", in: yaml))
    }

    @Test func scalarWhereARuleIsExpected() throws {
        let yaml = F.replacing(#"statement: "A covering sheet goes with every enquiry.""#, with: "")
            .replacingOccurrences(of: "  coveringSheet:\n    \n    cite: \"13.4\"", with: "  coveringSheet: true")
        let issue = try #require(F.issue(at: "enquiries.coveringSheet", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("must be a rule: a mapping with `statement:`"))
        #expect(issue.message.hasSuffix("found 'true'"))
        #expect(issue.line == F.line(of: "coveringSheet: true", in: yaml))
    }

    @Test func rootThatIsNotAMapping() {
        for yaml in ["just some words", "- a\n- b\n", "42", "\"quoted\""] {
            let issues = F.issues(yaml)
            #expect(issues.count == 1, "\(yaml)")
            #expect(issues.first?.message.hasPrefix("must be a protocol profile") == true, "\(yaml)")
            #expect(issues.first?.line == 1)
        }
    }

    @Test func emptyFiles() {
        for yaml in ["", "   \n\n", "# just a comment\n", "~", "---\n"] {
            let issues = F.issues(yaml)
            #expect(issues.count == 1, "\(yaml)")
            #expect(issues.first?.message.hasPrefix("the file is empty") == true, "\(yaml)")
        }
    }

    @Test func binaryJunk() {
        let bytes: [UInt8] = [0x00, 0xFF, 0x13, 0x37, 0xC3, 0x28, 0x0A, 0x01, 0x02, 0x7F, 0xE2, 0x82]
        let junk = String(decoding: bytes, as: UTF8.self)
        let issues = F.issues(junk)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("not a text file") == true)

        let controlCharacters = "schemaVersion: 1\nid: \u{0}\u{1}\u{2}\n"
        #expect(F.issues(controlCharacters).first?.line == 2)
    }

    @Test func severalDocuments() {
        let issues = F.issues(F.valid + "\n---\nschemaVersion: 1\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("a profile is a single document") == true)
    }

    @Test func undefinedAlias() {
        let issues = F.issues(F.replacing("to: [hr-director]", with: "to: *recipients"))
        #expect(issues.first?.message.contains("alias") == true)
    }

    @Test func aliasesOfValidValuesAreAccepted() throws {
        var yaml = F.replacing("to: [chief-executive, monitoring-officer, chief-finance-officer]",
                               with: "to: &statutory [chief-executive, monitoring-officer, chief-finance-officer]")
        yaml = F.replacing("to: [communications]", with: "to: *statutory", in: yaml)
        let profile = try ProfileLoader.load(yaml: yaml)
        #expect(profile.notifications.mediaClearance.parameters.to.count == 3)
    }

    @Test func deeplyNestedBracketsAreRefusedWithoutRecursing() {
        let yaml = "schemaVersion: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let issues = F.issues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("more than 64 deep") == true)
    }

    @Test func wrongShapesEverywhereNeverTrap() {
        // Replace each value in turn with a list, a mapping and nothing: always issues, never a trap.
        let lines = F.valid.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            guard let colon = line.firstIndex(of: ":"), !line.hasSuffix(":") else { continue }
            let key = line[..<colon]
            for replacement in [" [1, [2]]", " {a: b}", "", " -1"] {
                var mutated = lines
                mutated[index] = key + ":" + replacement
                let issues = F.issues(mutated.joined(separator: "\n"))
                #expect(!issues.contains { $0.message == "the profile could not be read" }, "line \(index + 1)")
            }
        }
    }

    @Test func randomDamageNeverTraps() {
        var generator = SplitMix64(seed: 2026)
        let source = Array(F.valid.utf8)
        let damage: [UInt8] = Array(":-[]{}\"'\t\n #&*!|>%@`,?".utf8)
        for _ in 0..<300 {
            var bytes = source
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = damage.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: position)
                default: bytes.insert(damage.randomElement(using: &generator) ?? 0, at: position)
                }
            }
            let yaml = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try ProfileLoader.load(yaml: yaml)
            } catch {
                #expect(!error.issues.isEmpty)
                #expect(!error.issues.contains { $0.message == "the profile could not be read" })
            }
        }
    }
}

/// A small deterministic generator, so a failing damage case can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
