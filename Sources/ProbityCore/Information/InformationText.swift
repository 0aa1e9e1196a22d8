import Foundation

/// Text checks shared by need-to-know requests, party-political confidences and briefing records.
enum InformationText {
    /// Trimmed of surrounding whitespace.
    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A required text: trimmed, present and within `limit` characters.
    static func required(_ text: String, field: String, missing: String, limit: Int = 4_000) throws(InformationError) -> String {
        let cleaned = clean(text)
        guard !cleaned.isEmpty else { throw InformationError(.invalidField, missing, field: field) }
        guard cleaned.count <= limit else {
            throw InformationError(.invalidField, "Keep this to \(limit) characters or fewer.", field: field)
        }
        return cleaned
    }

    /// Lower case, curly quotes made straight, every run of non-letters a single space, padded
    /// with spaces so phrases match only on word boundaries: " we recommend that ".
    static func normalised(_ text: String) -> String {
        let lowered = text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
        var out = " "
        var lastWasSpace = true
        for scalar in lowered.unicodeScalars {
            if CharacterSet.letters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar) || scalar == "'" {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        if !lastWasSpace { out.append(" ") }
        return out
    }

    /// The first of `phrases` (written plainly, lower case) found in `text` on word boundaries.
    static func firstPhrase(_ phrases: [String], in text: String) -> String? {
        let haystack = normalised(text)
        return phrases.first { haystack.contains(normalised($0)) }
    }

    /// Words of at least two letters.
    static func wordCount(_ text: String) -> Int {
        normalised(text).split(separator: " ").filter { $0.count >= 2 }.count
    }
}
