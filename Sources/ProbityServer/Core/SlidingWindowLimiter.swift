import Foundation

/// Counts events per key in a sliding window; used to rate-limit sign-in attempts per client
/// address. In memory, per process: account lockout (stored in the database) is the control that
/// holds across instances.
actor SlidingWindowLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var events: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt and answers whether it is within the limit.
    func allow(_ key: String, at now: Date) -> Bool {
        let cutoff = now.addingTimeInterval(-window)
        var recent = (events[key] ?? []).filter { $0 > cutoff }
        guard recent.count < limit else {
            events[key] = recent
            return false
        }
        recent.append(now)
        events[key] = recent
        if events.count > 10_000 { events = events.filter { !($0.value.last.map { $0 <= cutoff } ?? true) } }
        return true
    }
}
