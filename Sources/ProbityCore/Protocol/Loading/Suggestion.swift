/// "Did you mean …?" for misspelt keys and values.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty, target.count <= 100 else { return nil }
        // An abbreviation of one candidate ("chief-exec") suggests it.
        if target.count >= 4 {
            let lowered = word.lowercased()
            let extended = candidates.filter { $0.lowercased().hasPrefix(lowered) && $0.count > word.count }
            if extended.count == 1 { return extended[0] }
        }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            let allowed = max(1, min(3, candidate.count / 3))
            guard distance <= allowed else { continue }
            if best.map({ distance < $0.distance }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
