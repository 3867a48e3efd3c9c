/// A unified diff of two texts, by lines, with three lines of context: the
/// way people read what changed in a trace.
enum UnifiedDiff {
    static func diff(expected: String, actual: String, expectedName: String, actualName: String) -> String {
        let a = lines(expected)
        let b = lines(actual)
        let edits = script(a, b)
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        // Group edits into hunks with up to 3 lines of context.
        var i = 0
        while i < edits.count {
            guard let start = edits[i...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = start
            var k = start
            while k < edits.count {
                if edits[k].kind != .same {
                    end = k
                    k += 1
                    continue
                }
                // Stop when the run of equal lines is longer than 6 (3 + 3).
                let run = edits[k...].prefix { $0.kind == .same }.count
                if run > 6 || k + run == edits.count { break }
                k += run
            }
            let from = max(start - 3, i == 0 ? 0 : i)
            let to = min(end + 3, edits.count - 1)
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

    struct Edit: Equatable {
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

    /// The shortest edit script (up to `LineMatcher.costLimit`), removals
    /// before insertions in each changed run, as diff(1) shows them.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        // Lines become numbers once, so the search compares integers.
        var numbers: [String: Int] = [:]
        let aNumbers = a.map { line in
            if let n = numbers[line] { return n }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        // A line only `b` has matches nothing.
        let bNumbers = b.map { numbers[$0] ?? -1 }
        var matcher = LineMatcher(a: aNumbers, b: bNumbers)
        matcher.match(0, a.count, 0, b.count)
        var edits: [Edit] = []
        edits.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, !matcher.aMatched[i] {
                edits.append(Edit(kind: .delete, aIndex: i, bIndex: j))
                i += 1
            } else if j < b.count, !matcher.bMatched[j] {
                edits.append(Edit(kind: .insert, aIndex: i, bIndex: j))
                j += 1
            } else {
                edits.append(Edit(kind: .same, aIndex: i, bIndex: j))
                i += 1
                j += 1
            }
        }
        return edits
    }
}

/// Which lines of `a` and `b` are kept, by Myers' linear-space algorithm
/// ("An O(ND) Difference Algorithm and Its Variations", 1986, section 4b,
/// as diff-match-patch writes it): the middle snake of the shortest path
/// splits the problem in two, so memory is O(N + M), not an N × M table,
/// and time O((N + M) · D) for D differing lines.
struct LineMatcher {
    /// How far (in edits) each end searches for the middle snake. Past it, a
    /// region is shown as all removed then all added: still a correct diff,
    /// not the shortest, and the time stays bounded for traces that share
    /// almost nothing. Any two traces of up to 4,000 lines a side (the old
    /// table's limit) are within it.
    static let costLimit = 4096

    let a: [Int], b: [Int]
    private(set) var aMatched: [Bool], bMatched: [Bool]

    init(a: [Int], b: [Int]) {
        self.a = a
        self.b = b
        aMatched = Array(repeating: false, count: a.count)
        bMatched = Array(repeating: false, count: b.count)
    }

    /// Matches `a[aLow..<aHigh]` against `b[bLow..<bHigh]`.
    mutating func match(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
        var aLow = aLow
        var aHigh = aHigh
        var bLow = bLow
        var bHigh = bHigh
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            aMatched[aLow] = true
            bMatched[bLow] = true
            aLow += 1
            bLow += 1
        }
        while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
            aHigh -= 1
            bHigh -= 1
            aMatched[aHigh] = true
            bMatched[bHigh] = true
        }
        guard aLow < aHigh, bLow < bHigh, let (x, y) = middle(aLow, aHigh, bLow, bHigh),
            (x, y) != (aLow, bLow), (x, y) != (aHigh, bHigh)
        else { return }
        match(aLow, x, bLow, y)
        match(x, aHigh, y, bHigh)
    }

    /// A point on a shortest path through the region where the forward and
    /// backward searches meet; nil past `costLimit` or with nothing in common.
    private func middle(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
        let n = aHigh - aLow
        let m = bHigh - bLow
        let maxD = (n + m + 1) / 2
        let offset = maxD
        let width = 2 * maxD + 2
        // Furthest x reached on each diagonal k (= x - y), forward and backward.
        var forward = [Int](repeating: -1, count: width)
        var backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        let frontMeets = delta % 2 != 0
        var k1Start = 0
        var k1End = 0
        var k2Start = 0
        var k2End = 0
        for d in 0..<min(maxD, Self.costLimit) {
            for k1 in stride(from: -d + k1Start, through: d - k1End, by: 2) {
                let k1Offset = offset + k1
                var x1 =
                    k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1])
                    ? forward[k1Offset + 1] : forward[k1Offset - 1] + 1
                var y1 = x1 - k1
                while x1 < n, y1 < m, a[aLow + x1] == b[bLow + y1] {
                    x1 += 1
                    y1 += 1
                }
                forward[k1Offset] = x1
                if x1 > n {
                    k1End += 2  // off the right edge
                } else if y1 > m {
                    k1Start += 2  // off the bottom edge
                } else if frontMeets {
                    let k2Offset = offset + delta - k1
                    if k2Offset >= 0, k2Offset < width, backward[k2Offset] != -1, x1 >= n - backward[k2Offset] {
                        return (aLow + x1, bLow + y1)
                    }
                }
            }
            for k2 in stride(from: -d + k2Start, through: d - k2End, by: 2) {
                let k2Offset = offset + k2
                var x2 =
                    k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1])
                    ? backward[k2Offset + 1] : backward[k2Offset - 1] + 1
                var y2 = x2 - k2
                while x2 < n, y2 < m, a[aHigh - 1 - x2] == b[bHigh - 1 - y2] {
                    x2 += 1
                    y2 += 1
                }
                backward[k2Offset] = x2
                if x2 > n {
                    k2End += 2
                } else if y2 > m {
                    k2Start += 2
                } else if !frontMeets {
                    let k1Offset = offset + delta - k2
                    if k1Offset >= 0, k1Offset < width, forward[k1Offset] != -1 {
                        let x1 = forward[k1Offset]
                        let y1 = offset + x1 - k1Offset
                        if x1 >= n - x2 { return (aLow + x1, bLow + y1) }
                    }
                }
            }
        }
        return nil
    }
}
