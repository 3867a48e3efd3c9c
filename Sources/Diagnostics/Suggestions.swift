/// "Did you mean ...?" for names: the closest candidate by edit distance,
/// when it is close enough to be a plausible slip.
public enum Suggestions {
    /// The candidate closest to `name`: an exact match ignoring case first,
    /// then the smallest edit distance within a third of the name's length
    /// (at least 1, at most 3).
    public static func closest<S: Sequence>(to name: String, among candidates: S) -> String?
    where S.Element == String {
        let lowered = name.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if candidate.lowercased() == lowered { return candidate }
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = min(3, max(1, name.count / 3))
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Levenshtein distance over Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
