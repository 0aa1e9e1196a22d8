/// Serialises write transactions inside one process.
///
/// SQLite allows one writer at a time, and in WAL mode a transaction that read an older snapshot
/// fails when it tries to write after another commit. Every write appends to the hash-chained
/// audit log, which must read the previous entry and insert the next without another writer
/// between. Queueing writers here keeps both correct; on PostgreSQL the chain is also guarded
/// across processes by a transaction-scoped advisory lock (see `AuditLog`).
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
