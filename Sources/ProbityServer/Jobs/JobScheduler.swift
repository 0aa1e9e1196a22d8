import Foundation
import Vapor

/// Runs the jobs every `interval` while the server is up, starting shortly after boot and
/// stopping when the application shuts down.
final class JobScheduler: LifecycleHandler, @unchecked Sendable {
    private let interval: TimeInterval
    private var task: Task<Void, Never>?

    init(interval: TimeInterval) { self.interval = interval }

    func didBootAsync(_ application: Application) async throws {
        let interval = self.interval
        task = Task { [weak application] in
            try? await Task.sleep(for: .seconds(5))
            while !Task.isCancelled, let app = application {
                _ = await app.runJobsOnce()
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        task = nil
    }
}
