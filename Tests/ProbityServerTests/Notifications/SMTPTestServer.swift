import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ProbityServer

/// A real SMTP server (aiosmtpd, `scripts/smtp-test-server.py`) on a free loopback port, run as
/// a subprocess. `.ci/run` installs aiosmtpd into `.venv`; elsewhere the tests that need it are
/// skipped with a message saying how to install it.
final class SMTPTestServer: @unchecked Sendable {
    struct Received: Decodable {
        var from: String
        var to: [String]
        var data: String
        var login: String?
        var tls: Bool
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/smtp-test-server.py").path
    static let missing = "needs Python with aiosmtpd: python3 -m venv .venv && .venv/bin/pip install -r scripts/smtp-test-requirements.txt"

    /// A Python that can import aiosmtpd, if there is one.
    static let python: String? = {
        var candidates = [repository.appendingPathComponent(".venv/bin/python").path, "/tmp/smtpvenv/bin/python", "/usr/bin/python3"]
        if let chosen = ProcessInfo.processInfo.environment["PROBITY_TEST_SMTP_PYTHON"] { candidates.insert(chosen, at: 0) }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate)
            probe.arguments = ["-c", "import aiosmtpd"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    /// Run when aiosmtpd is there, and always on CI (where its absence is a failure, not a skip).
    static var enabled: Bool { python != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    let directory: URL
    private(set) var port = 0
    private var process: Process?

    init(_ options: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("probity-smtp-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try start(options)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts the server (on the same port after the first start) and waits until it listens.
    func start(_ options: [String]) throws {
        guard let python = Self.python else { throw Failure(message: Self.missing) }
        let ready = directory.appendingPathComponent("ready")
        try? FileManager.default.removeItem(at: ready)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.script, "--dir", directory.path, "--port", String(port)] + options
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: ready, encoding: .utf8), let number = Int(text) {
                port = number
                return
            }
            guard process.isRunning else { throw Failure(message: "the SMTP test server exited at start (\(process.terminationStatus))") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(message: "the SMTP test server did not start")
    }

    func stop() {
        guard let process else { return }
        if process.isRunning {
            // SIGKILL: the test runner's threads block SIGTERM, and children inherit that mask.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        self.process = nil
    }

    func restart(_ options: [String] = []) throws {
        stop()
        try start(options)
    }

    var isRunning: Bool { process?.isRunning ?? false }

    /// Every message the server has accepted, oldest first.
    func received() throws -> [Received] {
        let folder = directory.appendingPathComponent("messages")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    func settings(username: String? = nil, password: String? = nil, startTLS: Bool = false, host: String = "127.0.0.1",
                  trustRootsFile: String? = nil) -> SMTPSettings {
        SMTPSettings(host: host, port: port, startTLS: startTLS, username: username, password: password,
                     from: "probity@north.test", heloName: "probity.test", trustRootsFile: trustRootsFile, timeoutSeconds: 5, maxAttempts: 3)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
