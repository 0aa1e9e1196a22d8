import Foundation

/// A plain-text e-mail, rendered as RFC 5322 and transmitted as SMTP DATA (RFC 5321 4.5.2).
struct EmailMessage: Sendable, Equatable {
    var from: String
    var recipients: [String]
    var subject: String
    var body: String
    var date: Date
    /// Stable per outbox message, so a receiving system can recognise a repeat.
    var messageID: String

    /// Addresses go into the envelope verbatim, so anything that could end a command or smuggle
    /// another one is refused.
    func validate() throws {
        for address in [from] + recipients {
            guard Self.isPlainAddress(address) else { throw SMTPError.unsendable("\"\(address)\" is not an e-mail address Probity can send to") }
        }
        guard !recipients.isEmpty else { throw SMTPError.unsendable("The message has no recipient") }
    }

    static func isPlainAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@"), at != address.startIndex,
              address.index(after: at) != address.endIndex else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }

    /// Header lines and body with CRLF line ends.
    func rendered() -> String {
        let ascii = body.unicodeScalars.allSatisfy { $0.isASCII }
        var headers = [
            "From: Probity <\(from)>",
            "To: " + recipients.joined(separator: ", "),
            "Subject: " + Self.encodedHeader(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Auto-Submitted: auto-generated",
        ]
        let content: String
        if ascii && Self.normalisedLines(body).allSatisfy({ $0.utf8.count <= 998 }) {
            headers.append("Content-Transfer-Encoding: 7bit")
            content = Self.normalisedLines(body).joined(separator: "\r\n")
        } else {
            headers.append("Content-Transfer-Encoding: base64")
            let encoded = Data(Self.normalisedLines(body).joined(separator: "\r\n").utf8).base64EncodedString()
            content = stride(from: 0, to: encoded.count, by: 76).map { start in
                let from = encoded.index(encoded.startIndex, offsetBy: start)
                let to = encoded.index(from, offsetBy: min(76, encoded.count - start))
                return String(encoded[from..<to])
            }.joined(separator: "\r\n")
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + content
    }

    /// What follows the server's 354: the message with every line that starts with a dot given a
    /// second one (RFC 5321 4.5.2), then CRLF . CRLF.
    func dataSection() -> String {
        let lines = rendered().components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// Splits on CRLF, CR or LF, so that no bare CR or LF reaches the wire.
    static func normalisedLines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A header value on one line: ASCII as it is, anything else as an RFC 2047 encoded word.
    static func encodedHeader(_ value: String) -> String {
        let oneLine = normalisedLines(value).joined(separator: " ")
        if oneLine.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && oneLine.utf8.count <= 900 { return oneLine }
        // Encoded words are at most 75 characters: split the text on character boundaries.
        var words: [String] = []
        var chunk = ""
        for character in oneLine {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
