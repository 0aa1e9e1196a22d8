import Foundation
import Testing
@testable import ProbityCore

@Suite("Standards Committee summary")
struct StandardsCommitteeSummaryTests {
    typealias F = ComplaintFixture
    static let year = ComplaintReportPeriod(from: ymd("2026-04-01"), through: ymd("2027-03-31"))

    static func record(
        _ n: Int, route: String?, kind: ComplaintKind = .complaint, category: ComplaintCategory = .conduct,
        outcome: ComplaintOutcome? = nil, stage: ComplaintStage = .closed, referred: Bool = false,
        received: String, ackBy: String, acked: String?, closed: String? = nil, complainant: PersonRef = F.memberB
    ) -> ComplaintMonitoringRecord {
        ComplaintMonitoringRecord(
            id: F.id(n), complainant: complainant, routeRuleId: route, kind: kind, category: category, outcome: outcome,
            stage: stage, referred: referred, receivedOn: ymd(received), acknowledgeBy: ymd(ackBy),
            acknowledgedOn: acked.map(ymd), closedOn: closed.map(ymd))
    }

    static let records: [ComplaintMonitoringRecord] = [
        record(1, route: "complaints.routes.member-about-officer", category: .behaviour, outcome: .upheld,
               received: "2026-05-05", ackBy: "2026-05-12", acked: "2026-05-11", closed: "2026-06-30"),
        record(2, route: "complaints.routes.member-about-officer", category: .performance, outcome: .notUpheld,
               referred: true, received: "2026-07-01", ackBy: "2026-07-08", acked: "2026-07-10", closed: "2026-09-01"),
        record(3, route: "complaints.routes.officer-about-member", kind: .breachOfProtocol, category: .breachOfProtocol,
               outcome: .resolvedInformally, received: "2026-10-01", ackBy: "2026-10-08", acked: "2026-10-08", closed: "2026-10-20"),
        record(4, route: "complaints.improperInfluence", kind: .improperInfluence, category: .other, stage: .received,
               received: "2027-03-02", ackBy: "2027-03-09", acked: nil, complainant: F.caseworker),
        record(5, route: nil, category: .bullyingOrHarassment, stage: .received,
               received: "2027-03-30", ackBy: "2027-04-06", acked: nil),
        // Outside the period: not counted.
        record(6, route: "complaints.routes.member-about-officer", outcome: .upheld,
               received: "2026-03-31", ackBy: "2026-04-08", acked: "2026-04-01"),
    ]

    @Test func countsByRouteKindCategoryAndOutcome() throws {
        let summary = StandardsCommitteeSummary.make(records: Self.records, period: Self.year, asOf: ymd("2027-03-31"),
                                                     profile: try F.profile("london-councils"))
        #expect(summary.total == 5)
        #expect(summary.byKind.map { "\($0.key.rawValue)=\($0.count)" } == ["complaint=3", "breach-of-protocol=1", "improper-influence=1"])
        #expect(summary.byRoute.map { "\($0.label)=\($0.count)" } == [
            "Complaint by a member about an officer=2", "Complaint by an officer about a member=1",
            "Improper influence on an officer=1", "No route in the protocol=1",
        ])
        #expect(summary.byCategory.map(\.key) == [.behaviour, .performance, .bullyingOrHarassment, .breachOfProtocol, .other])
        #expect(summary.byOutcome.map { "\($0.key.rawValue)=\($0.count)" } == ["upheld=1", "not-upheld=1", "resolved-informally=1"])
        #expect(summary.open == 2)
        #expect(summary.closed == 3)
        #expect(summary.referred == 1)
        #expect(summary.acknowledgement.map { "\($0.key.rawValue)=\($0.count)" } == ["on-time=2", "late=1", "overdue=1", "not-yet-due=1"])
        #expect(summary.monitoringRule?.ruleId == "complaints.monitoring")
    }

    @Test func theSummaryReadsAsPlainSentences() throws {
        let summary = StandardsCommitteeSummary.make(records: Self.records, period: Self.year, asOf: ymd("2027-03-31"),
                                                     profile: try F.profile("london-councils"))
        #expect(summary.statements == [
            "5 cases were received between 1 April 2026 and 31 March 2027: 3 complaints, 1 breach-of-protocol report and 1 improper-influence report.",
            "By route: Complaint by a member about an officer 2, Complaint by an officer about a member 1, Improper influence on an officer 1 and No route in the protocol 1.",
            "By category: behaviour 1, performance 1, bullying or harassment 1, breach of protocol 1 and other 1.",
            "Outcomes: 1 upheld, 1 not upheld, 1 resolved informally and 2 without an outcome yet.",
            "1 was referred for independent assessment.",
            "Written acknowledgement within the deadline: 2 on time, 1 late, 1 overdue and not yet sent and 1 not yet due.",
        ])
    }

    @Test func anEmptyPeriodSaysSoPlainly() throws {
        let summary = StandardsCommitteeSummary.make(records: [Self.records[5]], period: Self.year, asOf: ymd("2027-04-01"),
                                                     profile: try F.profile("hackney"))
        #expect(summary.isEmpty)
        #expect(summary.statements == ["No complaints were received between 1 April 2026 and 31 March 2027."])
        #expect(summary.byRoute.isEmpty)
        #expect(summary.monitoringRule?.citation == "Hackney protocol report 1.1 and 5.17")
    }

    @Test func casesFromTheLifeCycleFeedTheSummary() throws {
        let profile = try F.profile("london-councils")
        var complaint = try ComplaintIntake.open(
            id: F.id(903), kind: .complaint, category: .conduct, complainant: F.memberB, subject: F.highwaysOfficer,
            receivedOn: ymd("2026-11-27"), profile: profile, org: F.org, calendar: F.calendar).complaint
        try complaint.acknowledge(ComplaintAcknowledgement(receipt: "r", intendedAction: "a", expectedTime: "t"), on: ymd("2026-12-07"))
        let summary = StandardsCommitteeSummary.make(records: [complaint.monitoringRecord], period: Self.year,
                                                     asOf: ymd("2027-03-31"), profile: profile)
        #expect(summary.acknowledgement.map(\.key) == [.late])
        #expect(summary.byRoute.first?.key == "complaints.routes.member-about-officer")
    }
}
