/// A unified diff of two texts, by lines, with three lines of context: the
/// way people read what changed in a trace.
enum UnifiedDiff {
    static func diff(expected: String, actual: String, expectedName: String, actualName: String) -> String {
        let a = lines(expected), b = lines(actual)
        let edits = script(a, b)
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        // Group edits into hunks with up to 3 lines of context.
        var i = 0
        while i < edits.count {
            guard let start = edits[i...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = start
            var k = start
            while k < edits.count {
                if edits[k].kind != .same { end = k; k += 1; continue }
                // Stop when the run of equal lines is longer than 6 (3 + 3).
                let run = edits[k...].prefix { $0.kind == .same }.count
                if run > 6 || k + run == edits.count { break }
                k += run
            }
            let from = max(start - 3, i == 0 ? 0 : i), to = min(end + 3, edits.count - 1)
            let hunk = edits[from...to]
            let aStart = (hunk.first { $0.kind != .insert }?.aIndex ?? 0) + 1
            let bStart = (hunk.first { $0.kind != .delete }?.bIndex ?? 0) + 1
            let aCount = hunk.filter { $0.kind != .insert }.count
            let bCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(aCount == 0 ? aStart - 1 : aStart),\(aCount) +\(bCount == 0 ? bStart - 1 : bStart),\(bCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + a[edit.aIndex] + "\n"
                case .delete: out += "-" + a[edit.aIndex] + "\n"
                case .insert: out += "+" + b[edit.bIndex] + "\n"
                }
            }
            i = to + 1
        }
        return out
    }

    private struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let aIndex: Int
        let bIndex: Int
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The shortest edit script, from a longest-common-subsequence table.
    /// Traces are short (hundreds of lines), so the table is small; past
    /// 4,000 lines a side, everything is shown as changed.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        guard a.count <= 4000, b.count <= 4000 else {
            return a.indices.map { Edit(kind: .delete, aIndex: $0, bIndex: 0) }
                + b.indices.map { Edit(kind: .insert, aIndex: a.count, bIndex: $0) }
        }
        let n = a.count, m = b.count
        var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(Edit(kind: .same, aIndex: i, bIndex: j)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(Edit(kind: .delete, aIndex: i, bIndex: j)); i += 1  // removals first, as diff(1) shows them
            } else {
                edits.append(Edit(kind: .insert, aIndex: i, bIndex: j)); j += 1
            }
        }
        return edits
    }
}
