import Crypto
import Foundation

/// The canonical content of an audit entry and its hash. Kept separate from storage so the
/// chain rule is stated once and tested directly.
struct AuditCanonical: Codable, Equatable {
    var seq: Int64
    var atMilliseconds: Int64
    var authorityID: String?
    var actorUserID: String?
    var actorName: String
    var action: String
    var resourceType: String?
    var resourceID: String?
    var outcome: String
    var detail: String
    var prevHash: String

    static let genesisHash = String(repeating: "0", count: 64)

    init(_ e: AuditEntry) {
        seq = e.seq
        atMilliseconds = e.atMilliseconds
        authorityID = e.authorityID?.uuidString.lowercased()
        actorUserID = e.actorUserID?.uuidString.lowercased()
        actorName = e.actorName
        action = e.action
        resourceType = e.resourceType
        resourceID = e.resourceID
        outcome = e.outcome
        detail = e.detail
        prevHash = e.prevHash
    }

    /// SHA-256 over "probity-audit-v1\n" + sorted-key JSON of the content.
    var hash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data()
        var hasher = SHA256()
        hasher.update(data: Data("probity-audit-v1\n".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// The result of checking the whole chain.
public struct AuditVerification: Sendable, Equatable {
    public var checked: Int
    /// The first problem found, naming the entry; nil when the chain is intact.
    public var problem: Problem?

    public struct Problem: Sendable, Equatable {
        public var seq: Int64
        public var message: String
    }

    public var isIntact: Bool { problem == nil }
}

/// Walks entries in `seq` order and reports the first break.
struct AuditChainVerifier {
    private(set) var checked = 0
    private var expectedSeq: Int64 = 1
    private var previousHash = AuditCanonical.genesisHash
    private(set) var problem: AuditVerification.Problem?

    /// Feeds the next entry (in ascending seq order). Returns false once a problem is found.
    mutating func feed(_ entry: AuditEntry) -> Bool {
        guard problem == nil else { return false }
        if entry.seq != expectedSeq {
            if entry.seq > expectedSeq {
                problem = .init(seq: expectedSeq, message: "entry \(expectedSeq) is missing: the log jumps from entry \(expectedSeq - 1) to entry \(entry.seq) (entries were removed)")
            } else {
                problem = .init(seq: entry.seq, message: "entry \(entry.seq) appears out of order after entry \(expectedSeq - 1)")
            }
            return false
        }
        let canonical = AuditCanonical(entry)
        if canonical.hash != entry.hash {
            problem = .init(seq: entry.seq, message: "entry \(entry.seq) does not match its hash: its content was edited")
            return false
        }
        if entry.prevHash != previousHash {
            problem = .init(seq: entry.seq, message: "entry \(entry.seq) does not follow entry \(entry.seq - 1): its previous-hash link is broken (entries were reordered, replaced or removed)")
            return false
        }
        previousHash = entry.hash
        expectedSeq += 1
        checked += 1
        return true
    }

    /// Checks the recorded head against the last entry seen.
    mutating func finish(head: (seq: Int64, hash: String)?) {
        guard problem == nil else { return }
        let lastSeq = expectedSeq - 1
        guard let head else {
            if lastSeq > 0 { problem = .init(seq: lastSeq, message: "the chain head record is missing") }
            return
        }
        if head.seq != lastSeq || head.hash != previousHash {
            if head.seq > lastSeq {
                problem = .init(seq: lastSeq + 1, message: "the chain head records entry \(head.seq) but the log ends at entry \(lastSeq): entries were removed from the end")
            } else {
                problem = .init(seq: head.seq, message: "the chain head (entry \(head.seq)) does not match the log's last entry \(lastSeq)")
            }
        }
    }

    var result: AuditVerification { .init(checked: checked, problem: problem) }
}
