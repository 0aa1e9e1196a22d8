import Foundation
import ProbityCore

/// A need-to-know request as the people who may see it see it (TH 12.19).
struct AccessRequestJSON: Encodable, Sendable {
    struct Event: Encodable, Sendable {
        var kind: String
        var at: Date
        var atDisplay: String
        var by: String?
        var note: String?
        var citations: [String]
    }
    struct Refusal: Encodable, Sendable {
        var ground: String
        var groundDisplay: String
        var explanation: String
        var by: String
        var at: Date
        var onReferral: Bool
        var citations: [String]
    }
    struct Release: Encodable, Sendable {
        var version: String
        var redactionNote: String?
        var purpose: String
        var grantedBy: String
        var grantedAt: Date
        var expiresAt: Date?
        var revokedAt: Date?
        var confidential: Bool
    }

    var id: UUID
    var document: NamedRef
    var member: NamedRef
    var raisedByAssistant: Bool
    var reasonKind: String
    var reasonDisplay: String
    var explanation: String
    var wardId: UUID?
    var status: String
    var statusDisplay: String
    var submittedAt: Date
    var submittedDisplay: String
    var deciders: [NamedRef]
    var referredTo: [NamedRef]
    var refusals: [Refusal]
    var release: Release?
    var freedomOfInformation: String?
    var freedomOfInformationGuidance: String?
    var history: [Event]

    init(_ request: NeedToKnowRequest, title: String, ctx: InformationContext, profile: ProtocolProfile) {
        id = request.id
        document = NamedRef(id: request.documentID, name: title)
        member = NamedRef(id: request.memberID, name: ctx.memberName(request.memberID))
        raisedByAssistant = request.raisedByAssistantID != nil
        reasonKind = request.reason.kind.rawValue
        reasonDisplay = request.reason.kind.displayName
        explanation = request.reason.explanation
        wardId = request.reason.wardID
        status = request.status.rawValue
        statusDisplay = switch request.status {
        case .submitted: "With the deciding officer"
        case .referred: "Referred for determination"
        case .granted: request.grant?.revokedAt != nil ? "Granted, since withdrawn" : (request.grant?.version.isRedacted == true ? "Granted (redacted)" : "Granted")
        case .refused: "Refused"
        }
        submittedAt = request.submittedAt
        submittedDisplay = DisplayFormat.dateTime(request.submittedAt)
        deciders = request.deciderIDs.map { NamedRef(id: $0, name: ctx.officerName($0)) }
        referredTo = request.referralIDs.map { NamedRef(id: $0, name: ctx.officerName($0)) }
        refusals = request.refusals.map {
            Refusal(ground: $0.ground.rawValue, groundDisplay: $0.ground.displayName, explanation: $0.explanation, by: ctx.officerName($0.byOfficerID),
                    at: $0.at, onReferral: $0.onReferral, citations: $0.ground.rules(in: profile).map(\.citation))
        }
        release = request.grant.map {
            var note: String?
            if case .redacted(let n) = $0.version { note = n }
            return Release(version: $0.version.isRedacted ? "redacted" : "full", redactionNote: note, purpose: $0.purpose,
                           grantedBy: ctx.officerName($0.grantedByOfficerID), grantedAt: $0.grantedAt, expiresAt: $0.expiresAt,
                           revokedAt: $0.revokedAt, confidential: $0.markedConfidential)
        }
        freedomOfInformation = request.freedomOfInformation?.rawValue
        freedomOfInformationGuidance = request.freedomOfInformation?.guidance
        history = request.history.map { event in
            let by: String? = switch event.by {
            case .officer(let id)?: ctx.officerName(id)
            case .member(let id)?: ctx.memberName(id)
            case nil: event.kind == .submitted && request.raisedByAssistantID != nil ? "A group assistant" : nil
            }
            return Event(kind: event.kind.rawValue, at: event.at, atDisplay: DisplayFormat.dateTime(event.at), by: by, note: event.note,
                         citations: event.rules.map(\.citation))
        }
    }
}
