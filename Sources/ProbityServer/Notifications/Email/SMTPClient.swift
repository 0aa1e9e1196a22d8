import Foundation
import NIOCore
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS (RFC 3207), AUTH PLAIN or LOGIN
/// (RFC 4954), MAIL FROM, RCPT TO, DATA, QUIT, with a timeout on the connection and on every
/// reply. One message per connection. `send` returns only after the server's 250 to the end of
/// the data, which is when the message becomes the server's responsibility.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup

    /// What the server said it can do in answer to EHLO.
    struct Extensions: Equatable {
        var startTLS = false
        var authMechanisms: Set<String> = []

        init(_ reply: SMTPReply) {
            for line in reply.lines.dropFirst() {
                let words = line.uppercased().split(separator: " ").map(String.init)
                guard let keyword = words.first else { continue }
                if keyword == "STARTTLS" { startTLS = true }
                if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst()) }
            }
        }
    }

    func send(_ message: EmailMessage) async throws {
        try message.validate()
        let connection = try await SMTPConnection.connect(
            host: settings.host, port: settings.port, timeout: .milliseconds(Int64(settings.timeoutSeconds * 1000)), group: group)
        do {
            try await converse(message, on: connection)
        } catch {
            await connection.close()
            throw error
        }
        // The message is accepted; a failed QUIT changes nothing.
        _ = try? await connection.command("QUIT", stage: .quit)
        await connection.close()
    }

    private func converse(_ message: EmailMessage, on connection: SMTPConnection) async throws {
        let greeting = try await connection.reply()
        guard greeting.code == 220 else { throw SMTPError.reply(.greeting, greeting) }
        var extensions = Extensions(try await connection.expect("EHLO \(settings.heloName)", [250], stage: .ehlo))
        var encrypted = false
        if settings.startTLS {
            guard extensions.startTLS else {
                throw SMTPError.configuration("The mail server does not offer STARTTLS; set PROBITY_SMTP_STARTTLS=false only for a relay on a trusted network.")
            }
            try await connection.expect("STARTTLS", [220], stage: .startTLS)
            var tls = TLSConfiguration.makeClientConfiguration()
            if let file = settings.trustRootsFile { tls.trustRoots = .file(file) }
            let isAddress = settings.host.contains(":") || settings.host.allSatisfy { $0.isNumber || $0 == "." }
            try await connection.startTLS(serverHostname: isAddress ? nil : settings.host, configuration: tls)
            encrypted = true
            // RFC 3207 4.2: forget what was learnt before TLS and ask again.
            extensions = Extensions(try await connection.expect("EHLO \(settings.heloName)", [250], stage: .ehlo))
        }
        if let username = settings.username {
            guard encrypted || settings.mayAuthenticateInClear else {
                throw SMTPError.configuration("Probity will not send the mail server's password unencrypted: turn on STARTTLS.")
            }
            try await authenticate(username: username, password: settings.password ?? "", offered: extensions.authMechanisms, on: connection)
        }
        try await connection.expect("MAIL FROM:<\(message.from)>", [250], stage: .mailFrom)
        for recipient in message.recipients {
            try await connection.expect("RCPT TO:<\(recipient)>", [250, 251], stage: .rcptTo)
        }
        try await connection.expect("DATA", [354], stage: .data)
        connection.stage = .message
        try await connection.write(message.dataSection())
        let accepted = try await connection.reply()
        guard accepted.code == 250 else { throw SMTPError.reply(.message, accepted) }
    }

    private func authenticate(username: String, password: String, offered: Set<String>, on connection: SMTPConnection) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if offered.contains("PLAIN") {
            try await connection.expect("AUTH PLAIN " + base64("\u{0}\(username)\u{0}\(password)"), [235], stage: .auth)
        } else if offered.contains("LOGIN") {
            try await connection.expect("AUTH LOGIN", [334], stage: .auth)
            try await connection.expect(base64(username), [334], stage: .auth)
            try await connection.expect(base64(password), [235], stage: .auth)
        } else {
            throw SMTPError.configuration("The mail server offers neither AUTH PLAIN nor AUTH LOGIN (it offers: \(offered.sorted().joined(separator: ", ")))")
        }
    }
}
