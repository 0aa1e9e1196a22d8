import Foundation

/// One line of the access-to-information audit trail: every read and refused read, every
/// request, release, refusal, referral and withdrawal. Seen by the person who acted, the
/// councillor concerned and the Monitoring Officer, never by another councillor or group
/// (TH 12.19): `DocumentPolicy.canViewAuditEntry`.
public struct InformationAuditEntry: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        case read
        case readRefused = "read-refused"
        case requestSubmitted = "request-submitted"
        /// A request refused before it was made (fishing, personal records, …).
        case requestRejected = "request-rejected"
        case released
        case refused
        case referred
        case revoked
    }

    public var at: Date
    public var actorKind: Viewer.Kind
    public var actorID: UUID?
    public var action: Action
    public var documentID: UUID
    public var requestID: UUID?
    /// The councillor concerned: the reader, the councillor an assistant acts for, or the requester.
    public var memberID: UUID?
    public var redacted: Bool
    public var reasons: [String]
    /// "Tower Hamlets protocol 12.11", …
    public var citations: [String]

    public init(at: Date, actorKind: Viewer.Kind, actorID: UUID?, action: Action, documentID: UUID, requestID: UUID? = nil,
                memberID: UUID?, redacted: Bool = false, reasons: [String], citations: [String]) {
        self.at = at
        self.actorKind = actorKind
        self.actorID = actorID
        self.action = action
        self.documentID = documentID
        self.requestID = requestID
        self.memberID = memberID
        self.redacted = redacted
        self.reasons = reasons
        self.citations = citations
    }

    /// A read, allowed or refused.
    public static func read(_ access: DocumentAccess, context: ViewerContext, documentID: UUID, at: Date) -> InformationAuditEntry {
        InformationAuditEntry(at: at, actorKind: context.viewer.kind, actorID: context.viewer.personID,
                              action: access.allowed ? .read : .readRefused, documentID: documentID,
                              memberID: context.member?.memberID, redacted: access.version?.isRedacted ?? false,
                              reasons: access.decision.reasons, citations: access.decision.rules.map(\.citation))
    }

    /// A request refused before it was made.
    public static func rejected(_ error: InformationError, context: ViewerContext, documentID: UUID, at: Date) -> InformationAuditEntry {
        InformationAuditEntry(at: at, actorKind: context.viewer.kind, actorID: context.viewer.personID, action: .requestRejected,
                              documentID: documentID, memberID: context.member?.memberID, reasons: [error.message],
                              citations: error.rule.map { [$0.citation] } ?? [])
    }

    /// Every step of a request, in order.
    public static func entries(for request: NeedToKnowRequest) -> [InformationAuditEntry] {
        request.history.map { event in
            let action: Action = switch event.kind {
            case .submitted: .requestSubmitted
            case .granted: .released
            case .refused: .refused
            case .referred: .referred
            case .revoked: .revoked
            }
            let actorKind: Viewer.Kind
            let actorID: UUID?
            switch event.by {
            case .officer(let id)?: (actorKind, actorID) = (.officer, id)
            case .member(let id)?: (actorKind, actorID) = (.member, id)
            case nil where event.kind == .submitted && request.raisedByAssistantID != nil:
                (actorKind, actorID) = (.assistant, request.raisedByAssistantID)
            case nil: (actorKind, actorID) = (.none, nil)
            }
            return InformationAuditEntry(at: event.at, actorKind: actorKind, actorID: actorID, action: action,
                                         documentID: request.documentID, requestID: request.id, memberID: request.memberID,
                                         redacted: event.kind == .granted && (request.grant?.version.isRedacted ?? false),
                                         reasons: event.note.map { [$0] } ?? [], citations: event.rules.map(\.citation))
        }
    }
}
