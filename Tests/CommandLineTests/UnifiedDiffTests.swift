import TestSupport
import Testing

@testable import connexml

/// The diff `connexml test` prints for a trace that differs: unified format,
/// three lines of context, and the shortest diff for long traces too.
@Suite struct UnifiedDiffTests {
    static func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    static let twenty = (1...20).map { "line \($0)" }

    func diff(_ expected: String, _ actual: String) -> String {
        UnifiedDiff.diff(expected: expected, actual: actual, expectedName: "x.trace", actualName: "actual")
    }

    func changing(_ changes: [Int: String]) -> String {
        Self.text(Self.twenty.enumerated().map { changes[$0.offset + 1] ?? $0.element })
    }

    // The expected texts below are what the LCS-table diff printed before
    // this one replaced it: the format is unchanged.

    @Test func changesSixLinesApartShareAHunk() {
        #expect(
            diff(Self.text(Self.twenty), changing([5: "five", 12: "twelve"])) == """
                --- x.trace
                +++ actual
                @@ -2,14 +2,14 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +five
                 line 6
                 line 7
                 line 8
                 line 9
                 line 10
                 line 11
                -line 12
                +twelve
                 line 13
                 line 14
                 line 15

                """)
    }

    @Test func changesSevenLinesApartAreTwoHunks() {
        #expect(
            diff(Self.text(Self.twenty), changing([5: "five", 13: "thirteen"])) == """
                --- x.trace
                +++ actual
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +five
                 line 6
                 line 7
                 line 8
                @@ -10,7 +10,7 @@
                 line 10
                 line 11
                 line 12
                -line 13
                +thirteen
                 line 14
                 line 15
                 line 16

                """)
    }

    @Test func anEmptySideCountsFromZero() {
        #expect(diff("", "a\nb\n") == "--- x.trace\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(diff("a\nb\n", "") == "--- x.trace\n+++ actual\n@@ -1,2 +0,0 @@\n-a\n-b\n")
        #expect(diff("a\nb\nc\n", "a\nc\nd\n") == "--- x.trace\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n")
    }

    /// Two 20,000-line traces differing in three places give three small
    /// hunks. The LCS table this replaced would have needed 1.6 GB here, so
    /// past 4,000 lines it printed all 40,000 lines as changed instead; the
    /// linear-space search holds a few arrays of 20,000 entries.
    @Test func longTracesDifferingInAFewPlacesGiveSmallHunks() {
        let expected = (1...20_000).map { "\($0)" }
        var actual = expected
        actual[4999] = "5000 changed"
        actual.insert("inserted", at: 12_000)
        actual.remove(at: 18_000)
        let out = diff(Self.text(expected), Self.text(actual))
        #expect(
            out == """
                --- x.trace
                +++ actual
                @@ -4997,7 +4997,7 @@
                 4997
                 4998
                 4999
                -5000
                +5000 changed
                 5001
                 5002
                 5003
                @@ -11998,6 +11998,7 @@
                 11998
                 11999
                 12000
                +inserted
                 12001
                 12002
                 12003
                @@ -17997,7 +17998,6 @@
                 17997
                 17998
                 17999
                -18000
                 18001
                 18002
                 18003

                """)
    }

    /// Every edit script is a correct one: kept lines are equal, and the
    /// removed and kept lines give back one side, the added and kept the other.
    @Test(arguments: 0..<200)
    func scriptsRebuildBothSides(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let a = (0..<random.next(below: 40)).map { _ in "l\(random.next(below: 4))" }
        let b = (0..<random.next(below: 40)).map { _ in "l\(random.next(below: 4))" }
        var keptA: [String] = []
        var keptB: [String] = []
        for edit in UnifiedDiff.script(a, b) {
            switch edit.kind {
            case .same:
                #expect(a[edit.aIndex] == b[edit.bIndex])
                keptA.append(a[edit.aIndex])
                keptB.append(b[edit.bIndex])
            case .delete: keptA.append(a[edit.aIndex])
            case .insert: keptB.append(b[edit.bIndex])
            }
        }
        #expect(keptA == a)
        #expect(keptB == b)
    }
}
