import Fluent
import Foundation
import ProbityCore
import Vapor

/// Reading declarations and dispensations. Every query is narrowed to one authority first.
enum DeclarationStore {
    /// The entry with `id` in this authority; another authority's entry, or none, is 404.
    static func find(_ rawID: String?, authorityID: UUID, on db: any Database) async throws -> DeclarationRecord {
        guard let id = rawID.flatMap(UUID.init(uuidString:)),
              let record = try await DeclarationRecord.find(id, in: authorityID, on: db) else {
            throw AppError.notFound("The declaration")
        }
        return record
    }

    /// Every entry of the authority that has not been withdrawn, oldest first.
    static func active(authorityID: UUID, on db: any Database) async throws -> [DeclarationRecord] {
        try await DeclarationRecord.scoped(to: authorityID, on: db).filter(\.$withdrawnAt == nil)
            .sort(\.$registeredOn).sort(\.$createdAt).all()
    }

    /// The entries made by, or naming, any of `people` that have not been withdrawn: what a
    /// conflict check of those people reads.
    static func of(_ people: [PersonRef], authorityID: UUID, on db: any Database) async throws -> [Declaration] {
        let ids = Array(Set(people.map(\.id)))
        guard !ids.isEmpty else { return [] }
        let records = try await DeclarationRecord.scoped(to: authorityID, on: db).filter(\.$withdrawnAt == nil)
            .group(.or) { $0.filter(\.$declarantID ~~ ids).filter(\.$counterpartID ~~ ids) }
            .sort(\.$registeredOn).sort(\.$createdAt).all()
        return try records.map { try $0.declaration() }
    }

    /// The entries `person` made, withdrawn ones included, newest first.
    static func made(by person: PersonRef, authorityID: UUID, on db: any Database) async throws -> [DeclarationRecord] {
        let (kind, id) = NotificationCenter.split(person)
        return try await DeclarationRecord.scoped(to: authorityID, on: db)
            .filter(\.$declarantKind == kind).filter(\.$declarantID == id)
            .sort(\.$createdAt, .descending).all()
    }

    /// Relationships and links to candidates made by others that the protocol sends to `viewer`.
    static func declaredTo(_ context: RegisterContext, on db: any Database) async throws -> [DeclarationRecord] {
        guard let person = context.person else { return [] }
        let records = try await DeclarationRecord.scoped(to: context.actor.authorityID, on: db).filter(\.$withdrawnAt == nil)
            .filter(\.$kind ~~ [DeclarationKindName.closeRelationship.rawValue, DeclarationKindName.recruitment.rawValue])
            .sort(\.$createdAt, .descending).all()
        return try records.filter { record in
            guard record.declarant != person else { return false }
            let declaration = try record.declaration()
            let route = DeclarationRouting.route(declaration, profile: context.profile, org: context.org)
            return route.recipients.contains(person)
                || (declaration.kind.recruitmentLink != nil && RegisterPolicy.canRecordDetermination(
                    on: declaration, viewer: context.viewer, profile: context.profile, org: context.org).allowed)
        }
    }

    static func dispensations(authorityID: UUID, on db: any Database) async throws -> [DispensationRecord] {
        try await DispensationRecord.scoped(to: authorityID, on: db).sort(\.$grantedOn, .descending).sort(\.$createdAt, .descending).all()
    }
}
