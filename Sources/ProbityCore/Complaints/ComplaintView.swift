import Foundation

/// The facts about one case that decide who may see what of it.
public struct ComplaintAccessFacts: Sendable, Hashable {
    public var kind: ComplaintKind
    /// The rule that routed it (for what the complainant may learn); nil when unrouted.
    public var routeRuleId: String?
    public var complainant: PersonRef
    public var subject: PersonRef
    /// The handler the route assigned, the investigating officers, and any independent assessor.
    public var handlers: Set<PersonRef>
    /// Sent a copy of the complaint by the route (LC 13: the Chief Executive).
    public var copiedTo: Set<PersonRef>
    /// Told of the complaint by the route (LC 13: the member's Party Group Leader).
    public var informed: Set<PersonRef>
    public var allegationDisclosedToSubject: Bool
    public var complainantIdentityDisclosedTo: Set<PersonRef>
    /// Items given to each witness.
    public var witnessItems: [PersonRef: Set<UUID>]

    public init(
        kind: ComplaintKind, routeRuleId: String?, complainant: PersonRef, subject: PersonRef,
        handlers: Set<PersonRef>, copiedTo: Set<PersonRef> = [], informed: Set<PersonRef> = [],
        allegationDisclosedToSubject: Bool = false, complainantIdentityDisclosedTo: Set<PersonRef> = [],
        witnessItems: [PersonRef: Set<UUID>] = [:]
    ) {
        self.kind = kind
        self.routeRuleId = routeRuleId
        self.complainant = complainant
        self.subject = subject
        self.handlers = handlers
        self.copiedTo = copiedTo
        self.informed = informed
        self.allegationDisclosedToSubject = allegationDisclosedToSubject
        self.complainantIdentityDisclosedTo = complainantIdentityDisclosedTo
        self.witnessItems = witnessItems
    }
}

/// Why a person sees a case.
public enum ComplaintAudience: String, Sendable, Hashable, Codable, CaseIterable {
    /// Handlers, investigators, those copied in and those who need to know (LC 13 "Confidentiality").
    case full
    case complainant
    /// The person complained about, once the investigator discloses the allegation.
    case subject
    /// Only the items given to them (LC 13).
    case witness
    /// Told of the complaint by its route (LC 13: the Party Group Leader is advised of it).
    case informed
    /// The officer monitoring complaints (LC 13 "Monitoring complaints"): stage and timeliness.
    case monitoring
    case none
}

/// A part of a case a page may show.
public enum ComplaintField: String, Sendable, Hashable, Codable, CaseIterable {
    case kind, category, stage
    /// Received, acknowledgement due and sent, outcome and closure dates.
    case timeliness
    /// Which route, its procedure, and the handler's role.
    case route
    case complainantIdentity = "complainant-identity"
    case subjectIdentity = "subject-identity"
    /// The complaint as the complainant wrote it.
    case complaintText = "complaint-text"
    /// The allegation as the investigator disclosed it to the person complained about.
    case disclosedAllegation = "disclosed-allegation"
    /// The items given to this witness (see `ComplaintView.sharedItemIDs`).
    case sharedItems = "shared-items"
    /// The written acknowledgement sent to the complainant.
    case acknowledgement
    /// The outcome: upheld, not upheld, resolved informally, …
    case outcome
    /// What the complainant is told of the outcome.
    case complainantStatement = "complainant-statement"
    /// Whether a formal complaint will go to the Monitoring Officer (LC 13, for an officer complainant).
    case monitoringOfficerDecision = "monitoring-officer-decision"
    /// The handler's account of the outcome, including any disciplinary detail.
    case outcomeSummary = "outcome-summary"
    /// Evidence, witness statements, the subject's response, disciplinary details.
    case investigationDetails = "investigation-details"
    /// Every step, with who took part.
    case history
}

/// What one person may see of one case.
public struct ComplaintView: Sendable, Hashable {
    /// The first of the person's audiences, in the order the policy checks them.
    public var audience: ComplaintAudience
    /// Every audience the person is in (a witness may also be told of the complaint, say).
    public var audiences: [ComplaintAudience]
    public var fields: Set<ComplaintField>
    /// For a witness: exactly the items given to them.
    public var sharedItemIDs: Set<UUID>
    /// For the complainant: what the protocol says they may learn, to show with the outcome.
    public var complainantLearns: String?

    public init(audiences: [ComplaintAudience], fields: Set<ComplaintField>, sharedItemIDs: Set<UUID> = [],
                complainantLearns: String? = nil) {
        self.audience = audiences.first ?? .none
        self.audiences = audiences.isEmpty ? [.none] : audiences
        self.fields = fields
        self.sharedItemIDs = sharedItemIDs
        self.complainantLearns = complainantLearns
    }

    public static let none = ComplaintView(audiences: [.none], fields: [])

    public func shows(_ field: ComplaintField) -> Bool { fields.contains(field) }
}

/// The policy's answer: the view, the decision with reasons and rules, and the audit entry the
/// server must store for every look at a complaint, allowed or not (LC 13: strictest confidence).
public struct ComplaintAccess: Sendable, Hashable {
    public var view: ComplaintView
    public var decision: Decision
    public var audit: ComplaintAuditEntry
}

public struct ComplaintAuditEntry: Sendable, Hashable, Codable {
    public var viewer: PersonRef?
    public var viewerKind: Viewer.Kind
    public var audience: ComplaintAudience
    public var allowed: Bool
    /// "Viewed as complainant: …" or "Refused: …", with citations.
    public var summary: String
}
