import Foundation

/// Reads the parts of a rendered form page that a browser user depends on: which boxes are
/// ticked, where the error summary's links go, and what `aria-describedby` points at.
enum FormMarkup {
    private static func captures(_ pattern: String, in text: some StringProtocol) -> [String] {
        guard let regex = try? Regex(pattern) else { return [] }
        return String(text).matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// Every `id` on the page.
    static func ids(_ html: String) -> Set<String> { Set(captures(#"\sid="([^"]*)""#, in: html)) }

    /// The ids of the inputs that are ticked (`checked`), in page order.
    static func checked(_ html: String) -> [String] {
        guard let tag = try? Regex(#"<input\b[^>]*>"#) else { return [] }
        return html.matches(of: tag).compactMap { match in
            let input = String(html[match.range])
            guard input.range(of: #"\schecked(\s|>|=|/)"#, options: .regularExpression) != nil else { return nil }
            return captures(#"\sid="([^"]*)""#, in: input).first ?? "(no id)"
        }
    }

    /// The targets of the error summary's links (`href="#x"` gives `x`).
    static func summaryTargets(_ html: String) -> [String] {
        guard let start = html.range(of: #"class="pb-error-summary""#),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return captures(##"href="#([^"]*)""##, in: html[start.upperBound..<end.lowerBound])
    }

    /// Error-summary links that lead nowhere: no element has the id they name.
    static func danglingSummaryLinks(_ html: String) -> [String] {
        let ids = ids(html)
        return summaryTargets(html).filter { !ids.contains($0) }
    }

    /// Ids named by an `aria-describedby` that no element has.
    static func danglingDescriptions(_ html: String) -> [String] {
        let ids = ids(html)
        return captures(#"aria-describedby="([^"]*)""#, in: html)
            .flatMap { $0.split(separator: " ").map(String.init) }
            .filter { !ids.contains($0) }
    }

    /// Hints (`id="…-hint"`) that no `aria-describedby` refers to.
    static func unreferencedHints(_ html: String) -> [String] {
        let described = Set(captures(#"aria-describedby="([^"]*)""#, in: html).flatMap { $0.split(separator: " ").map(String.init) })
        return captures(#"\sid="([^"]*-hint)""#, in: html).filter { !described.contains($0) }
    }

    /// Ids that more than one element has.
    static func duplicateIDs(_ html: String) -> [String] {
        var seen: [String: Int] = [:]
        for id in captures(#"\sid="([^"]*)""#, in: html) { seen[id, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }
}
