import Testing
@testable import ProbityCore

/// Each kind of mistake is reported with the field's path and the line it is on.
@Suite("Validating protocol profiles")
struct ProfileValidationTests {
    typealias F = ProfileFixture

    @Test func theFixtureIsValid() {
        #expect(F.issues(F.valid) == [])
    }

    @Test func workingDaysMustBeAWholeNumber() throws {
        let yaml = F.replacing("workingDays: 10", with: "workingDays: ten")
        let issue = try #require(F.issue(at: "enquiries.responseDeadline.workingDays", in: F.issues(yaml)))
        #expect(issue.message == "must be a whole number of working days from 1 to 60, found 'ten'")
        #expect(issue.line == F.line(of: "workingDays: ten", in: yaml))
        #expect(issue.column == 18)
    }

    @Test func workingDaysMustBeInRange() throws {
        let yaml = F.replacing("workingDays: 3", with: "workingDays: 61")
        let issue = try #require(F.issue(at: "enquiries.acknowledgementDeadline.workingDays", in: F.issues(yaml)))
        #expect(issue.message == "must be a whole number of working days from 1 to 60, found '61'")
        #expect(issue.line == F.line(of: "workingDays: 61", in: yaml))
    }

    @Test func calendarDaysAndMonthsMustBeInRange() {
        var yaml = F.replacing("calendarDays: 28", with: "calendarDays: 400")
        yaml = F.replacing("months: 2", with: "months: 0", in: yaml)
        yaml = F.replacing("windowMonths: 12", with: "windowMonths: 36", in: yaml)
        let issues = F.issues(yaml)
        #expect(F.issue(at: "declarations.registrationPeriod.calendarDays", in: issues)?.message
            == "must be a whole number of calendar days from 1 to 366, found '400'")
        #expect(F.issue(at: "declarations.councilTaxArrearsMonths.months", in: issues)?.line == F.line(of: "months: 0", in: yaml))
        #expect(F.issue(at: "enquiries.volumeIndicator.windowMonths", in: issues)?.message
            == "must be a whole number of months from 1 to 24, found '36'")
        #expect(issues.count == 3)
    }

    @Test func unknownRecipientNamesTheListItem() throws {
        let yaml = F.replacing("routing: {to: [subject.director], inform: [chief-executive]}",
                               with: "routing: {to: [subject.boss], inform: [chief-executive]}")
        let issue = try #require(F.issue(at: "complaints.routes[0].routing.to[0]", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("unknown recipient 'subject.boss': write a role such as 'chief-executive' or 'anchor.role' such as 'subject.director'"))
        #expect(issue.line == F.line(of: "subject.boss", in: yaml))
    }

    @Test func recipientProblemsAreExplained() {
        let yaml = F.replacing("to: [matter.director]", with: "to: [director, someone.director, chief-exec, hr-director, hr-director]")
        let issues = F.issues(yaml)
        let path = "notifications.departmentVisits.to"
        #expect(F.issue(at: "\(path)[0]", in: issues)?.message.contains("needs a party of the case: write 'anchor.director'") == true)
        #expect(F.issue(at: "\(path)[1]", in: issues)?.message.contains("'someone' is not a party of the case") == true)
        #expect(F.issue(at: "\(path)[2]", in: issues)?.message.contains("did you mean 'chief-executive'?") == true)
        #expect(F.issue(at: "\(path)[4]", in: issues)?.message == "lists 'hr-director' twice")
        #expect(issues.count == 4)
    }

    @Test func aRuleNeedsACitationOrSilent() throws {
        let yaml = F.replacing(#"cite: "13.4""#, with: "inForce: true")
        let issue = try #require(F.issue(at: "enquiries.coveringSheet", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("missing: every rule needs `cite:`"))
        #expect(issue.line == F.line(of: "coveringSheet:", in: yaml))
    }

    @Test func aRuleCannotHaveBothCiteAndSilent() throws {
        let yaml = F.replacing(#"cite: "11.7""#, with: "cite: \"11.7\"\n    silent: \"Probity's default.\"")
        let issue = try #require(F.issue(at: "enquiries.noQueueJumping", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("has both `cite:` and `silent:`"))
        #expect(issue.line == F.line(of: "noQueueJumping:", in: yaml))
    }

    @Test func misspeltKeysAreUnknownWithASuggestion() {
        let yaml = F.replacing("  responseDeadline:", with: "  respnseDeadline:")
        let issues = F.issues(yaml)
        let unknown = F.issue(at: "enquiries.respnseDeadline", in: issues)
        #expect(unknown?.message == "unknown key 'respnseDeadline' (did you mean 'responseDeadline'?)")
        #expect(unknown?.line == F.line(of: "respnseDeadline:", in: yaml))
        #expect(unknown?.column == 3)
        let missing = F.issue(at: "enquiries.responseDeadline", in: issues)
        #expect(missing?.message.hasPrefix("required rule 'responseDeadline' is missing") == true)
        #expect(missing?.line == F.line(of: "enquiries:", in: yaml))
    }

    @Test func misspeltParameterKeys() {
        let yaml = F.replacing("multipleOfMedian: 3.0", with: "multipleOfMedain: 3.0")
        let issues = F.issues(yaml)
        #expect(F.issue(at: "enquiries.volumeIndicator.multipleOfMedain", in: issues)?.message
            == "unknown key 'multipleOfMedain' (did you mean 'multipleOfMedian'?)")
        #expect(F.issue(at: "enquiries.volumeIndicator.multipleOfMedian", in: issues)?.message == "required key 'multipleOfMedian' is missing")
    }

    @Test func duplicateRouteKeys() throws {
        let yaml = F.replacing("- key: officer-about-member", with: "- key: member-about-officer")
        let issue = try #require(F.issue(at: "complaints.routes[2].key", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("duplicate route key 'member-about-officer': already used at line \(F.line(of: "- key: member-about-officer", in: yaml) ?? 0)"))
        #expect(issue.line == F.line(of: "- key: member-about-officer", in: yaml, after: "member-about-chief-executive"))
    }

    @Test func oneRoutePerComplainantAndSubject() throws {
        let yaml = F.replacing("about: chief-executive", with: "about: officer")
        let issue = try #require(F.issue(at: "complaints.routes[1].about", in: F.issues(yaml)))
        #expect(issue.message.contains("covers complaints by a member about an officer, as route 'member-about-officer'"))
    }

    @Test func onlyStatutoryRoutesNameAnInstrument() throws {
        let yaml = F.replacing("complainant: officer", with: "complainant: officer\n      statutoryInstrument: \"Members' Code of Conduct\"")
        let issue = try #require(F.issue(at: "complaints.routes[2].statutoryInstrument", in: F.issues(yaml)))
        #expect(issue.line == F.line(of: "statutoryInstrument: \"Members'", in: yaml))
    }

    @Test func aMissingSectionIsNamed() throws {
        let yaml = F.removingLines(from: "briefings:", to: "notifications:")
        let issues = F.issues(yaml)
        let issue = try #require(F.issue(at: "briefings", in: issues))
        #expect(issue.message == "required section 'briefings' is missing")
        #expect(issues.count == 1)
    }

    @Test func unsupportedSchemaVersionStopsThere() throws {
        let yaml = F.replacing("schemaVersion: 1", with: "schemaVersion: 2")
        let issues = F.issues(F.replacing("workingDays: 10", with: "workingDays: ten", in: yaml))
        #expect(issues.count == 1)
        #expect(issues.first?.path == "schemaVersion")
        #expect(issues.first?.line == 1)
        #expect(issues.first?.message == "schemaVersion 2 is not supported: this version of Probity reads schemaVersion 1")
    }

    @Test func silentRulesTakeTheDocumentedDefault() throws {
        let yaml = F.replacing("workingDays: 3", with: "workingDays: 4")
        let issue = try #require(F.issue(at: "enquiries.acknowledgementDeadline", in: F.issues(yaml)))
        #expect(issue.message == "is `silent:`, so it takes Probity's documented default of 3 working days, found 4 working days: cite the paragraph that sets it, or use the default")
        #expect(issue.line == F.line(of: "acknowledgementDeadline:", in: yaml))

        let chasing = F.replacing("afterWorkingDaysOverdue: 5", with: "afterWorkingDaysOverdue: 7")
        #expect(F.issue(at: "enquiries.chasing", in: F.issues(chasing))?.message.contains("found steps at 0, 7 working days overdue") == true)
        let cited = F.replacing("workingDays: 10", with: "workingDays: 15")
        #expect(F.issues(cited) == [], "a cited rule sets its own period")
    }

    @Test func schemaVersionMustBeANumber() {
        let issues = F.issues(F.replacing("schemaVersion: 1", with: "schemaVersion: one"))
        #expect(F.issue(at: "schemaVersion", in: issues)?.message == "must be a whole number from 1 to 1, found 'one'")
    }

    @Test func idMustBeASlug() throws {
        let yaml = F.replacing("id: testing-borough", with: "id: Testing Borough")
        let issue = try #require(F.issue(at: "id", in: F.issues(yaml)))
        #expect(issue.message == "must be a short name of lowercase letters, digits and hyphens, such as 'tower-hamlets', found 'Testing Borough'")
        #expect(issue.line == 2)
    }

    @Test func regionMustBeOneOfThree() throws {
        let yaml = F.replacing("region: england-and-wales", with: "region: scotlnd")
        let issue = try #require(F.issue(at: "region", in: F.issues(yaml)))
        #expect(issue.message == "unknown region 'scotlnd' (did you mean 'scotland'?): choose one of england-and-wales, scotland, northern-ireland")
        #expect(issue.line == F.line(of: "region:", in: yaml))
    }

    @Test func timesMustBeHHMMWithStartBeforeEnd() {
        let backwards = F.replacing(#"end: "18:00""#, with: #"end: "07:30""#)
        let issue = F.issue(at: "notifications.privateTime.end", in: F.issues(backwards))
        #expect(issue?.message == "must be later than start (08:00), found '07:30'")
        #expect(issue?.line == F.line(of: "end: \"07:30\"", in: backwards))

        let words = F.replacing(#"start: "08:00""#, with: #"start: "8am""#)
        #expect(F.issue(at: "notifications.privateTime.start", in: F.issues(words))?.message
            == "must be a time written HH:MM on the 24-hour clock, such as \"08:00\", found '8am'")
        let late = F.replacing(#"end: "18:00""#, with: #"end: "24:00""#)
        #expect(F.issue(at: "notifications.privateTime.end", in: F.issues(late)) != nil)
    }

    @Test func escalationStepsMustAscend() throws {
        let yaml = F.replacing("afterWorkingDaysOverdue: 5", with: "afterWorkingDaysOverdue: 0")
        let issue = try #require(F.issue(at: "enquiries.chasing.steps[1].afterWorkingDaysOverdue", in: F.issues(yaml)))
        #expect(issue.message == "steps must be in ascending order of working days overdue: 0 comes after 0")
        #expect(issue.line == F.line(of: "afterWorkingDaysOverdue: 0", in: yaml, after: "notify: [service.head-of-service]"))
    }

    @Test func statementsMustNotBeEmpty() throws {
        let yaml = F.replacing(#"statement: "Fishing expeditions are refused.""#, with: #"statement: "  ""#)
        let issue = try #require(F.issue(at: "information.fishingRefused.statement", in: F.issues(yaml)))
        #expect(issue.message == "must not be empty")
        #expect(issue.line == F.line(of: #"statement: "  ""#, in: yaml))
    }

    @Test func aRuleNeedsAStatement() throws {
        let yaml = F.replacing(#"statement: "Fishing expeditions are refused.""#, with: "inForce: true")
        let issue = try #require(F.issue(at: "information.fishingRefused.statement", in: F.issues(yaml)))
        #expect(issue.message == "missing: every rule needs a `statement:` in plain English")
        #expect(issue.line == F.line(of: "fishingRefused:", in: yaml))
    }

    @Test func citationParagraphsMustBeNonEmptyText() {
        let empty = F.replacing(#"cite: ["13.4", "13.5"]"#, with: "cite: []")
        #expect(F.issue(at: "enquiries.delayNotice.cite", in: F.issues(empty))?.message.hasPrefix("must name at least one paragraph") == true)
        let blank = F.replacing(#"cite: ["13.4", "13.5"]"#, with: #"cite: ["13.4", ""]"#)
        let issue = F.issue(at: "enquiries.delayNotice.cite[1]", in: F.issues(blank))
        #expect(issue?.message.hasPrefix("must be a paragraph reference as printed") == true)
        #expect(issue?.line == F.line(of: #"cite: ["13.4", ""]"#, in: blank))
        let noParagraphs = F.replacing(#"cite: {paragraphs: ["13.1"], heading: "Members' enquiries"}"#, with: #"cite: {heading: "Members' enquiries"}"#)
        #expect(F.issue(at: "enquiries.routing.cite.paragraphs", in: F.issues(noParagraphs))?.message.hasPrefix("missing: a citation needs `paragraphs:`") == true)
        let nested = F.replacing(#"cite: ["13.4", "13.5"]"#, with: #"cite: [["13.4"]]"#)
        #expect(F.issue(at: "enquiries.delayNotice.cite[0]", in: F.issues(nested)) != nil)
    }

    @Test func guidanceKeysMustBeUniqueSlugs() {
        let duplicate = F.replacing("- key: no-public-criticism", with: "- key: no-insisting-on-discipline")
        let issue = F.issue(at: "guidance[1].key", in: F.issues(duplicate))
        #expect(issue?.message.hasPrefix("duplicate guidance key 'no-insisting-on-discipline'") == true)
        #expect(issue?.line == F.line(of: "- key: no-insisting-on-discipline", in: duplicate, after: "audience: members"))
        let notSlug = F.replacing("- key: no-public-criticism", with: "- key: No Public Criticism")
        #expect(F.issue(at: "guidance[1].key", in: F.issues(notSlug))?.message.contains("lowercase letters, digits and hyphens") == true)
    }

    @Test func routingInForceMustNameSomeone() throws {
        let yaml = F.replacing("to: [communications]", with: "to: []")
        let issue = try #require(F.issue(at: "notifications.mediaClearance.to", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("must name at least one recipient"))
        #expect(issue.line == F.line(of: "to: []", in: yaml))

        let switchedOff = F.replacing("to: [communications]", with: "inForce: false\n    to: []")
        #expect(F.issues(switchedOff) == [])
    }

    @Test func routeRoutingIsRequired() {
        let yaml = F.replacing("routing:\n        to: [monitoring-officer]", with: "complainantLearns: \"Nothing.\"")
        #expect(F.issue(at: "complaints.routes[2].routing", in: F.issues(yaml))?.message == "required key 'routing' is missing")
    }

    @Test func choicesAndBooleansAreChecked() {
        var yaml = F.replacing("mode: on-request", with: "mode: sometimes")
        yaml = F.replacing("directBarredWhenConfidential: true", with: "directBarredWhenConfidential: yes please", in: yaml)
        yaml = F.replacing("procedure: statutory", with: "procedure: statutary", in: yaml)
        yaml = F.replacing("kinds: [event, public-meeting, consultation, major-incident]", with: "kinds: [event, fete]", in: yaml)
        yaml = F.replacing("inForce: false\n    steps: []", with: "inForce: no\n    steps: []", in: yaml)
        let issues = F.issues(yaml)
        #expect(F.issue(at: "briefings.offerToOtherGroups.mode", in: issues)?.message == "unknown offer mode 'sometimes': choose one of automatic, on-request, none")
        #expect(F.issue(at: "enquiries.replyRoutes.directBarredWhenConfidential", in: issues)?.message == "must be true or false, found 'yes please'")
        #expect(F.issue(at: "complaints.routes[1].procedure", in: issues)?.message.contains("(did you mean 'statutory'?)") == true)
        #expect(F.issue(at: "notifications.wardMatters.kinds[1]", in: issues)?.message.hasPrefix("unknown ward matter 'fete'") == true)
        #expect(F.issue(at: "complaints.informalLadder.inForce", in: issues)?.message == "must be true or false, found 'no'")
        #expect(issues.count == 5, "\(issues.map(\.description))")
    }

    @Test func volumeMultipleMustBeANumberAboveOne() {
        let issues = F.issues(F.replacing("multipleOfMedian: 3.0", with: "multipleOfMedian: 1"))
        #expect(F.issue(at: "enquiries.volumeIndicator.multipleOfMedian", in: issues)?.message
            == "must be a number greater than 1 and at most 100, such as 3.0, found '1'")
        let notANumber = F.issues(F.replacing("multipleOfMedian: 3.0", with: "multipleOfMedian: .nan"))
        #expect(F.issue(at: "enquiries.volumeIndicator.multipleOfMedian", in: notANumber) != nil)
    }

    @Test func unknownTopLevelAndDocumentKeys() {
        var yaml = F.replacing("region: england-and-wales", with: "region: england-and-wales\ncolour: blue")
        yaml = F.replacing("  date: \"2024\"", with: "  dated: \"2024\"", in: yaml)
        let issues = F.issues(yaml)
        #expect(F.issue(at: "colour", in: issues)?.message.hasPrefix("unknown key 'colour': expected one of schemaVersion, id") == true)
        #expect(F.issue(at: "document.dated", in: issues)?.message == "unknown key 'dated' (did you mean 'date'?)")
        #expect(F.issue(at: "document.date", in: issues)?.line == F.line(of: "document:", in: yaml))
    }

    @Test func everyProblemIsReportedTogetherInFileOrder() {
        var yaml = F.replacing("workingDays: 10", with: "workingDays: ten")
        yaml = F.replacing("region: england-and-wales", with: "region: wales", in: yaml)
        yaml = F.replacing("to: [matter.director]", with: "to: [subject.boss]", in: yaml)
        yaml = F.replacing("  responseDeadline:", with: "  responseDeadline:\n    colour: blue", in: yaml)
        yaml = F.replacing(#"start: "08:00""#, with: #"start: "8""#, in: yaml)
        let issues = F.issues(yaml)
        #expect(issues.map(\.path) == [
            "region",
            "enquiries.responseDeadline.colour",
            "enquiries.responseDeadline.workingDays",
            "notifications.privateTime.start",
            "notifications.departmentVisits.to[0]",
        ])
        let lines = issues.compactMap(\.line)
        #expect(lines.count == 5)
        #expect(lines == lines.sorted())
    }

    @Test func theErrorListsEveryIssueWithItsLine() throws {
        let yaml = F.replacing("workingDays: 10", with: "workingDays: ten")
        let line = try #require(F.line(of: "workingDays: ten", in: yaml))
        let error = #expect(throws: ProfileValidationError.self) {
            try ProfileLoader.load(yaml: yaml, file: "testing-borough.yaml")
        }
        #expect(error?.description == """
            testing-borough.yaml: 1 problem
            line \(line): enquiries.responseDeadline.workingDays: must be a whole number of working days from 1 to 60, found 'ten'
            """)
    }

    @Test func aListWhereAMappingIsExpected() throws {
        let yaml = F.replacing(#"acknowledgementDeadline: {statement: "Complaints are acknowledged within 5 working days.", silent: "Probity's default, the period London Councils sets.", workingDays: 5}"#,
                               with: "acknowledgementDeadline: [5]")
        let issue = try #require(F.issue(at: "complaints.acknowledgementDeadline", in: F.issues(yaml)))
        #expect(issue.message.hasPrefix("must be a rule: a mapping with `statement:`"))
        #expect(issue.message.hasSuffix("found a list"))
    }
}
