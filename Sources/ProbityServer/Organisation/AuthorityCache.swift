import Fluent
import Foundation
import NIOConcurrencyHelpers
import ProbityCore
import SQLKit

/// Each authority's organisation snapshot and protocol, kept in memory between requests.
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
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func org(_ authorityID: UUID, on db: any Database) async throws -> OrgSnapshot {
        guard let version = try await Self.version(on: db) else { return try await OrgSnapshot.load(authorityID: authorityID, on: db) }
        if let hit = entries.withLockedValue({ $0[authorityID] }), hit.version == version, let org = hit.org { return org }
        let org = try await OrgSnapshot.load(authorityID: authorityID, on: db)
        keep(authorityID, version) { $0.org = org }
        return org
    }

    func authorityProtocol(_ authorityID: UUID, on db: any Database) async throws -> AuthorityProtocol {
        guard let version = try await Self.version(on: db) else { return try await AuthorityProtocol.load(authorityID: authorityID, on: db) }
        if let hit = entries.withLockedValue({ $0[authorityID] }), hit.version == version, let current = hit.current { return current }
        let current = try await AuthorityProtocol.load(authorityID: authorityID, on: db)
        keep(authorityID, version) { $0.current = current }
        return current
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
