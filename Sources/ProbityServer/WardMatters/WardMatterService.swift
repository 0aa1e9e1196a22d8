import Fluent
import Foundation
import ProbityCore
import Vapor

/// Recording ward matters and member meetings, shared by the pages and the API. Each record,
/// its messages and its audit entry are written in one transaction.
enum WardMatterService {
    static let matterFields = ["kind", "title", "details", "wards", "adjoiningWards", "leader", "deputyLeader", "leadMember", "startsOn"]
    static let meetingFields = ["title", "meetsOn", "venue", "councilPremises", "partyPolitical", "officer"]
    static let periodFields = ["startsOn", "endsOn", "note"]
    static let booleans: Set<String> = ["leader", "deputyLeader", "councilPremises", "partyPolitical"]
    static let lists: Set<String> = ["wards", "adjoiningWards"]

    /// JSON types checked before reading: booleans must be booleans and lists lists.
    static func input(json object: [String: JSONValue], allowed: [String]) throws -> ComplaintInput {
        var errors: [FieldError] = []
        for (key, value) in object where allowed.contains(key) {
            if booleans.contains(key), case .bool = value {} else if booleans.contains(key), value != .null {
                errors.append(FieldError(field: key, message: "\(key) must be true or false"))
            }
            if lists.contains(key), case .array = value {} else if lists.contains(key), value != .null {
                errors.append(FieldError(field: key, message: "\(key) must be a list of ward ids"))
            }
            if !booleans.contains(key) && !lists.contains(key), case .array = value {
                errors.append(FieldError(field: key, message: "\(key) must be a string"))
            }
        }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try ComplaintInput(json: object, allowed: allowed)
    }

    static func flag(_ input: ComplaintInput, _ key: String) -> Bool { ["true", "yes", "on"].contains(input.text(key).lowercased()) }

    static func mayRecord(_ actor: Actor) -> Bool { actor.canAdminister || (actor.personKind == .officer && actor.personID != nil) }

