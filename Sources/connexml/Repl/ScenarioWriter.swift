import Engine
import Foundation
import Policy
import Yams

/// A scenario written back as YAML (for `:save`), with every field the
/// scenario loader reads (docs/running.md "Scenarios"), so that loading the
/// file gives the same world and `documents` mappings. Yams emits it:
/// quoting and escaping are the YAML library's, not ours.
enum ScenarioWriter {
    /// `documents`: the file's URL → document mappings, which live beside
    /// the world (`ScenarioFile`), not in it.
    static func yaml(_ s: Scenario, documents: [String: String] = [:]) throws -> String {
        // Non-ASCII is escaped (`\u202E`): a saved file shown on a terminal
        // cannot reorder or hide text, and it still reads back the same.
        "# Saved from connexml repl.\n"
            + (try Yams.serialize(node: Node(topLevel(s, documents: documents)), width: -1, allowUnicode: false))
    }

    private static func topLevel(_ s: Scenario, documents: [String: String]) -> [(Node, Node)] {
        var top: [(Node, Node)] = [(key("call"), Node(call(s)))]
        if !s.keys.isEmpty { top.append((key("dtmf"), Node(s.keys.map(keyPress)))) }
        let answers = answerEntries(s)
        if !answers.isEmpty { top.append((key("answers"), Node(answers))) }
        if !s.callsInProgress.isEmpty {
            top.append((key("calls_in_progress"), Node(s.callsInProgress.map { callInProgress($0) })))
        }
        if let target = s.bargeTarget { top.append((key("barge_target"), text(target))) }
        if s.bargeTalk != Scenario().bargeTalk { top.append((key("barge_talk"), number(s.bargeTalk))) }
        if !s.loggedIn.isEmpty { top.append((key("logged_in"), Node(s.loggedIn.map(text), .implicit, .flow))) }
        if !documents.isEmpty { top.append((key("documents"), map(documents, text))) }
        if !s.audioSeconds.isEmpty { top.append((key("audio"), map(s.audioSeconds, number))) }
        if let at = s.hangupAt { top.append((key("hangup_at"), number(at))) }
        return top
    }

    private static func call(_ s: Scenario) -> [(Node, Node)] {
        var call: [(Node, Node)] = [
            (key("from"), text(s.from)), (key("to"), text(s.to)),
            (key("start"), text(CivilTimeText.iso8601(s.start))), (key("timezone"), text(s.timeZoneName)),
        ]
        if let profile = s.profile { call.append((key("profile"), text(profile))) }
        if let customer = s.customer { call.append((key("customer"), text(customer))) }
        // A fixed id: a generated one would differ on every replay of the trace.
        call.append((key("sid"), text(s.sid ?? "CA-repl")))
        if !s.variables.isEmpty { call.append((key("variables"), map(s.variables, text))) }
        return call
    }

    private static func keyPress(_ press: KeyPress) -> Node {
        var fields: [(Node, Node)] = [(key("digits"), text(press.digits))]
        if let at = press.at { fields.append((key("at"), number(at))) }
        if press.leg != .a { fields.append((key("leg"), key(press.leg.rawValue))) }
        return Node(fields, .implicit, .flow)
    }

    /// Destinations in order, then `default` when it is not the loader's own.
    private static func answerEntries(_ s: Scenario) -> [(Node, Node)] {
        var entries = s.answers.sorted { $0.key < $1.key }.map { (name($0.key), answer($0.value)) }
        if s.defaultAnswer != Scenario().defaultAnswer { entries.append((key("default"), answer(s.defaultAnswer))) }
        return entries
    }

    private static func answer(_ a: Answer) -> Node {
        Node(
            [(key("status"), key(a.status.rawValue)), (key("ring"), number(a.ring)), (key("talk"), number(a.talk))], .implicit,
            .flow)
    }

    private static func callInProgress(_ call: CallInProgress) -> Node {
        Node([
            (key("id"), text(call.id)),
            (key("parties"), Node(call.parties.map(text), .implicit, .flow)),
            (key("started"), text(CivilTimeText.iso8601(Date(timeIntervalSince1970: call.started)))),
        ])
    }

    private static func map<Value>(_ values: [String: Value], _ node: (Value) -> Node) -> Node {
        Node(values.sorted { $0.key < $1.key }.map { (name($0.key), node($0.value)) })
    }

    /// A name of the format (a key or an enumerated value): plain.
    private static func key(_ name: String) -> Node { Node(name, .implicit, .plain) }

    /// A user's key (a variable, destination, URL or file): the loader reads
    /// keys as text whatever they look like, so Yams quotes only what YAML needs.
    private static func name(_ value: String) -> Node { Node(value, .implicit, .any) }

    /// A user's text, always quoted: `1001`, `yes` or `null` stay text.
    private static func text(_ value: String) -> Node { Node(value, .implicit, .doubleQuoted) }

    /// Seconds exactly as held (shortest form that reads back the same).
    private static func number(_ n: Double) -> Node {
        Node(n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n), .implicit, .plain)
    }
}

/// UTC ISO 8601 for saved scenarios (whole seconds).
enum CivilTimeText {
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}
