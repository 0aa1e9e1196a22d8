import Fluent
import Foundation
import ProbityCore
import Vapor

/// Party group briefings (TH 6.2–6.4; LC 6; LE 14; Wigan 8.3–8.4): requested, assigned, offered,
/// held and recorded by the core's `BriefingRequest`; seen per `BriefingPolicy`. Each change is
/// written with its audit entry and messages in one transaction.
struct BriefingService {
    let req: Request
    let ctx: InformationContext

    struct RequestInput: Sendable {
        var topic: String?
        var service: String?
        var nonCouncillors: [String] = []
        var answersOffer = false
    }

    func request(_ input: RequestInput) async throws -> BriefingRecordRow {
        var service: UUID?
        if let raw = input.service, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), ctx.org.services[id] != nil else {
                throw AppError.validation([FieldError(field: "service", message: "Choose a service of this council")])
            }
            service = id
        }
        if input.nonCouncillors.count > 20 {
            throw AppError.validation([FieldError(field: "nonCouncillors", message: "Name 20 people or fewer")])
        }
        if input.nonCouncillors.contains(where: { $0.count > 200 }) {
            throw AppError.validation([FieldError(field: "nonCouncillors", message: "Keep each name to 200 characters or fewer")])
        }
        let id = UUID()
        let now = req.now
        let briefing: BriefingRequest
        do {
            briefing = try BriefingRequest.request(id: id, by: ctx.reader, topic: input.topic ?? "", matterServiceID: service,
                                                   nonCouncillorsAttending: input.nonCouncillors, answersOffer: input.answersOffer,
                                                   at: now, profile: ctx.profile, org: ctx.org)
        } catch {
            throw await error.appError(req, action: "briefing.request", resourceType: "briefing", resourceID: nil)
        }
        let row = BriefingRecordRow()
        row.id = id
        row.authorityID = ctx.authorityID
        row.groupID = briefing.groupID
        row.requestedByMemberID = briefing.requestedByMemberID
        row.requestedAt = now
        try row.store(briefing, at: now)
        let event = ctx.actor.auditEvent("briefing.request", resourceType: "briefing", resourceID: id.uuidString,
                                         detail: ["group": briefing.groupID.uuidString,
                                                  "citations": briefing.history.last?.rules.map(\.citation).joined(separator: "; ") ?? ""])
        let center = NotificationCenter(authorityID: ctx.authorityID, protocol: ctx.current)
        let group = ctx.groupName(briefing.groupID)
        let link = "/briefings/\(id.uuidString.lowercased())"
        try await req.write { db in
            try await AuditLog.append(event, on: db, at: now)
            try await row.create(on: db)
            try await center.send(.init(category: "briefing.requested", subject: "A group asks for an officer briefing",
                                        body: "The \(group) asks for a briefing. Assign the officer.", link: link,
                                        eventKey: "briefing.requested|\(id)"),
                                  to: briefing.gatekeeperIDs.map { .officer($0) }, on: db, at: now)
            if !briefing.agreementGiverIDs.isEmpty {
                try await center.send(.init(category: "briefing.attendance", subject: "Agreement needed: non-councillors at a group briefing",
                                            body: "The \(group) asks for a briefing at which people who are not councillors will be present. Officers attend only with your advance agreement.",
                                            link: link, eventKey: "briefing.attendance|\(id)"),
                                      to: briefing.agreementGiverIDs.map { .officer($0) }, on: db, at: now)
            }
        }
        return row
    }

    // MARK: Reading

    /// Briefings the viewer may see, and offers made to the viewer's group (their neutral view only).
    func list() async throws -> (briefings: [BriefingRequest], offers: [BriefingOfferJSON]) {
        let rows = try await BriefingRecordRow.scoped(to: ctx.authorityID, on: req.db).sort(\.$requestedAt, .descending).all()
        var briefings: [BriefingRequest] = []
        var offers: [BriefingOfferJSON] = []
        let myGroup = ctx.viewer.kind == .member ? ctx.viewer.personID.flatMap { ctx.org.members[$0]?.groupID } : ctx.viewer.groupID
        for row in rows {
            let state = try row.state
            if BriefingPolicy.canView(viewer: ctx.viewer, briefing: state, profile: ctx.profile, org: ctx.org).allowed {
                briefings.append(state)
            } else if let myGroup, let offer = state.offerView(for: myGroup),
                      BriefingPolicy.canViewOffer(viewer: ctx.viewer, briefing: state, toGroupID: myGroup, profile: ctx.profile, org: ctx.org).allowed {
                offers.append(BriefingOfferJSON(briefingId: state.id, group: NamedRef(id: myGroup, name: ctx.groupName(myGroup)), topic: offer.topic,
                                                status: offer.status.rawValue, offeredAt: offer.offeredAt, offeredDisplay: DisplayFormat.dateTime(offer.offeredAt)))
            }
        }
        return (briefings, offers)
    }

    /// The briefing if the viewer may see it; the look is audited, a refusal audited and 403.
    func load(_ id: UUID, action: String = "briefing.view") async throws -> (BriefingRecordRow, BriefingRequest) {
        guard let row = try await BriefingRecordRow.find(id, in: ctx.authorityID, on: req.db) else { throw AppError.notFound("The briefing") }
        let state = try row.state
        let decision = BriefingPolicy.canView(viewer: ctx.viewer, briefing: state, profile: ctx.profile, org: ctx.org)
        guard decision.allowed else {
            throw await req.refusal(action, resourceType: "briefing", resourceID: id.uuidString, reason: decision.explanation)
        }
        let event = ctx.actor.auditEvent(action, resourceType: "briefing", resourceID: id.uuidString)
        let now = req.now
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (row, state)
    }

    func canViewRecord(_ briefing: BriefingRequest) -> Bool {
        BriefingPolicy.canViewRecord(viewer: ctx.viewer, briefing: briefing, profile: ctx.profile, org: ctx.org).allowed
    }

    // MARK: Acting

    /// Applies `action`. Answering an offer needs only sight of the offer; everything else sight of the briefing.
    func act(_ id: UUID, _ action: BriefingAction, name: String) async throws -> BriefingRecordRow {
        guard let row = try await BriefingRecordRow.find(id, in: ctx.authorityID, on: req.db) else { throw AppError.notFound("The briefing") }
        let state = try row.state
        let auditAction = "briefing.\(name)"
        let sight: Decision
        if case .answerOffer(let group, _) = action {
            sight = BriefingPolicy.canViewOffer(viewer: ctx.viewer, briefing: state, toGroupID: group, profile: ctx.profile, org: ctx.org)
        } else {
            sight = BriefingPolicy.canView(viewer: ctx.viewer, briefing: state, profile: ctx.profile, org: ctx.org)
        }
        guard sight.allowed else {
            throw await req.refusal(auditAction, resourceType: "briefing", resourceID: id.uuidString, reason: sight.explanation)
        }
        let now = req.now
        let next: BriefingRequest
        do {
            next = try state.applying(action, by: ctx.viewer, at: now, profile: ctx.profile, org: ctx.org)
        } catch {
            throw await error.appError(req, action: auditAction, resourceType: "briefing", resourceID: id)
        }
        try row.store(next, at: now)
        let newEvents = next.history.dropFirst(state.history.count)
        let audits = newEvents.map { event in
            ctx.actor.auditEvent("briefing.\(event.kind.rawValue)", resourceType: "briefing", resourceID: id.uuidString,
                                 detail: ["citations": event.rules.map(\.citation).joined(separator: "; ")])
        }
        let messages = self.messages(before: state, after: next)
        let center = NotificationCenter(authorityID: ctx.authorityID, protocol: ctx.current)
        try await req.write { db in
            for audit in audits { try await AuditLog.append(audit, on: db, at: now) }
            try await row.update(on: db)
            for (message, people) in messages where !people.isEmpty {
                try await center.send(message, to: people, on: db, at: now)
            }
        }
        return row
    }

    /// Who needs telling of a step: the officer assigned, the group that asked, the groups offered
    /// the briefing (in neutral words only), the gatekeepers.
    private func messages(before: BriefingRequest, after: BriefingRequest) -> [(NotificationCenter.Message, [PersonRef])] {
        let id = after.id
        let link = "/briefings/\(id.uuidString.lowercased())"
        let step = after.history.count
        var out: [(NotificationCenter.Message, [PersonRef])] = []
        let requester = [PersonRef.member(after.requestedByMemberID)]
        if let officer = after.assignedOfficerID, officer != before.assignedOfficerID {
            out.append((.init(category: "briefing.assigned", subject: "You are to brief a political group",
                              body: "Give facts and options only, and leave before party business or any decision.", link: link,
                              eventKey: "briefing.assigned|\(id)|\(step)"), ([officer] + after.accompanyingOfficerIDs).map { .officer($0) }))
            out.append((.init(category: "briefing.assigned", subject: "An officer is assigned to your group's briefing",
                              body: "\(ctx.officerName(officer)) will brief the group.", link: link, eventKey: "briefing.assigned-group|\(id)|\(step)"),
                        requester))
        }
        for offer in after.offers where !before.offers.contains(where: { $0.toGroupID == offer.toGroupID }) {
            let members = ctx.org.members.values.filter { $0.groupID == offer.toGroupID }.map { PersonRef.member($0.id) }
            out.append((.init(category: "briefing.offered", subject: "Your group is offered an officer briefing",
                              body: "Officers offer your group a briefing on: \(offer.topic)", link: "/briefings",
                              eventKey: "briefing.offered|\(id)|\(offer.toGroupID)"), members))
        }
        if after.status != before.status || after.attendanceAgreement != before.attendanceAgreement {
            switch after.status {
            case .recorded where before.status != .recorded:
                out.append((.init(category: "briefing.recorded", subject: "The record of your group's briefing", body: "The officer's record is saved.",
                                  link: link, eventKey: "briefing.recorded|\(id)"), requester))
            case .withdrawn:
                out.append((.init(category: "briefing.withdrawn", subject: "A group briefing request was withdrawn", body: "No briefing is needed.",
                                  link: link, eventKey: "briefing.withdrawn|\(id)"),
                            (after.gatekeeperIDs + Array(after.attendingOfficerIDs)).map { .officer($0) }))
            case .requested where before.status == .assigned:
                out.append((.init(category: "briefing.declined", subject: "An officer declined a group briefing", body: "Assign another officer.",
                                  link: link, eventKey: "briefing.declined|\(id)|\(step)"), after.gatekeeperIDs.map { .officer($0) }))
            default: break
            }
            if let agreement = after.attendanceAgreement, before.attendanceAgreement == nil {
                out.append((.init(category: "briefing.attendance", subject: agreement.agreed ? "Non-councillors may be present" : "Non-councillors may not be present",
                                  body: agreement.note, link: link, eventKey: "briefing.attendance-decided|\(id)"), requester))
            }
        }
        for (index, offer) in after.offers.enumerated() where index < before.offers.count && before.offers[index].status != offer.status {
            out.append((.init(category: "briefing.offer-answered", subject: "An offered group answered", body: "Another group \(offer.status == .accepted ? "accepted" : "declined") the offer of a briefing.",
                              link: link, eventKey: "briefing.offer-answered|\(id)|\(offer.toGroupID)"), after.gatekeeperIDs.map { .officer($0) }))
        }
        return out
    }

    // MARK: Reading actions from forms and JSON

    /// The action named `name` from text values (a form or a JSON body already checked for types).
    func action(_ name: String, text: (String) -> String?, lists: (String) -> [String], options: [BriefingOption]) throws -> BriefingAction {
        func uuid(_ key: String, _ message: String) throws -> UUID {
            guard let raw = text(key), let id = UUID(uuidString: raw) else { throw AppError.validation([FieldError(field: key, message: message)]) }
            return id
        }
        switch name {
        case "assign":
            let officer = try uuid("officer", "Choose the officer to brief the group")
            var accompanying: [UUID] = []
            for raw in lists("accompanying") where !raw.isEmpty {
                guard let id = UUID(uuidString: raw) else { throw AppError.validation([FieldError(field: "accompanying", message: "Choose officers of the council")]) }
                accompanying.append(id)
            }
            let neutral = text("neutralTopic")
            return .assign(officerID: officer, accompanyingOfficerIDs: accompanying, neutralTopic: (neutral?.isEmpty ?? true) ? nil : neutral)
        case "decline": return .decline(reason: text("reason") ?? "")
        case "attendance":
            guard let agreed = text("agreed"), ["true", "false"].contains(agreed) else {
                throw AppError.validation([FieldError(field: "agreed", message: "Say whether you agree")])
            }
            return .decideAttendance(agreed: agreed == "true", note: text("note") ?? "")
        case "offer":
            return .offer(toGroupID: try uuid("group", "Choose the group to offer the briefing to"), neutralTopic: text("neutralTopic") ?? "")
        case "offer-answer":
            guard let accept = text("accept"), ["true", "false"].contains(accept) else {
                throw AppError.validation([FieldError(field: "accept", message: "Say whether your group accepts the offer")])
            }
            let group = ctx.viewer.kind == .member ? ctx.viewer.personID.flatMap { ctx.org.members[$0]?.groupID } : ctx.viewer.groupID
            guard let group else { throw AppError(.forbidden, detail: "Only a councillor of the group offered the briefing can answer the offer.") }
            return .answerOffer(groupID: group, accept: accept == "true")
        case "held":
            return .hold(officerLeftBeforePartyBusiness: text("officerLeftBeforePartyBusiness") == "true")
        case "record":
            return .saveRecord(facts: lists("facts"), options: options)
        case "withdraw": return .withdraw(reason: text("reason") ?? "")
        default: throw AppError.notFound("The action")
        }
    }
}
