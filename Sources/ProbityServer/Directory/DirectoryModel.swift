import Fluent
import Foundation

/// A Fluent model that is a kind of directory record. Its `fields` drive every page, API
/// operation, CSV import and OpenAPI schema for the kind.
protocol DirectoryModel: AuthorityScoped {
    static var kind: DirectoryKind { get }
    static var fields: [BoundField<Self>] { get }
    /// Column the list is sorted by and CSV references are matched against.
    static var nameKey: FieldKey { get }
    /// Whether two records of one authority may share a name.
    static var uniqueName: Bool { get }
    var displayName: String { get }
    init()
    /// Checks that span fields or records (e.g. an assistant acts only for members of their group).
    func crossCheck(on db: any Database) async throws -> [FieldError]
}

extension DirectoryModel {
    static var nameKey: FieldKey { "name" }
    static var uniqueName: Bool { false }
    func crossCheck(on db: any Database) async throws -> [FieldError] { [] }
}

/// Builders that bind a field spec to a model property.
enum Bind {
    // Required fields bind to their Fluent property rather than the wrapped value: assigning a
    // wrapped value through a key path reads it first, which traps on a new, unset record.
    static func text<M: Model>(_ spec: FieldSpec, _ kp: KeyPath<M, FieldProperty<M, String>> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .text($0[keyPath: kp].value) }, set: { m, v in
            if case .text(let s) = v { m[keyPath: kp].value = s ?? "" }
        })
    }

    static func optionalText<M>(_ spec: FieldSpec, _ kp: ReferenceWritableKeyPath<M, String?> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .text($0[keyPath: kp]) }, set: { m, v in
            if case .text(let s) = v { m[keyPath: kp] = s }
        })
    }

    static func flag<M: Model>(_ spec: FieldSpec, _ kp: KeyPath<M, FieldProperty<M, Bool>> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .flag($0[keyPath: kp].value ?? false) }, set: { m, v in
            if case .flag(let b) = v { m[keyPath: kp].value = b }
        })
    }

    static func texts<M: Model>(_ spec: FieldSpec, _ kp: KeyPath<M, FieldProperty<M, [String]>> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .texts($0[keyPath: kp].value ?? []) }, set: { m, v in
            if case .texts(let list) = v { m[keyPath: kp].value = list }
        })
    }

    static func reference<M>(_ spec: FieldSpec, _ kp: ReferenceWritableKeyPath<M, UUID?> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .reference($0[keyPath: kp]) }, set: { m, v in
            if case .reference(let id) = v { m[keyPath: kp] = id }
        })
    }

    static func references<M: Model>(_ spec: FieldSpec, _ kp: KeyPath<M, FieldProperty<M, [UUID]>> & Sendable) -> BoundField<M> {
        BoundField(spec: spec, get: { .references($0[keyPath: kp].value ?? []) }, set: { m, v in
            if case .references(let ids) = v { m[keyPath: kp].value = ids }
        })
    }
}
