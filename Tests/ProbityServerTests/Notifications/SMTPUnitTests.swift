import Foundation
import Testing
@testable import ProbityServer

@Suite("SMTP client pieces, without a network")
struct SMTPUnitTests {
    @Test("Replies are split into lines and codes, multi-line replies gathered, across reads")
    func parser() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed(Array("220 mail.test ESMTP\r\n250-mail.test\r\n250-STARTTLS\r\n25".utf8)) == [SMTPReply(code: 220, lines: ["mail.test ESMTP"])])
        let replies = try parser.feed(Array("0 AUTH PLAIN LOGIN\r\n".utf8))
        #expect(replies == [SMTPReply(code: 250, lines: ["mail.test", "STARTTLS", "AUTH PLAIN LOGIN"])])
        let extensions = SMTPClient.Extensions(replies[0])
        #expect(extensions.startTLS)
        #expect(extensions.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(try parser.feed(Array("354\n".utf8)) == [SMTPReply(code: 354, lines: [""])])
    }

    @Test("Something that is not SMTP is refused", arguments: ["HTTP/1.1 200 OK\r\n", "25\r\n", "250-a\r\n251 b\r\n", "250*x\r\n"])
    func malformed(_ text: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) { _ = try parser.feed(Array(text.utf8)) }
    }

    @Test("An endless line is refused")
    func endless() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) { _ = try parser.feed([UInt8](repeating: UInt8(ascii: "2"), count: 5000)) }
    }

    static func message(body: String, subject: String = "Hello") -> EmailMessage {
        EmailMessage(from: "probity@north.test", recipients: ["cllr@north.test"], subject: subject, body: body,
                     date: Date(timeIntervalSince1970: 1_796_000_000), messageID: "abc@probity.test")
    }

    @Test("DATA: CRLF line ends, lines starting with a dot doubled, ended by CRLF . CRLF")
    func dataSection() {
        let data = Self.message(body: "one\n.two\r..three\r\nfour.").dataSection()
        #expect(data.hasSuffix("\r\n\r\none\r\n..two\r\n...three\r\nfour.\r\n.\r\n"))
        #expect(!data.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!data.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(data.contains("Date: Mon, 30 Nov 2026 00:53:20 +0000"))
        #expect(data.contains("Content-Transfer-Encoding: 7bit"))
    }

    @Test("Non-ASCII: the subject as encoded words, the body in base64; no header injection")
    func encoding() throws {
        let data = Self.message(body: "Café ☕", subject: "Ward matter – Bow\r\nBcc: evil@x.test").dataSection()
        #expect(data.contains("Content-Transfer-Encoding: base64"))
        #expect(data.contains(Data("Café ☕".utf8).base64EncodedString()))
        #expect(!data.contains("\r\nBcc:"))
        let subject = try #require(data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?utf-8?B?"))
    }

    @Test("Addresses that could smuggle a command are refused", arguments: ["a@b.test>\r\nRCPT TO:<c@d.test", "no-at-sign", "a b@c.test", "@b.test", "a@"])
    func addresses(_ address: String) {
        var message = Self.message(body: "x")
        message.recipients = [address]
        #expect(throws: SMTPError.self) { try message.validate() }
    }

    @Test("Which failures are permanent for the message and which stop the run")
    func classification() {
        #expect(SMTPError.reply(.rcptTo, SMTPReply(code: 550, lines: [])).isPermanentForMessage)
        #expect(SMTPError.reply(.message, SMTPReply(code: 554, lines: [])).isPermanentForMessage)
        #expect(!SMTPError.reply(.message, SMTPReply(code: 451, lines: [])).isPermanentForMessage)
        #expect(!SMTPError.reply(.auth, SMTPReply(code: 535, lines: [])).isPermanentForMessage, "bad credentials are ours to fix, not the message's")
        #expect(SMTPError.reply(.auth, SMTPReply(code: 535, lines: [])).affectsEveryMessage)
        #expect(!SMTPError.reply(.rcptTo, SMTPReply(code: 550, lines: [])).affectsEveryMessage)
        #expect(SMTPError.connection(.connect, "refused").affectsEveryMessage)
    }

    @Test("Settings from the environment: nothing without a host; STARTTLS on unless turned off")
    func settings() throws {
        #expect(SMTPSettings.fromEnvironment([:]) == nil)
        let s = try #require(SMTPSettings.fromEnvironment(["PROBITY_SMTP_HOST": "mail.test", "PROBITY_SMTP_FROM": "p@x.test",
                                                           "PROBITY_SMTP_USERNAME": "u", "PROBITY_SMTP_PASSWORD": "p"]))
        #expect(s.port == 587)
        #expect(s.startTLS)
        #expect(s.username == "u")
        #expect(!s.mayAuthenticateInClear)
        let plain = try #require(SMTPSettings.fromEnvironment(["PROBITY_SMTP_HOST": "localhost", "PROBITY_SMTP_PORT": "25", "PROBITY_SMTP_STARTTLS": "false"]))
        #expect(!plain.startTLS)
        #expect(plain.port == 25)
        #expect(plain.mayAuthenticateInClear)
    }
}
