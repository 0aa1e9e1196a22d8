import Foundation
import ProbityCore

/// A case as one person may see it: only the fields the access policy's view gives them, for
/// the page and the API alike. A field the view leaves out is absent, never empty.
struct ComplaintPresentation: Encodable, Sendable {
    struct RuleInfo: Encodable, Sendable {
        var ruleId: String
        var citation: String
        var statement: String
        init(_ reference: RuleReference) {
            ruleId = reference.ruleId
            citation = reference.citation
            statement = reference.statement
        }
        init(ruleId: String, citation: String, statement: String) {
            self.ruleId = ruleId
            self.citation = citation
            self.statement = statement
        }
    }

    struct PersonInfo: Encodable, Sendable {
        var person: String
        var name: String
    }

    struct Access: Encodable, Sendable {
        var audience: String
        var audiences: [String]
        var explanation: String
        var reasons: [String]
        var rules: [RuleInfo]
    }

    struct Timeliness: Encodable, Sendable {
        var receivedOn: String
        var receivedDisplay: String
        var acknowledgeBy: String
        /// "Acknowledge by Fri 4 Dec 2026 — 5 working days (London Councils protocol 13 (…))".
        var acknowledgeByDisplay: String
        var acknowledgedOn: String?
        var acknowledgedDisplay: String?
        var status: String
        var statusLabel: String
        var overdue: Bool
        var outcomeOn: String?
        var closedOn: String?
        var closedDisplay: String?
    }

    struct Route: Encodable, Sendable {
        var procedure: String?
        /// "subject director": the role the complaint went to.
        var handledBy: String?
        var statutoryInstrument: String?
        var routed: Bool
    }

    struct Acknowledgement: Encodable, Sendable {
        var receipt: String
        var intendedAction: String
        var expectedTime: String
        var sentOn: String?
        var sentDisplay: String?
    }

    struct Outcome: Encodable, Sendable {
        var outcome: String
        var label: String
        var recordedOn: String?
        var assessment: String?
        var assessmentLabel: String?
        var referredOn: String?
    }

    struct Item: Encodable, Sendable {
        var id: String
        var title: String
        var body: String
        var added: String
        var addedBy: String
    }

    struct WitnessShare: Encodable, Sendable {
        var witness: PersonInfo
        var items: [String]
    }

    struct Investigation: Encodable, Sendable {
        var items: [Item]
        var investigators: [PersonInfo]
        var witnesses: [WitnessShare]
        var allegationDisclosed: Bool
        var complainantIdentityDisclosedTo: [PersonInfo]
    }

    struct Event: Encodable, Sendable {
        var on: String
        var display: String
        var action: String
        var label: String
        var stage: String
        var note: String?
    }

    struct People: Encodable, Sendable {
        var handler: PersonInfo?
        var copiedTo: [PersonInfo]
        var informed: [PersonInfo]
        var assessors: [PersonInfo]
    }

    var id: String
    var reference: String
    var access: Access
    var kind: String?
    var kindLabel: String?
    var category: String?
    var categoryLabel: String?
    var stage: String?
    var stageLabel: String?
    /// The acknowledgement deadline, `YYYY-MM-DD`.
    var acknowledgeBy: String?
    var timeliness: Timeliness?
    /// The rule that routed the case, with its citation.
    var rule: RuleInfo?
    var route: Route?
    /// How the route was chosen and why it has none, for those who know the parties.
    var routeNotes: [String]?
    var unroutedReason: String?
    var unroutedRules: [RuleInfo]?
    var complainant: PersonInfo?
    var subject: PersonInfo?
    var details: String?
    var incidentDates: [String]?
    var incidentDatesDisplay: [String]?
    var disclosedAllegation: String?
    var sharedItems: [Item]?
    var acknowledgement: Acknowledgement?
    var outcome: Outcome?
    var complainantStatement: String?
    /// What the protocol says the complainant may learn.
    var complainantLearns: String?
    var goesToMonitoringOfficer: Bool?
    var outcomeSummary: String?
    var assessmentSummary: String?
    var investigation: Investigation?
    var people: People?
    var history: [Event]?
    /// What this person may do now: `acknowledge`, `start-investigation`, `refer`, ….
    var actions: [String]
    /// Guidance for the person who has just made the complaint, with where the protocol says it.
    var guidance: [RuleInfo]?

