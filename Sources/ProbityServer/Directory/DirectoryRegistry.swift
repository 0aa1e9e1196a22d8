import Fluent
import Foundation

/// A directory kind with its store, type-erased so routes, pages, the API, CSV import and the
/// OpenAPI document can treat every kind alike.
struct DirectoryResource: Sendable {
    let kind: DirectoryKind
    let specs: [FieldSpec]
    let list: @Sendable (any Database, UUID, Int, Int) async throws -> (items: [DirectoryRecord], total: Int)
    let all: @Sendable (any Database, UUID) async throws -> [DirectoryRecord]
    let find: @Sendable (any Database, UUID, UUID) async throws -> DirectoryRecord?
    let names: @Sendable (any Database, UUID, [UUID]) async throws -> [UUID: String]
    let idsNamed: @Sendable (String, any Database, UUID) async throws -> [UUID]
    let save: @Sendable (any Database, UUID, UUID?, [String: FieldValue], DirectoryRegistry) async throws -> (record: DirectoryRecord, before: DirectoryRecord?)
    let delete: @Sendable (any Database, UUID, UUID) async throws -> DirectoryRecord

    init<M: DirectoryModel>(_ type: M.Type) {
        let store = DirectoryStore<M>()
        kind = M.kind
        specs = store.specs
        list = { try await store.list(on: $0, authority: $1, page: $2, per: $3) }
        all = { try await store.all(on: $0, authority: $1) }
        find = { try await store.find(on: $0, authority: $1, id: $2) }
        names = { try await store.names(on: $0, authority: $1, ids: $2) }
        idsNamed = { try await store.ids(named: $0, on: $1, authority: $2) }
        save = { try await store.save(on: $0, authority: $1, id: $2, values: $3, registry: $4) }
        delete = { try await store.delete(on: $0, authority: $1, id: $2) }
    }
}

struct DirectoryRegistry: Sendable {
    private let resources: [DirectoryKind: DirectoryResource]

    static let standard = DirectoryRegistry(resources: [
        DirectoryResource(Ward.self), DirectoryResource(PartyGroup.self), DirectoryResource(Member.self),
        DirectoryResource(Committee.self), DirectoryResource(CommitteeMembership.self),
        DirectoryResource(Directorate.self), DirectoryResource(Service.self), DirectoryResource(Officer.self),
        DirectoryResource(GroupAssistant.self), DirectoryResource(PartyWorker.self),
    ])

    init(resources: [DirectoryResource]) {
        self.resources = Dictionary(uniqueKeysWithValues: resources.map { ($0.kind, $0) })
    }

    func resource(_ kind: DirectoryKind) -> DirectoryResource {
        guard let resource = resources[kind] else { preconditionFailure("every DirectoryKind is registered") }
        return resource
    }

    /// Display names for every reference in `records`, keyed by id, for list and detail pages.
    func referenceNames(for records: [DirectoryRecord], specs: [FieldSpec], on db: any Database, authority: UUID) async throws -> [UUID: String] {
        var wanted: [DirectoryKind: Set<UUID>] = [:]
        for spec in specs {
            guard let target = spec.referencedKind else { continue }
            for record in records {
                switch record.values[spec.key] {
                case .reference(let id?): wanted[target, default: []].insert(id)
                case .references(let ids): wanted[target, default: []].formUnion(ids)
                default: break
                }
            }
        }
        var names: [UUID: String] = [:]
        for (kind, ids) in wanted {
            names.merge(try await resource(kind).names(db, authority, Array(ids)), uniquingKeysWith: { a, _ in a })
        }
        return names
    }
}
