import Fluent
import Foundation

/// A directory record as capabilities and pages see it, whatever its model.
struct DirectoryRecord: Sendable {
    var kind: DirectoryKind
    var id: UUID
    var displayName: String
    var values: [String: FieldValue]
}

/// Reads and writes one kind of directory record, always inside one authority.
/// Writes validate every field, references (which must be records of the same authority),
/// unique names and cross-field rules, and report every problem at once.
struct DirectoryStore<M: DirectoryModel>: Sendable {
    var specs: [FieldSpec] { M.fields.map(\.spec) }

    func record(_ model: M) -> DirectoryRecord {
        var values: [String: FieldValue] = [:]
        for field in M.fields { values[field.spec.key] = field.get(model) }
        return DirectoryRecord(kind: M.kind, id: model.id ?? UUID(), displayName: model.displayName, values: values)
    }

    func list(on db: any Database, authority: UUID, page: Int, per: Int) async throws -> (items: [DirectoryRecord], total: Int) {
        let query = M.scoped(to: authority, on: db)
        let total = try await query.count()
        let models = try await M.scoped(to: authority, on: db)
            .sort(M.nameKey, .ascending)
            .sort(\._$id, .ascending)
            .range(lower: (page - 1) * per, upper: page * per)
            .all()
        return (models.map(record), total)
    }

    func all(on db: any Database, authority: UUID) async throws -> [DirectoryRecord] {
        try await M.scoped(to: authority, on: db).sort(M.nameKey, .ascending).all().map(record)
    }

    func find(on db: any Database, authority: UUID, id: UUID) async throws -> DirectoryRecord? {
        try await M.find(id, in: authority, on: db).map(record)
    }

    /// id → display name for the given ids that exist in the authority.
    func names(on db: any Database, authority: UUID, ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let models = try await M.scoped(to: authority, on: db).filter(\._$id ~~ ids).all()
        return Dictionary(models.compactMap { m in m.id.map { ($0, m.displayName) } }, uniquingKeysWith: { a, _ in a })
    }

    /// ids of records whose name is `name` (case-insensitive), for CSV references by name.
    func ids(named name: String, on db: any Database, authority: UUID) async throws -> [UUID] {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return try await M.scoped(to: authority, on: db).all()
            .filter { $0.displayName.lowercased() == wanted }
            .compactMap(\.id)
    }

    /// Creates (id nil) or updates a record from already-parsed values. Throws `AppError`
    /// (validation, not found) and leaves nothing written when it does.
    func save(on db: any Database, authority: UUID, id: UUID?, values: [String: FieldValue],
              registry: DirectoryRegistry) async throws -> (record: DirectoryRecord, before: DirectoryRecord?) {
        let model: M
        var before: DirectoryRecord?
        if let id {
            guard let existing = try await M.find(id, in: authority, on: db) else {
                throw AppError.notFound(M.kind.singular)
            }
            model = existing
            before = record(existing)
        } else {
            model = M()
            model.authorityID = authority
        }

        var errors: [FieldError] = []
        // References must name records of this authority (tenancy), and of the right kind.
        for spec in specs {
            guard let target = spec.referencedKind, let value = values[spec.key] else { continue }
            let ids: [UUID]
            switch value {
            case .reference(let id?): ids = [id]
            case .references(let list): ids = list
            default: ids = []
            }
            guard !ids.isEmpty else { continue }
            let found = try await registry.resource(target).names(db, authority, ids)
            if found.count != Set(ids).count {
                errors.append(FieldError(field: spec.key, message: "Choose \(spec.label.lowercased()) from this authority's \(target.plural.lowercased())"))
            }
        }
        if !errors.isEmpty { throw AppError.validation(errors) }

        for field in M.fields {
            if let value = values[field.spec.key] { field.set(model, value) }
        }
        if M.uniqueName {
            var clash = M.scoped(to: authority, on: db)
            if let id = model.id { clash = clash.filter(\._$id != id) }
            let others = try await clash.all()
            if others.contains(where: { $0.displayName.lowercased() == model.displayName.lowercased() }) {
                throw AppError.validation([FieldError(field: "name", message: "\(M.kind.singular) '\(model.displayName)' already exists")])
            }
        }
        let crossErrors = try await model.crossCheck(on: db)
        if !crossErrors.isEmpty { throw AppError.validation(crossErrors) }
        try await model.save(on: db)
        return (record(model), before)
    }

    func delete(on db: any Database, authority: UUID, id: UUID) async throws -> DirectoryRecord {
        guard let model = try await M.find(id, in: authority, on: db) else { throw AppError.notFound(M.kind.singular) }
        let snapshot = record(model)
        try await model.delete(on: db)
        return snapshot
    }
}
