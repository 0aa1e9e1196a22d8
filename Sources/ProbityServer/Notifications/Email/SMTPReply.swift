import Foundation

/// One SMTP reply (RFC 5321 4.2): a three-digit code and one or more lines of text.
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// Where in a conversation with the mail server something went wrong.
enum SMTPStage: String, Sendable {
    case connect, greeting, ehlo, startTLS = "starttls", auth, mailFrom = "mail-from", rcptTo = "rcpt-to", data, message, quit
}

enum SMTPError: Error, Sendable, CustomStringConvertible {
    /// The server answered `reply` where something else was expected.
    case reply(SMTPStage, SMTPReply)
    /// The connection could not be made, or was lost.
    case connection(SMTPStage, String)
    /// No reply within the timeout.
    case timeout(SMTPStage)
    /// The server said something that is not SMTP.
    case malformed(String)
    /// Probity's settings cannot work with this server (no STARTTLS offered, no usable AUTH).
    case configuration(String)
    /// The message itself cannot be sent (an address that is not an address).
    case unsendable(String)

    /// A permanent refusal of this message (a 5xx to its recipient or its content), or a message
    /// that can never be sent: retrying will not help. Anything else — the server down, busy,
    /// refusing our credentials or sender — is retried with backoff, since it is about the
    /// server or the settings, not the message.
    var isPermanentForMessage: Bool {
        switch self {
        case .reply(let stage, let reply): (500..<600).contains(reply.code) && [.rcptTo, .data, .message].contains(stage)
        case .unsendable: true
        default: false
        }
    }

    /// The failure happened before any message was offered, so every other message would fail
    /// the same way now: stop this run.
    var affectsEveryMessage: Bool {
        switch self {
        case .reply(let stage, _), .connection(let stage, _), .timeout(let stage):
            [.connect, .greeting, .ehlo, .startTLS, .auth, .mailFrom].contains(stage)
        case .malformed, .configuration: true
        case .unsendable: false
        }
    }

    var description: String {
        switch self {
        case .reply(let stage, let reply): "\(stage.rawValue): the server answered \(reply)"
        case .connection(let stage, let detail): "\(stage.rawValue): \(detail)"
        case .timeout(let stage): "\(stage.rawValue): no reply in time"
        case .malformed(let detail): "the server's reply was not SMTP: \(detail)"
        case .configuration(let detail): detail
        case .unsendable(let detail): detail
        }
    }
}

/// Splits the server's byte stream into replies. Pure, so it is tested without a network.
struct SMTPReplyParser {
    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var code: Int?
    /// A reply line longer than this is not SMTP (RFC 5321 4.5.3.1.5 allows 512 octets).
    static let maxLineLength = 4096

    /// Feeds bytes; returns every reply they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [SMTPReply] {
        pending.append(contentsOf: bytes)
        var replies: [SMTPReply] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let reply = try take(line) { replies.append(reply) }
        }
        if pending.count > Self.maxLineLength { throw SMTPError.malformed("a reply line of more than \(Self.maxLineLength) bytes") }
        return replies
    }

    private mutating func take(_ line: [UInt8]) throws -> SMTPReply? {
        guard line.count >= 3, line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let number = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(number) else {
            throw SMTPError.malformed(String(decoding: line.prefix(80), as: UTF8.self))
        }
        if let code, code != number { throw SMTPError.malformed("a multi-line reply changed its code from \(code) to \(number)") }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError.malformed(String(decoding: line.prefix(80), as: UTF8.self))
        }
        lines.append(line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") {
            code = number
            if lines.count > 100 { throw SMTPError.malformed("a reply of more than 100 lines") }
            return nil
        }
        let reply = SMTPReply(code: number, lines: lines)
        lines = []
        code = nil
        return reply
    }
}
