import Foundation

/// Comparable forms of the names declarations and agenda items use. ASCII text (nearly all
/// of it) is handled byte by byte; other text is first folded for case and accents.
enum NameKey {
    /// Lowercased, accents folded, "&" as "and", punctuation as spaces, spaces collapsed.
    static func plain(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// A body's name without a leading "the" or a trailing company form ("Ltd", "PLC", …).
    static func body(_ text: String) -> String {
        var parts = words(text)
        if parts.first == "the", parts.count > 1 { parts.removeFirst() }
        while let last = parts.last, parts.count > 1, companySuffixes.contains(last) { parts.removeLast() }
        return parts.joined(separator: " ")
    }

    /// An address or parcel with every space and punctuation mark removed, so "E1 4NS" and
    /// "e14ns", "Flat 2, 10 High St" and "flat 2 10 high st" compare equal.
    static func land(_ text: String) -> String {
        words(text).joined()
    }

    private static let companySuffixes: Set<String> = ["ltd", "limited", "plc", "llp", "cic", "inc", "co"]

    private static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { result.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            if scalar == "&" {
                flush()
                result.append("and")
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    private static func asciiWords(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        func flush() {
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "&"):
                flush()
                result.append("and")
            default: flush()
            }
        }
        flush()
        return result
    }
}
