import Fluent
import Foundation
import ProbityCore
import Vapor

/// Information given to officers in party-political confidence (LE 12–17; TH 6.4(vi), 12.19–12.20;
/// LC 6): recorded, shared only where necessary, referred where it appears unlawful. Who may read
/// it: `PartyConfidencePolicy`.
struct ConfidenceService {
    let req: Request
    let ctx: InformationContext

    struct JSON: Encodable, Sendable {
        struct Share: Encodable, Sendable {
            var to: NamedRef
            var by: String
            var necessity: String
            var necessityDisplay: String
            var explanation: String
            var at: Date
            var confidenceConfirmed: Bool
        }
        struct Referral: Encodable, Sendable {
            var concern: String
            var concernDisplay: String
            var explanation: String
            var by: String
            var to: [NamedRef]
            var at: Date
            var citation: String
        }
        var id: UUID
        var group: NamedRef
        var givenBy: NamedRef
        var receivedBy: NamedRef
        var receivedAt: Date
        var receivedDisplay: String
        var setting: String
        var summary: String
        var shares: [Share]
        var referrals: [Referral]
        var waived: Bool
        var citation: String

        init(_ r: PartyConfidenceRecord, ctx: InformationContext) {
            id = r.id
            group = NamedRef(id: r.groupID, name: ctx.groupName(r.groupID))
            givenBy = NamedRef(id: r.givenByMemberID, name: ctx.memberName(r.givenByMemberID))
            receivedBy = NamedRef(id: r.receivedByOfficerID, name: ctx.officerName(r.receivedByOfficerID))
            receivedAt = r.receivedAt
            receivedDisplay = DisplayFormat.dateTime(r.receivedAt)
            setting = r.setting.rawValue
            summary = r.summary
            shares = r.shares.map {
                Share(to: NamedRef(id: $0.toOfficerID, name: ctx.officerName($0.toOfficerID)), by: ctx.officerName($0.byOfficerID),
                      necessity: $0.necessity.rawValue, necessityDisplay: $0.necessity.displayName, explanation: $0.explanation, at: $0.at,
                      confidenceConfirmed: $0.confidenceConfirmed)
            }
            referrals = r.referrals.map {
                Referral(concern: $0.concern.rawValue, concernDisplay: $0.concern.displayName, explanation: $0.explanation,
                         by: ctx.officerName($0.byOfficerID), to: $0.toOfficerIDs.map { NamedRef(id: $0, name: ctx.officerName($0)) },
                         at: $0.at, citation: $0.rule.citation)
            }
            waived = r.isWaived
            citation = r.rule.citation
        }
    }

