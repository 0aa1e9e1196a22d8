import Foundation

/// When to try an e-mail again after a temporary failure: exponential backoff from one minute,
/// doubling to at most four hours, so ten attempts span about eight hours of a mail server's
/// outage before the message is marked failed (it stays in the recipient's Probity inbox).
public enum EmailRetry {
    public static let firstDelay: TimeInterval = 60
    public static let longestDelay: TimeInterval = 4 * 3600

    /// The delay before attempt `attempts + 1`, after `attempts` failed ones (at least 1).
    public static func delay(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = max(0, min(attempts - 1, 30))
        return min(firstDelay * pow(2, Double(exponent)), longestDelay)
    }

    public enum Decision: Equatable, Sendable {
        case retry(at: Date)
        case giveUp
    }

    /// After a failure: a permanent one, or the last allowed attempt, gives up; otherwise retry later.
    public static func afterFailure(attempts: Int, maxAttempts: Int, permanent: Bool, now: Date) -> Decision {
        if permanent || attempts >= maxAttempts { return .giveUp }
        return .retry(at: now.addingTimeInterval(delay(afterAttempts: attempts)))
    }
}
