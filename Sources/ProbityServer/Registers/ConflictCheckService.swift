import Fluent
import Foundation
import ProbityCore
import Vapor

/// Runs the core's `ConflictCheck` for a matter against the participants' current declarations
/// and the authority's dispensations. A participant's row draws on their private declarations,
/// so the caller must be that participant or the Monitoring Officer (`RegisterPolicy`); any
/// other request is refused and audited. Every run is audited.
enum ConflictCheckService {
    static func run(_ request: ConflictCheckRequest, req: Request, context: RegisterContext) async throws -> ConflictReportView {
        for participant in request.participants {
            let decision = RegisterPolicy.canViewConflicts(of: participant.person, viewer: context.viewer)
            guard decision.allowed else {
                throw await req.refusal("conflict-check.run", resourceType: "conflict-check", resourceID: request.matter.id,
                                        reason: decision.explanation)
            }
        }
        let authorityID = context.actor.authorityID
        let declarations = try await DeclarationStore.of(request.participants.map(\.person), authorityID: authorityID, on: req.db)
        let dispensations = try await DeclarationStore.dispensations(authorityID: authorityID, on: req.db).map { try $0.dispensation() }
        let report = ConflictCheck.run(matter: request.matter, participants: request.participants, declarations: declarations,
                                       dispensations: dispensations, profile: context.profile, org: context.org)
        let view = ConflictReportView(report, request: request, context: context)
        let event = context.actor.auditEvent(
            "conflict-check.run", resourceType: "conflict-check", resourceID: request.matter.id,
            detail: ["items": String(request.matter.items.count), "participants": String(request.participants.count),
                     "withdraw": String(view.counts.mustWithdraw), "declare": String(view.counts.mustDeclare),
                     "noVote": String(view.counts.maySpeakNotVote)])
        let now = context.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return view
    }

    static func outcomeName(_ outcome: ConflictOutcome) -> String {
        switch outcome {
        case .clear: "clear"
        case .mustDeclare: "must-declare"
        case .maySpeakNotVote: "may-speak-not-vote"
        case .mustWithdraw: "must-withdraw"
        }
    }
}

/// A conflict report as the printable page and the API show it.
struct ConflictReportView: Encodable, Sendable {
    struct Reason: Encodable, Sendable {
        var outcome: String
        var outcomeLabel: String
        var ruleOutcome: String
        var declarationID: String
        var declarationLabel: String
        var explanation: String
        var rules: [RuleInfo]
        var citations: String
        var dispensable: Bool
        var dispensationID: String?
        var notes: [String]
        var sensitive: Bool
    }
    struct Item: Encodable, Sendable {
        var itemID: String
        var title: String
        var outcome: String
        var outcomeLabel: String
        var reasons: [Reason]
    }
    struct Participant: Encodable, Sendable {
        var person: String
        var name: String
        var capacity: String
        var overall: String
        var overallLabel: String
        var items: [Item]
        var affected: [Item]
    }
    struct Affected: Encodable, Sendable {
        var name: String
        var outcome: String
        var outcomeLabel: String
    }
    struct AgendaItem: Encodable, Sendable {
        var itemID: String
        var title: String
        var touches: [String]
        var affected: [Affected]
    }
    struct Counts: Encodable, Sendable {
        var mustWithdraw: Int
        var maySpeakNotVote: Int
        var mustDeclare: Int
        var clear: Int
    }

    var matterID: String
    var kind: String
    var title: String
    var committee: String?
    var date: String
    var dateDisplay: String
    var authorityName: String
    var generatedBy: String
    var agenda: [AgendaItem]
    var participants: [Participant]
    /// Participant-item pairs by outcome.
    var counts: Counts

    init(_ report: ConflictReport, request: ConflictCheckRequest, context: RegisterContext) {
        matterID = report.matterID
        kind = switch request.matter.kind {
        case .committeeMeeting: ConflictCheckRequest.KindName.committeeMeeting.rawValue
        case .delegatedDecision: ConflictCheckRequest.KindName.delegatedDecision.rawValue
        case .recruitmentPanel: ConflictCheckRequest.KindName.recruitmentPanel.rawValue
        case .committeeMembership: ConflictCheckRequest.KindName.committeeMembership.rawValue
        }
        title = request.title
        committee = request.matter.committee?.name
        date = report.date.iso
        dateDisplay = report.date.displayLong
        authorityName = context.actor.authority.name
        generatedBy = context.actor.displayName
        var counts = Counts(mustWithdraw: 0, maySpeakNotVote: 0, mustDeclare: 0, clear: 0)
        participants = report.participants.map { row in
            let items = row.items.map { item in
                switch item.outcome {
                case .clear: counts.clear += 1
                case .mustDeclare: counts.mustDeclare += 1
                case .maySpeakNotVote: counts.maySpeakNotVote += 1
                case .mustWithdraw: counts.mustWithdraw += 1
                }
                return Item(itemID: item.itemID, title: item.title, outcome: ConflictCheckService.outcomeName(item.outcome),
                            outcomeLabel: item.outcome.displayName, reasons: item.reasons.map { reason in
                                Reason(outcome: ConflictCheckService.outcomeName(reason.outcome), outcomeLabel: reason.outcome.displayName,
                                       ruleOutcome: ConflictCheckService.outcomeName(reason.ruleOutcome),
                                       declarationID: reason.declarationID.uuidString.lowercased(), declarationLabel: reason.declarationLabel,
                                       explanation: reason.explanation, rules: reason.rules.map(RuleInfo.init),
                                       citations: reason.rules.map(\.citation).joined(separator: "; "), dispensable: reason.dispensable,
                                       dispensationID: reason.dispensationID?.uuidString.lowercased(), notes: reason.notes,
                                       sensitive: reason.sensitive)
                            })
            }
            return Participant(person: row.participant.person.description, name: context.name(row.participant.person),
                               capacity: row.participant.capacity.rawValue, overall: ConflictCheckService.outcomeName(row.overall),
                               overallLabel: row.overall.displayName, items: items, affected: items.filter { $0.outcome != "clear" })
        }
        self.counts = counts
        agenda = request.matter.items.map { item in
            let touches = item.tags.map { tag -> String in
                switch tag {
                case .ward(let id): "ward \(context.wards[id] ?? "?")"
                case .department(let id): context.org.services[id]?.name ?? context.org.directorates[id]?.name ?? "a department"
                case .person(let person): context.name(person)
                default: tag.phrase
                }
            }.sorted()
            return AgendaItem(itemID: item.id, title: item.title, touches: touches, affected: report.affected(item: item.id).map {
                Affected(name: context.name($0.person), outcome: ConflictCheckService.outcomeName($0.outcome), outcomeLabel: $0.outcome.displayName)
            })
        }
    }
}
