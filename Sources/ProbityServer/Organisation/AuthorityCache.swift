import Fluent
import Foundation
import NIOConcurrencyHelpers
import ProbityCore
import SQLKit

/// Each authority's organisation snapshot, protocol and summary, kept in memory between requests.
///
/// Nearly every request needs both, and building them means reading the whole directory (a
/// large council has thousands of officers) and applying the profile's overrides. They change
/// rarely, and every change to the tables they come from bumps `configuration_version` by a
/// database trigger (`AddConfigurationVersion`), whichever server, command or script made it.
/// So a request reads that one number and reuses the copy built at the same version. A copy
/// is built after its version is read, so it is never older than the version it is kept under.
final class AuthorityCache: Sendable {
    private struct Entry {
        var version: Int64
        var org: OrgSnapshot?
        var current: AuthorityProtocol?
        /// nil: not read yet at this version; `.some(nil)`: read, and there is no such authority.
        var summary: Actor.AuthoritySummary??
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func org(_ authorityID: UUID, on db: any Database) async throws -> OrgSnapshot {
        try await cached(authorityID, at: Self.version(on: db), \.org) { try await OrgSnapshot.load(authorityID: authorityID, on: db) }
    }

    func authorityProtocol(_ authorityID: UUID, on db: any Database) async throws -> AuthorityProtocol {
        try await cached(authorityID, at: Self.version(on: db), \.current) { try await AuthorityProtocol.load(authorityID: authorityID, on: db) }
    }

    /// Both, read at one version: what an enquiry request needs, for one look at the version.
    func protocolAndOrg(_ authorityID: UUID, on db: any Database) async throws -> (AuthorityProtocol, OrgSnapshot) {
        let version = try await Self.version(on: db)
        return (try await cached(authorityID, at: version, \.current) { try await AuthorityProtocol.load(authorityID: authorityID, on: db) },
                try await cached(authorityID, at: version, \.org) { try await OrgSnapshot.load(authorityID: authorityID, on: db) })
    }

    /// The authority's name, slug, profile and region, as every signed-in request's actor carries them.
    func summary(_ authorityID: UUID, on db: any Database) async throws -> Actor.AuthoritySummary? {
        try await cached(authorityID, at: Self.version(on: db), \.summary) {
            guard let authority = try await Authority.find(authorityID, on: db) else { return nil }
            return Actor.AuthoritySummary(id: try authority.requireID(), slug: authority.slug, name: authority.name,
                                          profileID: authority.profileID, region: authority.region)
        }
    }

    /// The copy kept in `slot` at `version`, or a fresh one from `load`, kept. Without a version
    /// to trust nothing is kept.
    private func cached<T>(_ authorityID: UUID, at version: Int64?, _ slot: WritableKeyPath<Entry, T?>,
                           load: () async throws -> T) async throws -> T {
        guard let version else { return try await load() }
        if let hit = entries.withLockedValue({ $0[authorityID] }), hit.version == version, let value = hit[keyPath: slot] { return value }
        let value = try await load()
        keep(authorityID, version) { $0[keyPath: slot] = value }
        return value
    }

    /// Stores a copy built at `version`, unless a newer version's copies are already kept.
    private func keep(_ authorityID: UUID, _ version: Int64, _ update: (inout Entry) -> Void) {
        entries.withLockedValue { entries in
            var entry = entries[authorityID] ?? Entry(version: version)
            if entry.version > version { return }
            if entry.version < version { entry = Entry(version: version) }
            update(&entry)
            entries[authorityID] = entry
        }
    }

    /// The configuration version, or nil where there is none to trust (then nothing is kept).
    static func version(on db: any Database) async throws -> Int64? {
        guard let sql = db as? any SQLDatabase,
              let row = try await sql.raw("SELECT version FROM configuration_version WHERE id = 1").first() else { return nil }
        return try row.decode(column: "version", as: Int64.self)
    }
}
