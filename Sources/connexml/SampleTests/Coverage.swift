import Diagnostics
import Engine
import Foundation
import Language

/// Which call paths the samples of each script exercised, and which they
/// never did: every verb (did it run?), and each outcome of the verbs that
/// branch, as the verb declares them (`VerbDefinition.outcomes`: a `Gather`'s
/// digits and no input, a `Condition`'s true and false, a `Press` binding
/// pressed, a `Dial`'s completed, busy, no-answer, failed, canceled and
/// denied, a `Transfer`'s transferred, busy, no-answer, failed and denied).
struct ScriptCoverage {
    struct Branch {
        let line: Int
        let verb: String
        /// The outcomes' names, in the order the verb declares them.
        let outcomes: [String]
        var covered: Set<String> = []
        var missing: [String] { outcomes.filter { !covered.contains($0) } }
    }

    let file: String
    var samples = 0
    /// Every verb of the script, in document order.
    let verbs: [(line: Int, name: String)]
    var ran: Set<Int> = []
    var branches: [Branch]

    init(_ script: Script) {
        file = script.file
        var verbs: [(line: Int, name: String)] = []
        var branches: [Branch] = []
        script.verbs.forEachVerb { verb in
            let line = verb.position.line
            verbs.append((line, verb.elementName))
            let outcomes = verb.outcomes
            if !outcomes.isEmpty { branches.append(Branch(line: line, verb: verb.elementName, outcomes: outcomes.map(\.name))) }
        }
        self.verbs = verbs
        self.branches = branches
    }

    /// Marks what one sample exercised.
    mutating func record(_ marks: [CoverageMark]) {
        samples += 1
        for mark in marks where mark.file == file {
            ran.insert(mark.line)
            guard let outcome = mark.outcome else { continue }
            // The branching verb of that line that has this outcome.
            if let index = branches.firstIndex(where: { $0.line == mark.line && $0.outcomes.contains(outcome) }) {
                branches[index].covered.insert(outcome)
            }
        }
    }

    var neverRan: [(line: Int, name: String)] { verbs.filter { !ran.contains($0.line) } }
    var complete: Bool { neverRan.isEmpty && branches.allSatisfy { $0.missing.isEmpty } }

    var text: String {
        var out = "coverage of \(file) (\(samples) sample\(samples == 1 ? "" : "s")): "
        out += "\(verbs.count - neverRan.count) of \(verbs.count) verbs ran\n"
        for verb in neverRan { out += "  L\(verb.line) <\(verb.name)> never ran\n" }
        for branch in branches {
            let covered = branch.outcomes.filter { branch.covered.contains($0) }
            out +=
                "  L\(branch.line) <\(branch.verb)>: " + (covered.isEmpty ? "nothing covered" : covered.joined(separator: ", "))
            out += branch.missing.isEmpty ? "\n" : "; never: " + branch.missing.joined(separator: ", ") + "\n"
        }
        return out
    }

    var json: [String: Any] {
        [
            "file": file, "samples": samples,
            "verbs": [
                "total": verbs.count, "ran": verbs.count - neverRan.count,
                "never": neverRan.map { ["line": $0.line, "verb": $0.name] as [String: Any] },
            ],
            "branches": branches.map {
                [
                    "line": $0.line, "verb": $0.verb, "covered": $0.outcomes.filter($0.covered.contains),
                    "missing": $0.missing,
                ] as [String: Any]
            },
        ]
    }
}

/// What coverage needs of one event: where it happened and, for an event
/// where a verb branched, which way (the engine marks it: `TraceEvent.outcome`).
/// A sample runs in a worker process, so these few marks travel back to the
/// runner instead of the whole trace.
struct CoverageMark: Hashable, Sendable {
    let file: String
    let line: Int
    /// The name of the outcome taken (`true`, `no input`, `pressed`,
    /// `busy`...); nil for events that only show that the verb ran.
    let outcome: String?

    /// One mark per distinct place and outcome, in the order first seen.
    static func marks(of events: [TraceEvent]) -> [CoverageMark] {
        var seen: Set<CoverageMark> = []
        var marks: [CoverageMark] = []
        for event in events {
            guard let file = event.file, let line = event.line else { continue }
            let mark = CoverageMark(file: file, line: line, outcome: event.outcome?.name)
            if seen.insert(mark).inserted { marks.append(mark) }
        }
        return marks
    }
}