    func record(member: String?, setting: String?, summary: String?, service: String?) async throws -> ConfidenceRecord {
        var errors: [FieldError] = []
        let settingValue = ConfidenceSetting(rawValue: setting ?? "")
        if settingValue == nil { errors.append(FieldError(field: "setting", message: "Choose where you were told it")) }
        let memberID = member.flatMap(UUID.init(uuidString:))
        if memberID == nil { errors.append(FieldError(field: "member", message: "Choose the councillor who gave the information in confidence")) }
        var serviceID: UUID?
        if let raw = service, !raw.isEmpty {
            if let id = UUID(uuidString: raw), ctx.org.services[id] != nil { serviceID = id }
            else { errors.append(FieldError(field: "service", message: "Choose a service of this council")) }
        }
        guard errors.isEmpty, let settingValue, let memberID else { throw AppError.validation(errors) }
        let id = UUID()
        let now = req.now
        let state: PartyConfidenceRecord
        do {
            state = try PartyConfidenceRecord.record(id: id, by: ctx.viewer, givenByMemberID: memberID, setting: settingValue, summary: summary ?? "",
                                                     matterServiceID: serviceID, at: now, profile: ctx.profile, org: ctx.org)
        } catch {
            throw await error.appError(req, action: "confidence.record", resourceType: "party-confidence", resourceID: nil)
        }
        let row = ConfidenceRecord()
        row.id = id
        row.authorityID = ctx.authorityID
        row.groupID = state.groupID
        row.givenByMemberID = state.givenByMemberID
        row.receivedByOfficerID = state.receivedByOfficerID
        row.receivedAt = now
        try row.store(state, at: now)
        let event = ctx.actor.auditEvent("confidence.record", resourceType: "party-confidence", resourceID: id.uuidString,
                                         detail: ["group": state.groupID.uuidString, "citation": state.rule.citation])
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            try await row.create(on: db)
        }
        return row
    }

    func list() async throws -> [PartyConfidenceRecord] {
        guard ctx.viewer.kind == .officer || ctx.viewer.kind == .member else { return [] }
        return try await ConfidenceRecord.scoped(to: ctx.authorityID, on: req.db).sort(\.$receivedAt, .descending).all()
            .map { try $0.state }
            .filter { PartyConfidencePolicy.canRead(viewer: ctx.viewer, record: $0, profile: ctx.profile, org: ctx.org).allowed }
    }

    func load(_ id: UUID, action: String = "confidence.view", auditRead: Bool = true) async throws -> (ConfidenceRecord, PartyConfidenceRecord) {
        guard let row = try await ConfidenceRecord.find(id, in: ctx.authorityID, on: req.db) else { throw AppError.notFound("The record") }
        let state = try row.state
        let decision = PartyConfidencePolicy.canRead(viewer: ctx.viewer, record: state, profile: ctx.profile, org: ctx.org)
        guard decision.allowed else {
            throw await req.refusal(action, resourceType: "party-confidence", resourceID: id.uuidString, reason: decision.explanation)
        }
        guard auditRead else { return (row, state) }
        let event = ctx.actor.auditEvent(action, resourceType: "party-confidence", resourceID: id.uuidString)
        let now = req.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (row, state)
    }

    /// `share`, `refer` or `waive`, with the form's or body's text values.
    func act(_ id: UUID, _ name: String, text: (String) -> String?) async throws -> ConfidenceRecord {
        let (row, state) = try await load(id, action: "confidence.\(name)", auditRead: false)
        let now = req.now
        let next: PartyConfidenceRecord
        var tell: (NotificationCenter.Message, [PersonRef])?
        do {
            switch name {
            case "share":
                guard let officer = text("officer").flatMap(UUID.init(uuidString:)) else {
                    throw AppError.validation([FieldError(field: "officer", message: "Choose the officer who needs to know")])
                }
                guard let necessity = SharingNecessity(rawValue: text("necessity") ?? "") else {
                    throw AppError.validation([FieldError(field: "necessity", message: "Choose why it is necessary to share it")])
                }
                next = try state.sharing(with: officer, necessity: necessity, explanation: text("explanation") ?? "", by: ctx.viewer, at: now,
                                         profile: ctx.profile, org: ctx.org)
                tell = (.init(category: "confidence.shared", subject: "Information shared with you in party-political confidence",
                              body: "A colleague shared information given in party-political confidence, for \(necessity.displayName). The confidence binds you too.",
                              link: "/confidences/\(id.uuidString.lowercased())", eventKey: "confidence.shared|\(id)|\(officer)"), [.officer(officer)])
            case "refer":
                guard let concern = ConfidenceConcern(rawValue: text("concern") ?? "") else {
                    throw AppError.validation([FieldError(field: "concern", message: "Choose what appears to be wrong")])
                }
                next = try state.referring(concern, explanation: text("explanation") ?? "", by: ctx.viewer, at: now, profile: ctx.profile, org: ctx.org)
                let recipients = next.referrals.last?.toOfficerIDs ?? []
                tell = (.init(category: "confidence.referred", subject: "Referred to you: a party-political confidence that \(concern.displayName)",
                              body: "An officer refers information given in party-political confidence because it \(concern.displayName).",
                              link: "/confidences/\(id.uuidString.lowercased())", urgent: true, eventKey: "confidence.referred|\(id)|\(next.referrals.count)"),
                        recipients.map { .officer($0) })
            case "waive":
                guard ctx.viewer.kind == .member, let me = ctx.viewer.personID else {
                    throw await req.refusal("confidence.waive", resourceType: "party-confidence", resourceID: id.uuidString,
                                            reason: "Only the councillor who gave it, or their group leader, can agree to it being shared.")
                }
                next = try state.waiving(by: me, note: text("note") ?? "", at: now, profile: ctx.profile, org: ctx.org)
            default:
                throw AppError.notFound("The action")
            }
        } catch let error as InformationError {
            throw await error.appError(req, action: "confidence.\(name)", resourceType: "party-confidence", resourceID: id)
        }
        try row.store(next, at: now)
        var detail: [String: String] = ["citation": state.rule.citation]
        if name == "refer", let referral = next.referrals.last {
            detail["concern"] = referral.concern.rawValue
            detail["to"] = referral.toOfficerIDs.map(\.uuidString).joined(separator: ",")
        }
        if name == "share", let share = next.shares.last {
            detail["to"] = share.toOfficerID.uuidString
            detail["necessity"] = share.necessity.rawValue
        }
        let event = ctx.actor.auditEvent("confidence.\(name)", resourceType: "party-confidence", resourceID: id.uuidString, detail: detail)
        let center = NotificationCenter(authorityID: ctx.authorityID, protocol: ctx.current)
        let message = tell
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            try await row.update(on: db)
            if let message { try await center.send(message.0, to: message.1, on: db, at: now) }
        }
        return row
    }
}
