import Testing
@testable import ProbityCore

@Suite("Overriding single rules")
struct ProfileOverrideTests {
    let profile: ProtocolProfile

    init() throws {
        profile = try ProfileLoader.load(yaml: ProfileFixture.valid)
    }

    static let fiveDays = """
        statement: "A full response is due within 5 working days."
        cite: {document: "Standards Committee resolution of 12 March 2026", paragraphs: ["3"]}
        workingDays: 5
        """

    @Test func anOverrideReplacesExactlyOneRule() throws {
        let overridden = try profile.applying([ProfileOverride(ruleId: "enquiries.responseDeadline", yaml: Self.fiveDays)])
        let rule = overridden.enquiries.responseDeadline
        #expect(rule.id == "enquiries.responseDeadline")
        #expect(rule.parameters.workingDays == 5)
        #expect(rule.statement == "A full response is due within 5 working days.")
        #expect(rule.citationText(in: overridden.document) == "Standards Committee resolution of 12 March 2026 3")

        var expected = overridden
        expected.enquiries.responseDeadline = profile.enquiries.responseDeadline
        #expect(expected == profile, "nothing else changed")
        let changed = zip(profile.allRules, overridden.allRules).filter { $0 != $1 }.map(\.0.id)
        #expect(changed == ["enquiries.responseDeadline"])
    }

    @Test func overridesByDictionary() throws {
        let overridden = try profile.applying(overrides: [
            "enquiries.responseDeadline": Self.fiveDays,
            "enquiries.coveringSheet": "statement: \"No covering sheet.\"\nsilent: \"Our protocol has none.\"\ninForce: false",
        ])
        #expect(overridden.enquiries.responseDeadline.parameters.workingDays == 5)
        #expect(!overridden.enquiries.coveringSheet.inForce)
        #expect(overridden.enquiries.coveringSheet.source == .silent(reason: "Our protocol has none."))
    }

    @Test func overridesAreValidatedInTheSameShape() throws {
        let yaml = """
            statement: "A full response is due within 5 working days."
            cite: {document: "Standards Committee resolution", paragraphs: ["3"]}
            workingDays: five
            colour: blue
            """
        let error = #expect(throws: ProfileValidationError.self) {
            try profile.applying([ProfileOverride(ruleId: "enquiries.responseDeadline", yaml: yaml)])
        }
        #expect(error?.issues.map(\.path) == ["enquiries.responseDeadline.workingDays", "enquiries.responseDeadline.colour"])
        #expect(error?.issues.map(\.line) == [3, 4])
        #expect(error?.issues.first?.message == "must be a whole number of working days from 1 to 60, found 'five'")
    }

    @Test func anOverrideMustCiteTheAuthoritysOwnDocument() throws {
        let yaml = "statement: \"Five days.\"\ncite: \"13.5\"\nworkingDays: 5"
        let error = #expect(throws: ProfileValidationError.self) {
            try profile.applying(overrides: ["enquiries.responseDeadline": yaml])
        }
        #expect(error?.issues.count == 1)
        #expect(error?.issues.first?.path == "enquiries.responseDeadline.cite")
        #expect(error?.issues.first?.line == 2)
        #expect(error?.issues.first?.message.hasPrefix("an override must cite the authority's own document") == true)
    }

    @Test func unknownRuleIds() throws {
        let error = #expect(throws: ProfileValidationError.self) {
            try profile.applying(overrides: ["enquiries.respnseDeadline": Self.fiveDays])
        }
        #expect(error?.issues.count == 1)
        #expect(error?.issues.first?.path == "enquiries.respnseDeadline")
        #expect(error?.issues.first?.message.hasPrefix("unknown rule id 'enquiries.respnseDeadline' (did you mean 'enquiries.responseDeadline'?)") == true)
    }

    @Test func everyBadOverrideIsReportedAndNoneApplied() {
        let error = #expect(throws: ProfileValidationError.self) {
            try profile.applying([
                ProfileOverride(ruleId: "enquiries.responseDeadline", yaml: Self.fiveDays),
                ProfileOverride(ruleId: "nowhere.rule", yaml: Self.fiveDays),
                ProfileOverride(ruleId: "briefings.gatekeeper", yaml: "statement: x\nsilent: y\nto: [subject.boss]"),
                ProfileOverride(ruleId: "enquiries.responseDeadline", yaml: Self.fiveDays),
                ProfileOverride(ruleId: "enquiries.delayNotice", yaml: "statement: \"unclosed"),
            ])
        }
        #expect(error?.issues.map(\.path) == [
            "nowhere.rule", "briefings.gatekeeper.to[0]", "enquiries.responseDeadline", "enquiries.delayNotice",
        ])
    }

    @Test func routesAreOverriddenByKeyAndKeepTheirKey() throws {
        let yaml = """
            key: member-about-officer
            statement: "A member's complaint about an officer goes to the head of paid service."
            cite: {document: "Council resolution 2026/4", paragraphs: ["2"]}
            complainant: member
            about: officer
            procedure: formal
            routing: {to: [chief-executive]}
            """
        let overridden = try profile.applying(overrides: ["complaints.routes.member-about-officer": yaml])
        #expect(overridden.complaints.routes[0].parameters.routing.to == [Recipient(.chiefExecutive)])
        #expect(overridden.complaints.routes[0].id == "complaints.routes.member-about-officer")
        #expect(Array(overridden.complaints.routes.dropFirst()) == Array(profile.complaints.routes.dropFirst()))

        let renamed = yaml.replacingOccurrences(of: "key: member-about-officer", with: "key: member-about-staff")
        let error = #expect(throws: ProfileValidationError.self) {
            try profile.applying(overrides: ["complaints.routes.member-about-officer": renamed])
        }
        #expect(error?.issues.first?.path == "complaints.routes.member-about-officer.key")

        let clash = yaml.replacingOccurrences(of: "about: officer", with: "about: chief-executive")
        let clashError = #expect(throws: ProfileValidationError.self) {
            try profile.applying(overrides: ["complaints.routes.member-about-officer": clash])
        }
        #expect(clashError?.issues.first?.message.contains("route 'member-about-chief-executive' already covers") == true)
    }

    @Test func guidanceIsOverriddenByKey() throws {
        let yaml = """
            key: no-public-criticism
            context: media
            audience: everyone
            statement: "Nobody criticises anybody in the press."
            silent: "Our own rule."
            """
        let overridden = try profile.applying(overrides: ["guidance.no-public-criticism": yaml])
        #expect(overridden.guidance[1].parameters.context == .media)
        #expect(overridden.guidance[1].source.isSilent)
        #expect(overridden.guidance[0] == profile.guidance[0])
    }

    @Test func malformedOverridesAreIssues() {
        for yaml in ["", "[1, 2]", "statement: [", "\t- x", "just words"] {
            let error = #expect(throws: ProfileValidationError.self) {
                try profile.applying(overrides: ["enquiries.delayNotice": yaml])
            }
            #expect(error?.issues.isEmpty == false, "\(yaml)")
            #expect(error?.issues.allSatisfy { $0.path.hasPrefix("enquiries.delayNotice") } == true, "\(yaml)")
        }
    }
}
