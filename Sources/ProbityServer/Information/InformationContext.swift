import Fluent
import Foundation
import ProbityCore
import Vapor

/// Who is asking and under which rules, for documents, need-to-know requests, party confidences
/// and briefings, loaded once per request.
struct InformationContext: Sendable {
    var actor: Actor
    var viewer: Viewer
    var current: AuthorityProtocol
    var org: OrgSnapshot
    /// The reader with their standing: a member's seats and declared interests; for an assistant,
    /// those of the member they say they act for (TH 12.23).
    var reader: ViewerContext

    var profile: ProtocolProfile { current.profile }
    var authorityID: UUID { actor.authorityID }

    /// `actingFor`: the member an assistant says they act for on this occasion (a form field or
    /// `?actingFor=`). Ignored for everyone else.
    static func load(_ req: Request, actingFor: UUID? = nil) async throws -> InformationContext {
        let actor = try req.requireActor()
        let viewer = try await req.viewer()
        let org = try await req.orgSnapshot()
        let current = try await req.authorityProtocol()
        var reader = ViewerContext.plain(viewer)
        var errors: [FieldError] = []
        var queried: UUID?
        if let raw = APIQuery.value(req, "actingFor", errors: &errors, describe: "a member's id") {
            queried = UUID(uuidString: raw)
            if queried == nil { errors.append(FieldError(field: "actingFor", message: "actingFor must be a member's id")) }
        }
        if !errors.isEmpty { throw AppError(.badRequest, detail: "The query is not valid.", fieldErrors: errors) }
        switch viewer.kind {
        case .member:
            if let id = viewer.personID {
                reader = ViewerContext(viewer: viewer, member: try await standing(of: id, authorityID: actor.authorityID, on: req.db))
            }
        case .assistant:
            let wanted = actingFor ?? queried
            // With a single principal there is nobody else they could mean.
            let principal = wanted ?? (viewer.actsForMemberIDs.count == 1 ? viewer.actsForMemberIDs.first : nil)
            if let principal, org.members[principal] != nil {
                reader = .assistant(viewer, actingFor: try await standing(of: principal, authorityID: actor.authorityID, on: req.db))
            } else {
                reader = .assistant(viewer, actingFor: nil)
            }
        case .officer, .partyWorker, .none:
            break
        }
        return InformationContext(actor: actor, viewer: viewer, current: current, org: org, reader: reader)
    }

    /// A member's seats on the Cabinet, committees and sub-committees (from the directory), with
    /// each scrutiny body's terms of reference as subject tags, and their declared interests.
    static func standing(of memberID: UUID, authorityID: UUID, on db: any Database) async throws -> MemberStanding {
        let seats = try await CommitteeMembership.scoped(to: authorityID, on: db).filter(\.$memberID == memberID).all()
        let ids = seats.compactMap(\.committeeID)
        let committees = ids.isEmpty ? [] : try await Committee.scoped(to: authorityID, on: db).filter(\.$id ~~ ids).all()
        let interests = try await DeclaredInterestRecord.scoped(to: authorityID, on: db).filter(\.$memberID == memberID).all()
        return MemberStanding(
            memberID: memberID,
            committees: committees.map {
                CommitteeSeat(committeeID: $0.id!, kind: CommitteeKind(rawValue: $0.committeeKind) ?? .other,
                              termsOfReference: Set(subjectTags($0.termsOfReference ?? "")))
            },
            declaredInterests: Set(interests.map(\.subject)))
    }

    /// "Housing, Budget 2026; planning" → ["housing", "budget-2026", "planning"].
    static func subjectTags(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { ",;\n".contains($0) }).compactMap { raw -> String? in
            let words = raw.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            let tag = words.joined(separator: "-")
            guard !tag.isEmpty, tag.count <= 60, seen.insert(tag).inserted else { return nil }
            return tag
        }
    }

    /// The councillor whose standing counts, for messages and pages.
    var readerMemberID: UUID? { reader.member?.memberID }

    func memberName(_ id: UUID) -> String { org.members[id]?.name ?? "A member no longer in the directory" }
    func officerName(_ id: UUID) -> String { org.officers[id]?.name ?? "An officer no longer in the directory" }
    func groupName(_ id: UUID) -> String { org.groups[id]?.name ?? "A group no longer in the directory" }
    func serviceName(_ id: UUID) -> String { org.services[id]?.name ?? "A service no longer in the directory" }

    /// Members an assistant may act for, for an "Acting for" choice.
    var principals: [OrgSnapshot.Member] {
        guard viewer.kind == .assistant else { return [] }
        return viewer.actsForMemberIDs.compactMap { org.members[$0] }.filter { $0.groupID == viewer.groupID }.sorted { $0.name < $1.name }
    }

    /// The current need-to-know releases that could count for this reader (member: theirs;
    /// assistant: the principal's), loaded once for a list or a page.
    func grants(on db: any Database, documentIDs: [UUID]? = nil) async throws -> [ReleaseGrant] {
        guard let memberID = readerMemberID else { return [] }
        var query = ReleaseRecord.scoped(to: authorityID, on: db).filter(\.$memberID == memberID)
        if let documentIDs { query = query.filter(\.$documentID ~~ documentIDs) }
        return try await query.all().map(\.grant)
    }
}

extension InformationError {
    /// The error for pages and the API: refusals of who may act are audited 403s; wording and
    /// missing fields are 422s marked on the field; steps out of turn are 409s.
    func appError(_ req: Request, action: String, resourceType: String, resourceID: UUID?) async -> AppError {
        let text = description
        switch code {
        case .notPermitted, .notPrivy, .notReleasable, .personalInterest:
            return await req.refusal(action, resourceType: resourceType, resourceID: resourceID?.uuidString, reason: text)
        case .fishing, .improperPurpose:
            // A refused request is audited, and the member may say it better.
            _ = await req.refusal(action, resourceType: resourceType, resourceID: resourceID?.uuidString, reason: text)
            return AppError.validation([FieldError(field: field ?? "reason", message: text)], detail: "The request was refused as it stands.")
        case .invalidField, .recommendationInRecord, .politicalImplicationsInRecord, .redactionNotProvided, .officerMustLeave:
            return AppError.validation([FieldError(field: field ?? "form", message: text)])
        case .nobodyToRoute:
            return AppError.validation([FieldError(field: field ?? "form", message: text)], detail: text)
        case .procedureNotInForce, .alreadyAvailable, .wrongState, .attendanceNotAgreed, .declineNotProvided, .offerNotProvided:
            return AppError(.conflict, detail: text)
        }
    }
}

extension Request {
    /// An optional UUID query parameter, refused clearly when malformed.
    func uuidQuery(_ name: String) throws -> UUID? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            throw AppError(.badRequest, detail: "\(name) must be an id.", fieldErrors: [FieldError(field: name, message: "\(name) must be an id")])
        }
        return id
    }

    func idParameter(_ name: String, _ what: String) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw AppError.notFound(what) }
        return id
    }
}
