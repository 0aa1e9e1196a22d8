import Fluent
import Vapor

/// The directory capability: what pages and the API both call. Reading needs a signed-in user of
/// the authority; changing needs an administrator. Every change is audited in its transaction.
struct DirectoryService {
    let req: Request
    let registry = DirectoryRegistry.standard

    func list(_ kind: DirectoryKind, page: Int, per: Int) async throws -> (items: [DirectoryRecord], total: Int, names: [UUID: String]) {
        let actor = try req.requireActor()
        let resource = registry.resource(kind)
        let result = try await resource.list(req.db, actor.authorityID, page, per)
        let names = try await registry.referenceNames(for: result.items, specs: resource.specs, on: req.db, authority: actor.authorityID)
        return (result.items, result.total, names)
    }

    func find(_ kind: DirectoryKind, id: UUID) async throws -> (record: DirectoryRecord, names: [UUID: String]) {
        let actor = try req.requireActor()
        let resource = registry.resource(kind)
        guard let record = try await resource.find(req.db, actor.authorityID, id) else {
            throw AppError.notFound(kind.singular)
        }
        let names = try await registry.referenceNames(for: [record], specs: resource.specs, on: req.db, authority: actor.authorityID)
        return (record, names)
    }

    /// Options for reference fields of a form: every record of each referenced kind.
    func options(for kind: DirectoryKind) async throws -> [DirectoryKind: [DirectoryRecord]] {
        let actor = try req.requireActor()
        var result: [DirectoryKind: [DirectoryRecord]] = [:]
        for spec in registry.resource(kind).specs {
            guard let target = spec.referencedKind, result[target] == nil else { continue }
            result[target] = try await registry.resource(target).all(req.db, actor.authorityID)
        }
        return result
    }

    func save(_ kind: DirectoryKind, id: UUID?, values: [String: FieldValue]) async throws -> DirectoryRecord {
        let actor = try await req.requireAdministrator("directory.\(kind.rawValue).\(id == nil ? "create" : "update")")
        let resource = registry.resource(kind)
        let registry = self.registry
        let now = req.now
        return try await req.write { db in
            let (record, before) = try await resource.save(db, actor.authorityID, id, values, registry)
            var detail = ["name": record.displayName]
            if let before {
                let changed = resource.specs.map(\.key).filter { before.values[$0] != record.values[$0] }
                detail["changed"] = changed.joined(separator: ",")
            }
            try await AuditLog.append(
                actor.auditEvent("directory.\(kind.rawValue).\(before == nil ? "create" : "update")",
                                 resourceType: kind.rawValue, resourceID: record.id.uuidString, detail: detail),
                on: db, at: now)
            return record
        }
    }

    func delete(_ kind: DirectoryKind, id: UUID) async throws -> DirectoryRecord {
        let actor = try await req.requireAdministrator("directory.\(kind.rawValue).delete")
        let resource = registry.resource(kind)
        let now = req.now
        do {
            return try await req.write { db in
                let record = try await resource.delete(db, actor.authorityID, id)
                try await AuditLog.append(
                    actor.auditEvent("directory.\(kind.rawValue).delete", resourceType: kind.rawValue,
                                     resourceID: id.uuidString, detail: ["name": record.displayName]),
                    on: db, at: now)
                return record
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError(.conflict, detail: "\(kind.singular) cannot be deleted while other records refer to it. Change or remove those first.")
        }
    }

    /// Imports CSV rows: all rows are validated first and nothing is saved unless every row is valid.
    func importCSV(_ kind: DirectoryKind, text: String) async throws -> Int {
        let actor = try await req.requireAdministrator("directory.\(kind.rawValue).import")
        let resource = registry.resource(kind)
        let registry = self.registry
        let rows: [[String: String]]
        do {
            rows = try CSV.parseRecords(text)
        } catch let error as CSV.ParseError {
            throw AppError.validation([FieldError(field: "file", message: error.description)], detail: "The CSV file could not be read.")
        }
        guard !rows.isEmpty else {
            throw AppError.validation([FieldError(field: "file", message: "The CSV file has a header row but no records")])
        }
        let known = Set(resource.specs.map(\.key))
        if let header = rows.first.map({ Array($0.keys) }) {
            let unknown = header.filter { !known.contains($0) }.sorted()
            if !unknown.isEmpty {
                throw AppError.validation([FieldError(field: "file", message: "Unknown column\(unknown.count == 1 ? "" : "s"): \(unknown.joined(separator: ", ")). Columns are: \(resource.specs.map(\.key).joined(separator: ", "))")])
            }
        }
        let now = req.now
        return try await req.write { db in
            var errors: [FieldError] = []
            for (index, row) in rows.enumerated() {
                let line = index + 2
                var text: [String: [String]] = [:]
                for spec in resource.specs {
                    guard let cell = row[spec.key] else { continue }
                    var items = cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    if let target = spec.referencedKind {
                        var resolved: [String] = []
                        for item in items {
                            if UUID(uuidString: item) != nil { resolved.append(item); continue }
                            let ids = try await registry.resource(target).idsNamed(item, db, actor.authorityID)
                            switch ids.count {
                            case 1: resolved.append(ids[0].uuidString)
                            case 0: errors.append(FieldError(field: "file", message: "Row \(line): \(spec.label.lowercased()) '\(item)' is not in the directory"))
                            default: errors.append(FieldError(field: "file", message: "Row \(line): more than one \(target.singular.lowercased()) is called '\(item)'; use its id"))
                            }
                        }
                        items = resolved
                    }
                    text[spec.key] = items
                }
                let parsed = DirectoryInput.parse(text: text, specs: resource.specs, partial: false)
                errors += parsed.errors.map { FieldError(field: "file", message: "Row \(line): \($0.message)") }
                if !parsed.errors.isEmpty || !errors.isEmpty { continue }
                do {
                    _ = try await resource.save(db, actor.authorityID, nil, parsed.values, registry)
                } catch let error as AppError {
                    errors += error.fieldErrors.map { FieldError(field: "file", message: "Row \(line): \($0.message)") }
                }
                if errors.count > 50 { break }
            }
            if !errors.isEmpty {
                throw AppError.validation(errors, detail: "Nothing was imported: fix these rows and try again.")
            }
            try await AuditLog.append(
                actor.auditEvent("directory.\(kind.rawValue).import", resourceType: kind.rawValue, detail: ["rows": String(rows.count)]),
                on: db, at: now)
            return rows.count
        }
    }
}