    init(record: ComplaintRecord, complaint: ComplaintCase, access: ComplaintAccess, items: [ComplaintItem],
         context: ComplaintContext) throws {
        let view = access.view
        let routing = try record.routingRecord()
        func person(_ ref: PersonRef) -> PersonInfo { PersonInfo(person: ref.description, name: context.name(ref)) }
        func sorted(_ people: Set<PersonRef>) -> [PersonInfo] {
            people.sorted { $0.description < $1.description }.map(person)
        }
        func item(_ i: ComplaintItem) -> Item {
            Item(id: (i.id ?? UUID()).uuidString.lowercased(), title: i.title, body: i.body,
                 added: DisplayFormat.dateTime(i.addedAt), addedBy: i.addedBy)
        }

        id = (record.id ?? complaint.id).uuidString.lowercased()
        reference = record.reference
        self.access = Access(
            audience: view.audience.rawValue, audiences: view.audiences.map(\.rawValue),
            explanation: access.decision.explanation, reasons: access.decision.reasons,
            rules: access.decision.rules.map(RuleInfo.init))
        if view.shows(.kind) {
            kind = complaint.kind.rawValue
            kindLabel = complaint.kind.displayName.capitalizedFirst
        }
        if view.shows(.category) {
            category = complaint.category.rawValue
            categoryLabel = complaint.category.displayName.capitalizedFirst
        }
        if view.shows(.stage) {
            stage = complaint.stage.rawValue
            stageLabel = complaint.stage.displayName.capitalizedFirst
        }
        if view.shows(.timeliness) {
            acknowledgeBy = complaint.acknowledgeBy.iso
            let status = complaint.monitoringRecord.acknowledgementTimeliness(asOf: context.today)
            timeliness = Timeliness(
                receivedOn: complaint.receivedOn.iso, receivedDisplay: complaint.receivedOn.displayShort,
                acknowledgeBy: complaint.acknowledgeBy.iso,
                acknowledgeByDisplay: routing.deadline(for: complaint).display,
                acknowledgedOn: complaint.acknowledgedOn?.iso, acknowledgedDisplay: complaint.acknowledgedOn?.displayShort,
                status: status.rawValue, statusLabel: status.displayName.capitalizedFirst, overdue: status == .overdue,
                outcomeOn: complaint.outcomeOn?.iso, closedOn: complaint.closedOn?.iso,
                closedDisplay: complaint.closedOn?.displayShort)
        }
        if view.shows(.route) {
            rule = routing.rule.map(RuleInfo.init)
            route = Route(procedure: complaint.procedure?.rawValue, handledBy: routing.handledBy,
                          statutoryInstrument: routing.statutoryInstrument, routed: routing.rule != nil)
        }
        // The notes name the parties' roles ("the complainant director"), so only those who know
        // the parties see them.
        if view.shows(.complaintText) {
            routeNotes = routing.notes
            unroutedReason = routing.unroutedReason
            unroutedRules = routing.unroutedRules.map(RuleInfo.init)
        }
        if view.shows(.complainantIdentity) { complainant = person(complaint.complainant) }
        if view.shows(.subjectIdentity) { subject = person(complaint.subject) }
        if view.shows(.complaintText) {
            details = record.details
            incidentDates = record.incidentDateList.map(\.iso)
            incidentDatesDisplay = record.incidentDateList.map(\.displayShort)
        }
        if view.shows(.disclosedAllegation), complaint.allegationDisclosedToSubject {
            disclosedAllegation = record.disclosedAllegation
        }
        if view.shows(.sharedItems) {
            sharedItems = items.filter { i in i.id.map { view.sharedItemIDs.contains($0) } ?? false }.map(item)
        }
        if view.shows(.acknowledgement), let ack = complaint.acknowledgement {
            acknowledgement = Acknowledgement(
                receipt: ack.receipt, intendedAction: ack.intendedAction, expectedTime: ack.expectedTime,
                sentOn: complaint.acknowledgedOn?.iso, sentDisplay: complaint.acknowledgedOn?.displayShort)
        }
        if view.shows(.outcome), let result = complaint.outcome {
            let assessment = complaint.referral?.assessment
            outcome = Outcome(
                outcome: result.rawValue, label: result.displayName.capitalizedFirst, recordedOn: complaint.outcomeOn?.iso,
                assessment: assessment?.rawValue, assessmentLabel: assessment?.displayName.capitalizedFirst,
                referredOn: complaint.referral?.referredOn.iso)
        }
        if view.shows(.complainantStatement) { complainantStatement = complaint.complainantStatement }
        if view.audiences.contains(.complainant) { complainantLearns = view.complainantLearns }
        if view.shows(.monitoringOfficerDecision) { goesToMonitoringOfficer = complaint.goesToMonitoringOfficer }
        if view.shows(.outcomeSummary) {
            outcomeSummary = complaint.outcomeSummary
            assessmentSummary = complaint.referral?.assessmentSummary
        }
        if view.shows(.investigationDetails) {
            let titles = Dictionary(items.compactMap { i in i.id.map { ($0, i.title) } }, uniquingKeysWith: { first, _ in first })
            investigation = Investigation(
                items: items.map(item),
                investigators: sorted(complaint.investigators),
                witnesses: complaint.witnessItems.keys.sorted { $0.description < $1.description }.map { witness in
                    WitnessShare(witness: person(witness),
                                 items: (complaint.witnessItems[witness] ?? []).compactMap { titles[$0] }.sorted())
                },
                allegationDisclosed: complaint.allegationDisclosedToSubject,
                complainantIdentityDisclosedTo: sorted(complaint.complainantIdentityDisclosedTo))
        }
        if view.shows(.history) {
            people = People(handler: complaint.handler.map(person), copiedTo: sorted(complaint.copiedTo),
                            informed: sorted(complaint.informed), assessors: (complaint.referral?.assessors ?? []).map(person))
            history = complaint.history.map {
                Event(on: $0.on.iso, display: $0.on.displayShort, action: $0.action.rawValue, label: $0.action.historyLabel,
                      stage: $0.stage.displayName, note: $0.note)
            }
        }
        actions = ComplaintActionKind.available(to: context, complaint: complaint).map(\.rawValue)
    }
}
