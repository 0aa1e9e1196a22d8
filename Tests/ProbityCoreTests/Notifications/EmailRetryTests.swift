import Foundation
import Testing
@testable import ProbityCore

@Suite("E-mail retries")
struct EmailRetryTests {
    @Test("Backoff doubles from a minute and stops growing at four hours")
    func backoff() {
        #expect(EmailRetry.delay(afterAttempts: 1) == 60)
        #expect(EmailRetry.delay(afterAttempts: 2) == 120)
        #expect(EmailRetry.delay(afterAttempts: 5) == 960)
        #expect(EmailRetry.delay(afterAttempts: 9) == 4 * 3600)
        #expect(EmailRetry.delay(afterAttempts: 1000) == 4 * 3600)
    }

    @Test("A permanent failure, or the last attempt, gives up; otherwise retry after the backoff")
    func decisions() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(EmailRetry.afterFailure(attempts: 1, maxAttempts: 10, permanent: true, now: now) == .giveUp)
        #expect(EmailRetry.afterFailure(attempts: 10, maxAttempts: 10, permanent: false, now: now) == .giveUp)
        #expect(EmailRetry.afterFailure(attempts: 3, maxAttempts: 10, permanent: false, now: now) == .retry(at: Date(timeIntervalSince1970: 240)))
    }
}
