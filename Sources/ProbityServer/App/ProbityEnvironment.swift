import Vapor

/// The injectable dependencies of a running Probity: settings, clock, write serialisation, the
/// sign-in rate limiter and the per-authority cache. Reached as `app.probity` / `req.probity`.
public struct ProbityEnvironment: Sendable {
    public var settings: Settings
    public var clock: Clock
    let writeGate: WriteGate
    let signInLimiter: SlidingWindowLimiter
    let authorityCache: AuthorityCache

    init(settings: Settings, clock: Clock) {
        self.settings = settings
        self.clock = clock
        if case .postgres = settings.database { self.writeGate = WriteGate(batchLimit: 1) } else { self.writeGate = WriteGate(batchLimit: 64) }
        self.signInLimiter = SlidingWindowLimiter(limit: settings.signInAttemptsPerMinute, window: 60)
        self.authorityCache = AuthorityCache()
    }
}

extension Application {
    private struct ProbityKey: StorageKey { typealias Value = ProbityEnvironment }

    public var probity: ProbityEnvironment {
        get {
            guard let value = storage[ProbityKey.self] else {
                fatalError("Probity is not configured: call configureProbity(_:settings:clock:) first")
            }
            return value
        }
        set { storage[ProbityKey.self] = newValue }
    }
}

extension Request {
    public var probity: ProbityEnvironment { application.probity }
    var now: Date { application.probity.clock.now }
}
