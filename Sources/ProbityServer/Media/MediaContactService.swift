import Fluent
import Foundation
import ProbityCore
import Vapor

/// Asking Communications to clear contact with the media (TH 15.4), and their decision. A
/// press approach about wards is recorded as a ward matter in the same transaction (LE 35).
enum MediaContactService {
    static let fields = ["direction", "outlet", "subject", "summary", "advertising", "wards"]

    static func input(json object: [String: JSONValue]) throws -> ComplaintInput {
        var errors: [FieldError] = []
        if let value = object["advertising"], value != .null { if case .bool = value {} else { errors.append(FieldError(field: "advertising", message: "advertising must be true or false")) } }
        if let value = object["wards"], value != .null { if case .array = value {} else { errors.append(FieldError(field: "wards", message: "wards must be a list of ward ids")) } }
        for (key, value) in object where key != "wards" { if case .array = value { errors.append(FieldError(field: key, message: "\(key) must be a string")) } }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try ComplaintInput(json: object, allowed: fields)
    }

    static func isOfficer(_ actor: Actor) -> Bool { actor.personKind == .officer && actor.personID != nil }

    /// Whether the actor clears media contact: one of the people the rule routes to, or an administrator.
    static func mayDecide(_ actor: Actor, current: AuthorityProtocol, org: OrgSnapshot) -> Bool {
        if actor.canAdminister { return true }
        guard let person = actor.personID, actor.personKind == .officer else { return false }
        return MediaClearance.clearers(current.profile, org: org).contains(.officer(person))
    }

