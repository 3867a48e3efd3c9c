import Diagnostics
import Engine
import Foundation
import Language

/// Which call paths the samples of each script exercised, and which they
/// never did: every verb (did it run?), and the outcomes of the verbs that
/// branch — each `Gather` (digits, no input), each `Condition` (true, false),
/// each `Press` binding (pressed), each `Dial` (completed, busy, no-answer,
/// failed).
struct ScriptCoverage {
    struct Branch {
        let line: Int
        let verb: String
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
        var verbs: [(Int, String)] = []
        var branches: [Branch] = []
        Self.walk(script.verbs, &verbs, &branches)
        self.verbs = verbs
        self.branches = branches
    }

    private static func walk(_ list: [Verb], _ verbs: inout [(Int, String)], _ branches: inout [Branch]) {
        for verb in list {
            let line = verb.position.line
            verbs.append((line, verb.elementName))
            switch verb {
            case .condition(let c):
                branches.append(Branch(line: line, verb: "Condition", outcomes: ["true", "false"]))
                walk(c.verbs, &verbs, &branches)
            case .press(let p):
                branches.append(Branch(line: line, verb: "Press", outcomes: ["pressed"]))
                walk(p.verbs, &verbs, &branches)
            case .gather:
                branches.append(Branch(line: line, verb: "Gather", outcomes: ["digits", "no input"]))
            case .dial:
                branches.append(Branch(line: line, verb: "Dial", outcomes: ["completed", "busy", "no-answer", "failed"]))
            default:
                break
            }
        }
    }

    /// Marks what one sample exercised.
    mutating func record(_ marks: [CoverageMark]) {
        samples += 1
        for mark in marks where mark.file == file {
            ran.insert(mark.line)
            guard !mark.outcome.isEmpty, let index = branches.firstIndex(where: { $0.line == mark.line }) else { continue }
            switch (branches[index].verb, mark.event) {
            case ("Condition", "condition"), ("Gather", "gather"), ("Press", "key"), ("Dial", "dial.result"):
                branches[index].covered.insert(mark.outcome)
            default:
                break
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
            out += "  L\(branch.line) <\(branch.verb)>: " + (covered.isEmpty ? "nothing covered" : covered.joined(separator: ", "))
            out += branch.missing.isEmpty ? "\n" : "; never: " + branch.missing.joined(separator: ", ") + "\n"
        }
        return out
    }

    var json: [String: Any] {
        [
            "file": file, "samples": samples,
            "verbs": ["total": verbs.count, "ran": verbs.count - neverRan.count,
                      "never": neverRan.map { ["line": $0.line, "verb": $0.name] as [String: Any] }],
            "branches": branches.map {
                ["line": $0.line, "verb": $0.verb, "covered": $0.outcomes.filter($0.covered.contains),
                 "missing": $0.missing] as [String: Any]
            },
        ]
    }
}

/// What coverage needs of one event: where it happened and, for the events
/// of verbs that branch, which way. A sample runs in a worker process, so
/// these few marks travel back to the runner instead of the whole trace.
struct CoverageMark: Hashable, Sendable {
    let file: String
    let line: Int
    /// The event's name (`condition`, `gather`, `key`, `dial.result`) when
    /// it took a branch; empty otherwise.
    let event: String
    /// The branch taken (`true`, `no input`, `pressed`, `busy`...); empty
    /// for events that only show that the verb ran.
    let outcome: String

    /// One mark per distinct place and outcome, in the order first seen.
    static func marks(of events: [TraceEvent]) -> [CoverageMark] {
        var seen: Set<CoverageMark> = []
        var marks: [CoverageMark] = []
        for event in events {
            guard let file = event.file, let line = event.line else { continue }
            let outcome = outcome(of: event)
            // Only a branch needs the event's name: without it, a verb's many events make one mark.
            let mark = CoverageMark(file: file, line: line, event: outcome.isEmpty ? "" : event.name, outcome: outcome)
            if seen.insert(mark).inserted { marks.append(mark) }
        }
        return marks
    }

    private static func outcome(of event: TraceEvent) -> String {
        switch event.name {
        case "condition": if case .bool(let result)? = event["result"] { return result ? "true" : "false" }
        case "gather": if case .string(let digits)? = event["digits"] { return digits.isEmpty ? "no input" : "digits" }
        case "key": return "pressed"
        case "dial.result": if case .string(let status)? = event["status"] { return status }
        default: break
        }
        return ""
    }
}
