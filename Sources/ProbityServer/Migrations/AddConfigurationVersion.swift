import Fluent
import SQLKit

/// One counter that every write to an authority's directory or protocol settings bumps, by
/// database triggers, so servers can keep those (read on nearly every request, changed rarely)
/// in memory and still see a change made by any server, command or hand-written SQL on the
/// very next request (`AuthorityCache`).
struct AddConfigurationVersion: AsyncMigration {
    /// The tables `OrgSnapshot` and `AuthorityProtocol` are read from.
    static let watchedTables = ["authorities", "rule_overrides", "closure_days",
                                "officers", "services", "directorates", "members", "party_groups"]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE TABLE configuration_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO configuration_version (id, version) VALUES (1, 1)").run()
        if sql.dialect.name == "postgresql" {
            // The function keeps the schema it was made in, so an update from a session with
            // another search path (an administrator in psql) still finds the counter.
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION probity_bump_configuration_version() RETURNS trigger LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
                BEGIN
                  UPDATE configuration_version SET version = version + 1 WHERE id = 1;
                  RETURN NULL;
                END $$
                """).run()
            for table in Self.watchedTables {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_bump_configuration_version
                    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION probity_bump_configuration_version()
                    """).run()
            }
        } else {
            for table in Self.watchedTables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: table)_\(unsafeRaw: event.lowercased())_bumps_configuration_version
                        AFTER \(unsafeRaw: event) ON \(unsafeRaw: table)
                        BEGIN UPDATE configuration_version SET version = version + 1 WHERE id = 1; END
                        """).run()
                }
            }
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            for table in Self.watchedTables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_bump_configuration_version ON \(unsafeRaw: table)").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS probity_bump_configuration_version()").run()
        } else {
            for table in Self.watchedTables {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_\(unsafeRaw: event)_bumps_configuration_version").run()
                }
            }
        }
        try await sql.raw("DROP TABLE IF EXISTS configuration_version").run()
    }
}
