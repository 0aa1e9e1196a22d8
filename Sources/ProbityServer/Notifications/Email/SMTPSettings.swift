import Foundation

/// How Probity reaches its mail server: read from `PROBITY_SMTP_*` (see the README). Without
/// `PROBITY_SMTP_HOST` no e-mail is sent and messages wait in the outbox.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Upgrade the connection with STARTTLS before anything else is said (refused if the server
    /// does not offer it). On by default.
    public var startTLS: Bool
    public var username: String?
    public var password: String?
    /// The envelope sender and `From:` address.
    public var from: String
    /// The name given in `EHLO`, and the right-hand side of `Message-ID`s.
    public var heloName: String
    /// A PEM file of certificate authorities to trust for the server's certificate, instead of the system's.
    public var trustRootsFile: String?
    /// Seconds to wait for the connection and for each reply.
    public var timeoutSeconds: Double
    /// Attempts before a message that keeps failing temporarily is marked failed.
    public var maxAttempts: Int
    /// Seconds a worker holds a claimed message before another worker may take it over.
    public var leaseSeconds: Double

    public init(host: String, port: Int = 587, startTLS: Bool = true, username: String? = nil, password: String? = nil,
                from: String, heloName: String = "probity.localhost", trustRootsFile: String? = nil,
                timeoutSeconds: Double = 30, maxAttempts: Int = 10, leaseSeconds: Double = 900) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.from = from
        self.heloName = heloName
        self.trustRootsFile = trustRootsFile
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = maxAttempts
        self.leaseSeconds = leaseSeconds
    }

    /// `PROBITY_SMTP_HOST`, `_PORT` (587), `_STARTTLS` (`true`; `false` for a plain local relay),
    /// `_USERNAME`, `_PASSWORD`, `_FROM`, `_HELO_NAME`, `_CA_FILE`, `_TIMEOUT_SECONDS` (30),
    /// `_MAX_ATTEMPTS` (10). Nil without a host.
    public static func fromEnvironment(_ env: [String: String]) -> SMTPSettings? {
        func value(_ name: String) -> String? { env["PROBITY_SMTP_" + name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let host = value("HOST") else { return nil }
        let helo = value("HELO_NAME") ?? "probity.localhost"
        var settings = SMTPSettings(host: host, from: value("FROM") ?? "probity@\(helo)", heloName: helo)
        if let port = value("PORT").flatMap(Int.init), (1...65535).contains(port) { settings.port = port }
        if let tls = value("STARTTLS")?.lowercased() { settings.startTLS = !["false", "0", "no", "off"].contains(tls) }
        settings.username = value("USERNAME")
        settings.password = env["PROBITY_SMTP_PASSWORD"]
        settings.trustRootsFile = value("CA_FILE")
        if let seconds = value("TIMEOUT_SECONDS").flatMap(Double.init), seconds > 0 { settings.timeoutSeconds = seconds }
        if let attempts = value("MAX_ATTEMPTS").flatMap(Int.init), attempts > 0 { settings.maxAttempts = attempts }
        return settings
    }

    /// Credentials are only ever sent over TLS, or to a relay on this machine.
    var mayAuthenticateInClear: Bool {
        ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
    }
}
