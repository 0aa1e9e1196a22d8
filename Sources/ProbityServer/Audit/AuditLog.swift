import Fluent
import Foundation
import SQLKit

/// What happened, by whom, to what: the particulars of one audit entry before it is chained.
struct AuditEvent: Sendable {
    enum Outcome: String, Sendable { case success, refused, failure }

    var authorityID: UUID?
    var actorUserID: UUID?
    var actorName: String
    var action: String
    var resourceType: String?
    var resourceID: String?
    var outcome: Outcome
    var detail: [String: String]

    init(
        authorityID: UUID?, actorUserID: UUID?, actorName: String, action: String,
        resourceType: String? = nil, resourceID: String? = nil, outcome: Outcome = .success,
        detail: [String: String] = [:]
    ) {
        self.authorityID = authorityID
        self.actorUserID = actorUserID
        self.actorName = actorName
        self.action = action
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.outcome = outcome
        self.detail = detail
    }
}

enum AuditLog {
    /// Appends `event` to the chain inside the caller's transaction (`db` must be the transaction).
    static func append(_ event: AuditEvent, on db: any Database, at now: Date) async throws {
        // Across processes on PostgreSQL: hold a transaction-scoped lock while reading the head and
        // inserting the next entry. Within a process, `WriteGate` already serialises writers.
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7243001)").run()
        }
        let head = try await AuditHead.find(AuditHead.singletonID, on: db)
        let entry = AuditEntry()
        entry.seq = (head?.seq ?? 0) + 1
        entry.atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        entry.authorityID = event.authorityID
        entry.actorUserID = event.actorUserID
        entry.actorName = event.actorName
        entry.action = event.action
        entry.resourceType = event.resourceType
        entry.resourceID = event.resourceID
        entry.outcome = event.outcome.rawValue
        entry.detail = canonicalJSON(event.detail)
        entry.prevHash = head?.hash ?? AuditCanonical.genesisHash
        entry.hash = AuditCanonical(entry).hash
        try await entry.create(on: db)

        if let head {
            head.seq = entry.seq
            head.hash = entry.hash
            try await head.update(on: db)
        } else {
            let newHead = AuditHead()
            newHead.id = AuditHead.singletonID
            newHead.seq = entry.seq
            newHead.hash = entry.hash
            try await newHead.create(on: db)
        }
    }

    static func canonicalJSON(_ detail: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(detail)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Checks the whole chain, reading it in pages of `pageSize` in seq order.
    static func verify(on db: any Database, pageSize: Int = 2000) async throws -> AuditVerification {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        // Detects duplicates and reordering of seq values too: a page is read in seq order and
        // the verifier insists on 1, 2, 3, ….
        pages: while true {
            let page = try await AuditEntry.query(on: db)
                .filter(\.$seq > after)
                .sort(\.$seq, .ascending)
                .limit(pageSize)
                .all()
            if page.isEmpty { break }
            for entry in page where !verifier.feed(entry) { break pages }
            after = page.last!.seq
        }
        let head = try await AuditHead.find(AuditHead.singletonID, on: db)
        verifier.finish(head: head.map { ($0.seq, $0.hash) })
        return verifier.result
    }
}
