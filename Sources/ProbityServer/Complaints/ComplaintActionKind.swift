import Foundation
import ProbityCore

/// The steps people take on a case, as pages and the API name them.
enum ComplaintActionKind: String, CaseIterable, Sendable {
    case acknowledge
    case startInvestigation = "start-investigation"
    case addInvestigator = "add-investigator"
    case addItem = "add-item"
    case shareWithWitness = "share-with-witness"
    case discloseAllegation = "disclose-allegation"
    case discloseIdentity = "disclose-identity"
    case recordInformalResolution = "record-informal-resolution"
    case recordOutcome = "record-outcome"
    case refer
    case close
    case assignHandler = "assign-handler"

    var auditAction: String { "complaint.\(rawValue)" }

    /// The body's keys (JSON) mapped to the form's field names (pages show several forms at once,
    /// so each field there has a name of its own).
    var fields: [(json: String, form: String)] {
        switch self {
        case .acknowledge: [("receipt", "ackReceipt"), ("intendedAction", "ackIntendedAction"), ("expectedTime", "ackExpectedTime")]
        case .addInvestigator: [("person", "investigator")]
        case .addItem: [("title", "itemTitle"), ("body", "itemBody")]
        case .shareWithWitness: [("witness", "witness"), ("items", "witnessItems")]
        case .discloseAllegation: [("allegation", "allegation")]
        case .discloseIdentity: [("to", "identityTo")]
        case .recordInformalResolution: [("summary", "informalSummary"), ("complainantStatement", "informalStatement")]
        case .recordOutcome: [("outcome", "outcome"), ("summary", "outcomeSummary"), ("complainantStatement", "outcomeStatement"),
                              ("goesToMonitoringOfficer", "goesToMonitoringOfficer")]
        case .assignHandler: [("person", "handler"), ("reason", "handlerReason")]
        case .startInvestigation, .refer, .close: []
        }
    }

    var jsonKeys: [String] { fields.map(\.json) }

    /// "acknowledge this complaint", for refusals.
    var phrase: String {
        switch self {
        case .acknowledge: "acknowledge this complaint"
        case .startInvestigation: "start the investigation"
        case .addInvestigator: "add an investigator"
        case .addItem: "add to the investigation"
        case .shareWithWitness: "give items to a witness"
        case .discloseAllegation: "disclose the allegation"
        case .discloseIdentity: "disclose who complained"
        case .recordInformalResolution: "record an informal resolution"
        case .recordOutcome: "record the outcome"
        case .refer: "refer this complaint for independent assessment"
        case .close: "close this complaint"
        case .assignHandler: "give this complaint to another handler"
        }
    }

    /// Who may take the step. The steps of handling a case are for those handling or
    /// investigating it (after a referral, the assessment is for the independent assessor alone);
    /// referral is the complainant's; the officer monitoring complaints may also give a case to a
    /// handler, which is how a case the protocol gives no route reaches someone.
    func permitted(_ context: ComplaintContext, complaint: ComplaintCase) -> Bool {
        guard let person = context.person else { return false }
        let handling = complaint.accessFacts.handlers.contains(person)
        switch self {
        case .refer:
            return person == complaint.complainant
        case .assignHandler:
            return person == complaint.handler || context.monitoring.allowed
        case .recordOutcome where complaint.stage == .referred:
            return complaint.referral?.assessors.contains(person) ?? false
        default:
            return handling
        }
    }

    /// Whether the step makes sense at the case's stage, to offer it on the page. The core still
    /// decides when the step is taken.
    func offered(at complaint: ComplaintCase, profile: ProtocolProfile) -> Bool {
        let stage = complaint.stage
        switch self {
        case .acknowledge: return stage == .received
        case .startInvestigation: return stage == .acknowledged
        case .recordInformalResolution: return stage == .acknowledged || stage == .underInvestigation
        case .recordOutcome: return [.received, .acknowledged, .underInvestigation, .referred].contains(stage)
        case .close: return stage == .informalResolution || stage == .outcomeRecorded
        case .refer:
            return stage == .outcomeRecorded && complaint.referral == nil && profile.complaints.referral.inForce
                && (complaint.outcome?.isInvestigationResult ?? false)
        case .addInvestigator, .addItem, .shareWithWitness, .discloseAllegation, .discloseIdentity, .assignHandler:
            return stage.isOpen
        }
    }

    static func available(to context: ComplaintContext, complaint: ComplaintCase) -> [ComplaintActionKind] {
        allCases.filter { $0.offered(at: complaint, profile: context.profile) && $0.permitted(context, complaint: complaint) }
    }
}

extension ComplaintAction {
    /// "Acknowledged in writing", for a case's history.
    var historyLabel: String {
        switch self {
        case .receive: "Received"
        case .acknowledge: "Acknowledged in writing"
        case .startInvestigation: "Investigation started"
        case .recordInformalResolution: "Resolved informally"
        case .recordOutcome: "Outcome recorded"
        case .refer: "Referred for independent assessment"
        case .recordAssessment: "Independent assessment recorded"
        case .close: "Closed"
        case .assignHandler: "Given to a new handler"
        case .addInvestigator: "Investigator added"
        case .shareWithWitness: "Items given to a witness"
        case .discloseAllegation: "Allegation disclosed to the person complained about"
        case .discloseComplainantIdentity: "Complainant's identity disclosed"
        }
    }
}