    static func request(_ input: ComplaintInput, req: Request) async throws -> MediaContact {
        let actor = try req.requireActor()
        guard isOfficer(actor) || actor.canAdminister else {
            throw await req.refusal("media_contact.create", resourceType: "media_contact",
                                    reason: "Members may talk to the media freely (Tower Hamlets protocol 15.5); clearance is for officers (15.4).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        var errors: [FieldError] = []
        let direction = MediaClearance.Direction(rawValue: input.text("direction"))
        if direction == nil { errors.append(FieldError(field: "direction", message: "Choose whether the press approached you or you want to contact them")) }
        let outlet = ComplaintFields.required(input, "outlet", "Enter the newspaper, broadcaster or journalist", max: 200, errors: &errors)
        let subject = ComplaintFields.required(input, "subject", "Enter what it is about", max: 200, errors: &errors)
        let summary = ComplaintFields.required(input, "summary", "Enter what was asked or what you want to say", max: 10_000, errors: &errors)
        let advertising = WardMatterService.flag(input, "advertising")
        let wards = input.list("wards")
        guard errors.isEmpty, let direction else { throw AppError.validation(errors, detail: "Nothing was recorded.") }

        let rule = MediaClearance.clearance(advertising: advertising, profile: current.profile)
        let clearers = rule == nil ? [] : MediaClearance.clearers(current.profile, org: org)
        let now = req.now
        let contact = MediaContact()
        contact.id = UUID()
        contact.authorityID = actor.authorityID
        contact.direction = direction.rawValue
        contact.outlet = outlet
        contact.subject = subject
        contact.summary = summary
        contact.advertising = advertising
        contact.status = (rule == nil ? MediaClearance.Status.notNeeded : .requested).rawValue
        contact.requestedByUserID = actor.userID
        contact.requestedByOfficerID = actor.personKind == .officer ? actor.personID : nil
        contact.requestedByName = actor.displayName
        contact.requestedAt = now
        contact.ruleCitation = rule?.citation ?? current.profile.notifications.mediaClearance.citationText(in: current.profile.document)
        let id = contact.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let message = NotificationCenter.Message(
            category: "media.clearance", subject: "Media clearance asked: \(subject)",
            body: "\(actor.displayName) asks Communications to clear contact with \(outlet) (\(direction == .approach ? "a press approach" : "an approach to the media")): \(summary)",
            link: "/media/\(id.uuidString)", eventKey: "media|\(id.uuidString)")
        let event = actor.auditEvent("media_contact.create", resourceType: "media_contact", resourceID: id.uuidString,
                                     detail: ["status": contact.status, "clearers": String(clearers.count), "wards": String(wards.count)])
        let write: @Sendable (any Database, UUID?) async throws -> Void = { db, wardMatterID in
            contact.wardMatterID = wardMatterID
            try await contact.create(on: db)
            if !clearers.isEmpty { try await center.send(message, to: clearers, on: db, at: now) }
            try await AuditLog.append(event, on: db, at: now)
        }
        if MediaClearance.becomesWardMatter(hasWards: !wards.isEmpty, profile: current.profile) {
            let wardInput = ComplaintInput(values: ["kind": [WardMatterKind.pressApproach.rawValue], "title": ["Press approach: \(subject)"],
                                                    "details": ["\(outlet) approached the council: \(summary)"], "wards": wards])
            _ = try await WardMatterService.record(wardInput, req: req) { db, matterID in try await write(db, matterID) }
        } else {
            // Without wards, or where the protocol does not make press approaches ward matters.
            try await req.write { db in try await write(db, nil) }
        }
        return contact
    }

    static func decide(_ raw: String?, cleared: Bool?, note: String, req: Request) async throws -> MediaContact {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        let contact = try await find(raw, req: req, audit: false)
        guard mayDecide(actor, current: current, org: org) else {
            throw await req.refusal("media_contact.decide", resourceType: "media_contact", resourceID: contact.id?.uuidString,
                                    reason: "Only the Communications service clears contact with the media (\(contact.ruleCitation)).")
        }
        guard let cleared else {
            throw AppError.validation([FieldError(field: "decision", message: "Choose whether to clear the contact")], detail: "Nothing was recorded.")
        }
        guard MediaClearance.mayDecide(MediaClearance.Status(rawValue: contact.status) ?? .notNeeded) else {
            throw AppError(.conflict, detail: "This contact has already been decided, or needed no clearance.")
        }
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 4000 else {
            throw AppError.validation([FieldError(field: "note", message: "Keep this to 4000 characters or fewer")], detail: "Nothing was recorded.")
        }
        let now = req.now
        contact.status = (cleared ? MediaClearance.Status.cleared : .refused).rawValue
        contact.decidedByName = actor.displayName
        contact.decidedAt = now
        contact.decisionNote = trimmed.isEmpty ? nil : trimmed
        let id = contact.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let requester = contact.requestedByOfficerID
        let message = NotificationCenter.Message(
            category: "media.decision", subject: "Media contact \(cleared ? "cleared" : "not cleared"): \(contact.subject)",
            body: "\(actor.displayName) has \(cleared ? "cleared" : "not cleared") your contact with \(contact.outlet).\(trimmed.isEmpty ? "" : " " + trimmed)",
            link: "/media/\(id.uuidString)", eventKey: "media-decision|\(id.uuidString)")
        let event = actor.auditEvent("media_contact.decide", resourceType: "media_contact", resourceID: id.uuidString, detail: ["status": contact.status])
        try await req.write { db in
            try await contact.update(on: db)
            if let requester { try await center.send(message, to: [.officer(requester)], on: db, at: now) }
            try await AuditLog.append(event, on: db, at: now)
        }
        return contact
    }

    /// Officers and administrators see the authority's media contacts; nobody else does.
    static func visible(_ req: Request) throws -> QueryBuilder<MediaContact>? {
        let actor = try req.requireActor()
        guard isOfficer(actor) || actor.canAdminister else { return nil }
        return MediaContact.scoped(to: actor.authorityID, on: req.db)
    }

    static func find(_ raw: String?, req: Request, audit: Bool = true) async throws -> MediaContact {
        let actor = try req.requireActor()
        guard let id = raw.flatMap(UUID.init(uuidString:)), let contact = try await MediaContact.find(id, in: actor.authorityID, on: req.db) else {
            throw AppError.notFound("The media contact")
        }
        guard isOfficer(actor) || actor.canAdminister else {
            throw await req.refusal("media_contact.read", resourceType: "media_contact", resourceID: id.uuidString,
                                    reason: "Media clearance records are for officers.", notFound: true)
        }
        if audit {
            let now = req.now
            let event = actor.auditEvent("media_contact.read", resourceType: "media_contact", resourceID: id.uuidString)
            try await req.write { db in try await AuditLog.append(event, on: db, at: now) }
        }
        return contact
    }
}
