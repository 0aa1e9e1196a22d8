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
        var summary: Actor.AuthoritySummary?
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

    /// Both, read at one version: what an enquiry request needs, for one look at the version.
    func protocolAndOrg(_ authorityID: UUID, on db: any Database) async throws -> (AuthorityProtocol, OrgSnapshot) {
        guard let version = try await Self.version(on: db) else {
            return (try await AuthorityProtocol.load(authorityID: authorityID, on: db), try await OrgSnapshot.load(authorityID: authorityID, on: db))
        }
        let hit = entries.withLockedValue { $0[authorityID] }.flatMap { $0.version == version ? $0 : nil }
        let current: AuthorityProtocol
        if let cached = hit?.current { current = cached } else {
            current = try await AuthorityProtocol.load(authorityID: authorityID, on: db)
            keep(authorityID, version) { $0.current = current }
        }
        let org: OrgSnapshot
        if let cached = hit?.org { org = cached } else {
            org = try await OrgSnapshot.load(authorityID: authorityID, on: db)
            keep(authorityID, version) { $0.org = org }
        }
        return (current, org)
    }

    /// The authority's name, slug, profile and region, as every signed-in request's actor carries them.
    func summary(_ authorityID: UUID, on db: any Database) async throws -> Actor.AuthoritySummary? {
        let version = try await Self.version(on: db)
        if let version, let hit = entries.withLockedValue({ $0[authorityID] }), hit.version == version, let summary = hit.summary { return summary }
        guard let authority = try await Authority.find(authorityID, on: db) else { return nil }
        let summary = Actor.AuthoritySummary(id: try authority.requireID(), slug: authority.slug, name: authority.name,
                                             profileID: authority.profileID, region: authority.region)
        if let version { keep(authorityID, version) { $0.summary = summary } }
        return summary
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