    /// Records a ward matter and tells the members the protocol names. `alongside` writes
    /// whatever caused the matter (a press approach, say) in the same transaction.
    static func record(_ input: ComplaintInput, req: Request,
                       alongside: (@Sendable (any Database, UUID) async throws -> Void)? = nil) async throws -> WardMatter {
        let actor = try req.requireActor()
        guard mayRecord(actor) else {
            throw await req.refusal("ward_matter.create", resourceType: "ward_matter", reason: "Only officers record ward matters (Leicestershire protocol 26; Tower Hamlets protocol 11.1).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        let wards = try await Ward.scoped(to: actor.authorityID, on: req.db).all()
        let wardIDs = Set(wards.compactMap(\.id))
        var errors: [FieldError] = []
        let kind = WardMatterKind(rawValue: input.text("kind"))
        if kind == nil { errors.append(FieldError(field: "kind", message: "Choose what kind of matter this is")) }
        let title = ComplaintFields.required(input, "title", "Enter a short title", max: 200, errors: &errors)
        let details = ComplaintFields.required(input, "details", "Enter what members need to know", max: 10_000, errors: &errors)
        func ids(_ key: String) -> Set<UUID> {
            var out: Set<UUID> = []
            for raw in input.list(key) {
                guard let id = UUID(uuidString: raw), wardIDs.contains(id) else {
                    errors.append(FieldError(field: key, message: "Choose wards of this authority"))
                    continue
                }
                out.insert(id)
            }
            return out
        }
        let affected = ids("wards")
        let adjoining = ids("adjoiningWards").subtracting(affected)
        var leadMember: UUID?
        if !input.text("leadMember").isEmpty {
            leadMember = UUID(uuidString: input.text("leadMember"))
            if leadMember == nil { errors.append(FieldError(field: "leadMember", message: "Choose a Cabinet or Lead Member")) }
        }
        var startsOn: CalendarDate?
        if !input.text("startsOn").isEmpty {
            startsOn = CalendarDate(iso: input.text("startsOn"))
            if startsOn == nil { errors.append(FieldError(field: "startsOn", message: "Enter the date as YYYY-MM-DD")) }
        }
        if errors.isEmpty, affected.isEmpty { errors.append(FieldError(field: "wards", message: "Choose at least one affected ward")) }
        guard errors.isEmpty, let kind else { throw AppError.validation(errors, detail: "Nothing was recorded.") }

        let request = WardMatters.Request(kind: kind, wards: affected, adjoiningWards: adjoining, leader: flag(input, "leader"),
                                          deputyLeader: flag(input, "deputyLeader"), leadMemberID: leadMember)
        let plan: WardMatters.Plan
        switch WardMatters.plan(request, profile: current.profile, org: org, wardIDs: wardIDs) {
        case .success(let p): plan = p
        case .failure(.notInForce(let rule)):
            throw AppError.validation([FieldError(field: "kind", message: "\(current.profile.authorityName)'s protocol sets no ward notifications (\(rule.citation))")], detail: "Nothing was recorded.")
        case .failure(.kindNotListed(let k, let rule)):
            throw AppError.validation([FieldError(field: "kind", message: "The protocol's list of matters to tell ward members about does not include \(WardMatters.label(k).lowercased()) (\(rule.citation))")], detail: "Nothing was recorded.")
        case .failure(.invalid(let field, let message)):
            throw AppError.validation([FieldError(field: field, message: message)], detail: "Nothing was recorded.")
        }

        let now = req.now
        let matter = WardMatter()
        matter.id = UUID()
        matter.authorityID = actor.authorityID
        matter.kind = kind.rawValue
        matter.title = title
        matter.details = details
        matter.wardIDs = WardMatter.text(affected)
        matter.adjoiningWardIDs = WardMatter.text(plan.adjoiningIgnored ? [] : adjoining)
        matter.leader = request.leader
        matter.deputyLeader = request.deputyLeader
        matter.leadMemberID = leadMember
        matter.startsOn = startsOn?.iso
        matter.recordedByUserID = actor.userID
        matter.recordedByName = actor.displayName
        matter.recordedAt = now
        matter.ruleCitation = plan.rule.citation
        let id = matter.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let deliverAt = PrivateTime.deliverAfter(now, urgent: plan.urgent, rule: current.profile.notifications.privateTime, calendar: current.calendar)
        let starts = startsOn
        let wardNames = wards.filter { affected.contains($0.id!) }.map(\.name).sorted().joined(separator: ", ")
        let event = actor.auditEvent("ward_matter.create", resourceType: "ward_matter", resourceID: id.uuidString,
                                     detail: ["kind": kind.rawValue, "wards": String(affected.count), "told": String(plan.recipients.count),
                                              "rule": plan.rule.citation])
        try await req.write { db in
            try await matter.create(on: db)
            for recipient in plan.recipients {
                let row = WardMatterRecipient()
                row.authorityID = actor.authorityID
                row.wardMatterID = id
                row.memberID = recipient.memberID
                row.memberName = org.members[recipient.memberID]?.name ?? "Member"
                row.reason = recipient.reason
                row.recordedAt = now
                row.deliveredAt = deliverAt
                try await row.create(on: db)
                var body = "\(WardMatters.label(kind)) affecting \(wardNames): \(details)"
                if let starts { body += "\nStarts on \(starts.iso)." }
                body += "\nYou are told as \(recipient.reason). Recorded by \(actor.displayName)."
                let message = NotificationCenter.Message(
                    category: "ward-matter.\(kind.rawValue)", subject: "Ward matter: \(title)", body: body,
                    link: "/ward-matters/\(id.uuidString)", urgent: plan.urgent, eventKey: "ward-matter|\(id.uuidString)")
                try await center.send(message, to: [.member(recipient.memberID)], on: db, at: now)
            }
            try await AuditLog.append(event, on: db, at: now)
            try await alongside?(db, id)
        }
        return matter
    }

    /// Ward matters the actor may see: officers and administrators see the authority's; a member
    /// sees those they were told of; anyone else none.
    static func visible(_ req: Request) throws -> QueryBuilder<WardMatter>? {
        let actor = try req.requireActor()
        let query = WardMatter.scoped(to: actor.authorityID, on: req.db)
        if mayRecord(actor) { return query }
        guard actor.personKind == .member, let member = actor.personID else { return nil }
        return query.join(WardMatterRecipient.self, on: \WardMatter.$id == \WardMatterRecipient.$wardMatterID)
            .filter(WardMatterRecipient.self, \.$memberID == member)
    }

    /// One ward matter, if the actor may see it; refusals are audited and answered 404.
    static func find(_ raw: String?, req: Request) async throws -> (WardMatter, [WardMatterRecipient]) {
        let actor = try req.requireActor()
        guard let id = raw.flatMap(UUID.init(uuidString:)),
              let matter = try await WardMatter.find(id, in: actor.authorityID, on: req.db) else {
            throw AppError.notFound("The ward matter")
        }
        let recipients = try await WardMatterRecipient.scoped(to: actor.authorityID, on: req.db)
            .filter(\.$wardMatterID == id).sort(\.$memberName).all()
        let told = actor.personKind == .member && recipients.contains { $0.memberID == actor.personID }
        guard mayRecord(actor) || told else {
            throw await req.refusal("ward_matter.read", resourceType: "ward_matter", resourceID: id.uuidString,
                                    reason: "Only officers and the members told of a ward matter can see it.", notFound: true)
        }
        let now = req.now
        let event = actor.auditEvent("ward_matter.read", resourceType: "ward_matter", resourceID: id.uuidString)
        try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        return (matter, recipients)
    }
}
