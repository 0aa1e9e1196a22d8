import Foundation

/// One complaint, breach report or improper-influence report as Probity records it. Holds no
/// narrative: the complaint's text, the allegation as disclosed, and items given to witnesses
/// are stored by the server and referred to here by id. Changes go through the transitions in
/// `ComplaintCase+Transitions.swift`, which keep the stage, dates and outcome consistent.
public struct ComplaintCase: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var kind: ComplaintKind
    public var category: ComplaintCategory
    public var complainant: PersonRef
    public var subject: PersonRef
    /// The rule that routed it (`complaints.routes.member-about-officer`, `complaints.improperInfluence`,
    /// `complaints.informalLadder`); nil when the protocol gives no route.
    public var routeRuleId: String?
    public var procedure: ComplaintProcedure?
    public var receivedOn: CalendarDate
    public var acknowledgeBy: CalendarDate
    public private(set) var stage: ComplaintStage
    /// Whom the complaint went to (the director, the Chief Executive, …), who handles it.
    public internal(set) var handler: PersonRef?
    /// Investigating officers the handler adds (LC 13 "the investigating officers").
    public internal(set) var investigators: Set<PersonRef>
    /// Sent a copy by the route (LC 13: the Chief Executive).
    public var copiedTo: Set<PersonRef>
    /// Told of it by the route (LC 13: the member's Party Group Leader).
    public var informed: Set<PersonRef>
    public internal(set) var acknowledgement: ComplaintAcknowledgement?
    public internal(set) var acknowledgedOn: CalendarDate?
    public internal(set) var investigationStartedOn: CalendarDate?
    public internal(set) var outcome: ComplaintOutcome?
    /// The handler's account of the outcome, for those who need to know (may hold disciplinary detail).
    public internal(set) var outcomeSummary: String?
    /// What the complainant is told of the outcome, written for them (never disciplinary detail).
    public internal(set) var complainantStatement: String?
    public internal(set) var outcomeOn: CalendarDate?
    /// Whether a formal complaint will go to the relevant Monitoring Officer, which an officer
    /// complaining about a member is entitled to be told (LC 13).
    public internal(set) var goesToMonitoringOfficer: Bool?
    public internal(set) var referral: ComplaintReferral?
    public internal(set) var closedOn: CalendarDate?
    /// Whether the investigator has disclosed the allegation to the person complained about.
    public internal(set) var allegationDisclosedToSubject: Bool
    /// People the investigator has told who complained (LC 13: only on a need-to-know basis).
    public internal(set) var complainantIdentityDisclosedTo: Set<PersonRef>
    /// Items (stored by the server) given to each witness: all a witness may see (LC 13).
    public internal(set) var witnessItems: [PersonRef: Set<UUID>]
    public internal(set) var history: [ComplaintEvent]

    public init(
        id: UUID, kind: ComplaintKind, category: ComplaintCategory, complainant: PersonRef, subject: PersonRef,
        receivedOn: CalendarDate, acknowledgeBy: CalendarDate, routeRuleId: String? = nil,
        procedure: ComplaintProcedure? = nil, handler: PersonRef? = nil, copiedTo: Set<PersonRef> = [],
        informed: Set<PersonRef> = []
    ) {
        self.id = id
        self.kind = kind
        self.category = category
        self.complainant = complainant
        self.subject = subject
        self.routeRuleId = routeRuleId
        self.procedure = procedure
        self.receivedOn = receivedOn
        self.acknowledgeBy = acknowledgeBy
        self.stage = .received
        self.handler = handler
        self.investigators = []
        self.copiedTo = copiedTo
        self.informed = informed
        self.allegationDisclosedToSubject = false
        self.complainantIdentityDisclosedTo = []
        self.witnessItems = [:]
        self.history = [ComplaintEvent(on: receivedOn, action: .receive, stage: .received)]
    }

    /// Moves the stage; only the transitions call this.
    mutating func move(to stage: ComplaintStage, on date: CalendarDate, action: ComplaintAction, note: String? = nil) {
        self.stage = stage
        history.append(ComplaintEvent(on: date, action: action, stage: stage, note: note))
    }

    /// The facts the access policy decides on.
    public var accessFacts: ComplaintAccessFacts {
        ComplaintAccessFacts(
            kind: kind, routeRuleId: routeRuleId, complainant: complainant, subject: subject,
            handlers: Set([handler].compactMap { $0 }).union(investigators).union(referral?.assessors ?? []),
            copiedTo: copiedTo, informed: informed, allegationDisclosedToSubject: allegationDisclosedToSubject,
            complainantIdentityDisclosedTo: complainantIdentityDisclosedTo, witnessItems: witnessItems)
    }

    /// What the Standards Committee summary and the repeated-complaints indicator read.
    public var monitoringRecord: ComplaintMonitoringRecord {
        ComplaintMonitoringRecord(
            id: id, complainant: complainant, routeRuleId: routeRuleId, kind: kind, category: category,
            outcome: outcome, stage: stage, referred: referral != nil, receivedOn: receivedOn,
            acknowledgeBy: acknowledgeBy, acknowledgedOn: acknowledgedOn, closedOn: closedOn)
    }
}

/// A dissatisfied complainant's referral for independent assessment (LC 13; TH 14.6).
public struct ComplaintReferral: Sendable, Hashable, Codable {
    public var referredOn: CalendarDate
    /// Who assesses it: the first entry of `complaints.referral.to` naming someone other than the parties.
    public var assessors: [PersonRef]
    public var rule: RuleReference
    /// The assessment's result, once recorded.
    public var assessment: ComplaintOutcome?
    public var assessmentSummary: String?
    public var assessedOn: CalendarDate?

    public init(referredOn: CalendarDate, assessors: [PersonRef], rule: RuleReference) {
        self.referredOn = referredOn
        self.assessors = assessors
        self.rule = rule
    }
}

/// One step in a case's history, for the audit trail and the case page.
public struct ComplaintEvent: Sendable, Hashable, Codable {
    public var on: CalendarDate
    public var action: ComplaintAction
    /// The stage after the step.
    public var stage: ComplaintStage
    public var note: String?

    public init(on: CalendarDate, action: ComplaintAction, stage: ComplaintStage, note: String? = nil) {
        self.on = on
        self.action = action
        self.stage = stage
        self.note = note
    }
}

/// What can be done to a complaint.
public enum ComplaintAction: String, Sendable, Hashable, Codable, CaseIterable {
    case receive
    case acknowledge
    case startInvestigation = "start-investigation"
    case recordInformalResolution = "record-informal-resolution"
    case recordOutcome = "record-outcome"
    case refer
    case recordAssessment = "record-assessment"
    case close
    case assignHandler = "assign-handler"
    case addInvestigator = "add-investigator"
    case shareWithWitness = "share-with-witness"
    case discloseAllegation = "disclose-allegation"
    case discloseComplainantIdentity = "disclose-complainant-identity"

    /// "acknowledge", "start the investigation of", as in "cannot acknowledge a closed complaint".
    public var verbPhrase: String {
        switch self {
        case .receive: "receive"
        case .acknowledge: "acknowledge"
        case .startInvestigation: "start investigating"
        case .recordInformalResolution: "record an informal resolution of"
        case .recordOutcome: "record an outcome of"
        case .refer: "refer"
        case .recordAssessment: "record the independent assessment of"
        case .close: "close"
        case .assignHandler: "assign a handler to"
        case .addInvestigator: "add an investigator to"
        case .shareWithWitness: "share items with a witness of"
        case .discloseAllegation: "disclose the allegation of"
        case .discloseComplainantIdentity: "disclose who made"
        }
    }
}
