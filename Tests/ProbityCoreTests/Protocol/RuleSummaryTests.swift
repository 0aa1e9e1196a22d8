import Foundation
import Testing
@testable import ProbityCore

@Suite("Rule summaries, citations and JSON")
struct RuleSummaryTests {
    let profile: ProtocolProfile

    init() throws {
        profile = try ProfileLoader.load(yaml: ProfileFixture.valid)
    }

    @Test func citationsRenderWithTheDocumentsName() {
        let document = profile.document
        #expect(profile.enquiries.responseDeadline.citationText(in: document) == "Testing protocol 13.5")
        #expect(profile.enquiries.delayNotice.citationText(in: document) == "Testing protocol 13.4 and 13.5")
        #expect(profile.enquiries.routing.citationText(in: document) == "Testing protocol 13.1 (Members' enquiries)")
        #expect(profile.enquiries.acknowledgementDeadline.citationText(in: document) == "Probity default (protocol silent)")
        #expect(Citation(paragraphs: ["3"], document: "Council resolution 2026/4").text(in: document) == "Council resolution 2026/4 3")
        #expect(Citation(paragraphs: [], document: "Council resolution 2026/4").text(in: document) == "Council resolution 2026/4")
    }

    @Test func ruleReferences() {
        let reference = profile.enquiries.responseDeadline.reference(in: profile.document)
        #expect(reference == RuleReference(
            ruleId: "enquiries.responseDeadline",
            statement: "A full response, or an explanatory acknowledgement, is due within 10 working days of receipt.",
            citation: "Testing protocol 13.5"))
        #expect(profile.reference(for: "enquiries.responseDeadline") == reference)
        #expect(profile.reference(for: "enquiries.nothing") == nil)
    }

    @Test func summariesHaveTitlesCitationsAndParameters() throws {
        let deadline = try #require(profile.rule(withId: "enquiries.responseDeadline"))
        #expect(deadline.section == .enquiries)
        #expect(deadline.title == "Response deadline")
        #expect(deadline.citation == "Testing protocol 13.5")
        #expect(!deadline.isSilent)
        #expect(deadline.silentReason == nil)
        #expect(deadline.inForce)
        #expect(deadline.parameters == "10 working days")

        let acknowledgement = try #require(profile.rule(withId: "enquiries.acknowledgementDeadline"))
        #expect(acknowledgement.isSilent)
        #expect(acknowledgement.citation == "Probity default (protocol silent)")
        #expect(acknowledgement.silentReason?.isEmpty == false)
    }

    @Test func parameterRenderings() {
        let rendered = Dictionary(uniqueKeysWithValues: profile.allRules.map { ($0.id, $0.parameters) })
        #expect(rendered["enquiries.routing"] == "Routine: service head of service, or service liaison officer; non-routine: service director")
        #expect(rendered["enquiries.chasing"] == "on the first working day overdue: service head of service; 5 working days overdue: service director")
        #expect(rendered["enquiries.confidentiality"] == "no one else")
        #expect(rendered["enquiries.delayNotice"] == "")
        #expect(rendered["enquiries.volumeIndicator"] == "more than 3 × the median over 12 months; visible to chief executive, service director")
        #expect(rendered["complaints.improperInfluence"] == "to: complainant director; inform: chief executive")
        #expect(rendered["complaints.routes.member-about-chief-executive"]
            == "statutory; to: monitoring officer; copy to: independent person; under Local Authorities (Standing Orders) (England) Regulations 2001")
        #expect(rendered["complaints.repeatedComplaintsIndicator"] == "3 within 12 months")
        #expect(rendered["declarations.registrationPeriod"] == "28 calendar days")
        #expect(rendered["declarations.councilTaxArrearsMonths"] == "2 months or more")
        #expect(rendered["briefings.offerToOtherGroups"] == "offered to the other groups on request")
        #expect(rendered["notifications.privateTime"] == "08:00–18:00 on working days")
        #expect(rendered["notifications.wardMatters"] == "event, public meeting, consultation, major incident; adjoining wards included")
        #expect(rendered["information.needToKnowDecision"] == "decided by: service director; referred to: governance director")
        #expect(rendered["guidance.no-public-criticism"] == "for everyone, in general")
    }

    @Test func routeAndGuidanceTitles() {
        let titles = Dictionary(uniqueKeysWithValues: profile.allRules.map { ($0.id, $0.title) })
        #expect(titles["complaints.routes.member-about-officer"] == "Complaint by a member about an officer")
        #expect(titles["complaints.routes.member-about-chief-executive"] == "Complaint by a member about the chief executive")
        #expect(titles["guidance.no-insisting-on-discipline"] == "No insisting on discipline")
    }

    @Test func rulesAreInSchemaOrder() {
        let ids = profile.ruleIds
        #expect(ids.first == "enquiries.responseDeadline")
        #expect(ids.last == "guidance.no-public-criticism")
        let acknowledgement = ids.firstIndex(of: "complaints.acknowledgementDeadline") ?? 0
        #expect(ids[acknowledgement + 1] == "complaints.routes.member-about-officer")
        let sections = profile.allRules.map(\.section)
        #expect(sections == sections.sorted { ProfileSection.allCases.firstIndex(of: $0) ?? 0 < ProfileSection.allCases.firstIndex(of: $1) ?? 0 })
        #expect(profile.allRules.allSatisfy { !$0.title.isEmpty && !$0.statement.isEmpty && !$0.citation.isEmpty })
    }

    @Test func comparisonMatchesRulesById() throws {
        var yaml = ProfileFixture.replacing("workingDays: 10", with: "workingDays: 15")
        yaml = ProfileFixture.replacing("- key: officer-about-member", with: "- key: officer-about-a-member", in: yaml)
        yaml = ProfileFixture.replacing(#"cite: "13.6""#, with: #"cite: "9.9""#, in: yaml)
        let other = try ProfileLoader.load(yaml: yaml)
        let rows = profile.compared(with: other)
        let differing = rows.filter(\.differs).map(\.id)
        #expect(differing == [
            "enquiries.responseDeadline",
            "complaints.routes.officer-about-member",
            "complaints.routes.officer-about-a-member",
        ])
        let deadline = try #require(rows.first { $0.id == "enquiries.responseDeadline" })
        #expect(deadline.left?.parameters == "10 working days")
        #expect(deadline.right?.parameters == "15 working days")
        #expect(rows.first { $0.id == "complaints.routes.officer-about-a-member" }?.left == nil)
        #expect(rows.first { $0.id == "enquiries.replyRoutes" }?.differs == false, "citations alone do not differ")
        #expect(rows.count == profile.ruleIds.count + 1)
    }

    @Test func jsonUsesTheYAMLFieldNames() throws {
        let data = try profile.jsonData()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["id"] as? String == "testing-borough")
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["region"] as? String == "england-and-wales")
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["citationName"] as? String == "Testing protocol")
        #expect(document["seed"] == nil)

        let enquiries = try #require(json["enquiries"] as? [String: Any])
        let deadline = try #require(enquiries["responseDeadline"] as? [String: Any])
        #expect(deadline["id"] as? String == "enquiries.responseDeadline")
        #expect(deadline["workingDays"] as? Int == 10)
        #expect(deadline["inForce"] as? Bool == true)
        #expect((deadline["cite"] as? [String: Any])?["paragraphs"] as? [String] == ["13.5"])
        #expect(deadline["silent"] == nil)
        let acknowledgement = try #require(enquiries["acknowledgementDeadline"] as? [String: Any])
        #expect(acknowledgement["silent"] is String)
        #expect(acknowledgement["cite"] == nil)
        let routing = try #require(enquiries["routing"] as? [String: Any])
        #expect(routing["routine"] as? [String] == ["service.head-of-service", "service.liaison-officer"])
        let chasing = try #require(enquiries["chasing"] as? [String: Any])
        #expect((chasing["steps"] as? [[String: Any]])?.last?["afterWorkingDaysOverdue"] as? Int == 5)

        let complaints = try #require(json["complaints"] as? [String: Any])
        let routes = try #require(complaints["routes"] as? [[String: Any]])
        #expect(routes.first?["key"] as? String == "member-about-officer")
        #expect(routes.first?["id"] as? String == "complaints.routes.member-about-officer")
        #expect((routes.first?["routing"] as? [String: Any])?["to"] as? [String] == ["subject.director"])
        let guidance = try #require(json["guidance"] as? [[String: Any]])
        #expect(guidance.last?["context"] as? String == "general")
    }

    @Test func jsonIsStable() throws {
        let once = try profile.jsonString()
        let again = try ProfileLoader.load(yaml: ProfileFixture.valid).jsonString()
        #expect(once == again)
        #expect(once.contains("\"authorityName\" : \"London Borough of Testing\""))
        #expect(!(try profile.jsonString(prettyPrinted: false)).contains("\n"))
    }

    @Test func summariesEncodeAsJSON() throws {
        let data = try JSONEncoder().encode(profile.allRules)
        let decoded = try JSONDecoder().decode([RuleSummary].self, from: data)
        #expect(decoded == profile.allRules)
    }

    @Test func recipientNames() {
        #expect(Recipient(.hrDirector).displayName == "HR director")
        #expect(Recipient(.headOfService, of: .service).displayName == "service head of service")
        #expect(Recipient(.self_, of: .subject).displayName == "the subject")
    }
}
