import Diagnostics
import Engine
import Fetching
import Foundation
import Policy

/// Looking at the call and the directory, changing who is logged in and
/// which calls are in progress, and saving the call as a sample.
extension ReplSession {
    func printVariables() {
        guard let summary else { return fail("no call yet: :call\n") }
        for (name, value) in summary.variables.sorted(by: { $0.key < $1.key }) {
            out("\(PrintableText.line(name)) = \(PrintableText.line(value))\n")
        }
    }

    func printContext() {
        guard let summary else { return fail("no call yet: :call\n") }
        out("context: \(PrintableText.line(summary.context ?? "(none)"))\n")
        if summary.bindings.isEmpty { out("no key bindings\n") }
        for b in summary.bindings {
            out(
                "  \(PrintableText.line(b.digits)) in \(PrintableText.line(b.context ?? "every context")) (line \(b.line))\(b.context == nil || b.context == summary.context ? " active" : "")\n"
            )
        }
    }

    func printCalls() {
        if scenario.callsInProgress.isEmpty { out("no calls in progress (add one: :calls add ID PARTY PARTY)\n") }
        for call in scenario.callsInProgress {
            out(
                "  \(call.id): \(call.parties.joined(separator: " & "))\(call.id == scenario.bargeTarget ? " (barge target)" : "")\n"
            )
        }
    }

    func addCall(_ id: String, parties: [String]) {
        scenario.callsInProgress.removeAll { $0.id == id }
        // Older calls first: each new one started a minute after the last.
        let started = scenario.start.timeIntervalSince1970 - 600 + Double(scenario.callsInProgress.count * 60)
        scenario.callsInProgress.append(CallInProgress(id: id, parties: parties, started: started))
        out("call \(id) is in progress: \(parties.joined(separator: " & "))\n")
    }

    func setBargeTarget(_ id: String?) {
        scenario.bargeTarget = id
        out(id.map { "a barge joins call \($0)\n" } ?? "a barge joins the longest-running eligible call\n")
    }

    func printDirectory() {
        guard let directory else { return fail("no valid directory\n") }
        out("directory: \(PrintableText.line(directorySource))\n")
        for p in directory.profiles {
            let users = directory.users.filter { $0.profile == p.name }.map(\.username)
            out(
                "  profile \(p.name): capacity \(p.capacity), flags [\(p.flags.map(\.rawValue).sorted().joined(separator: ", "))]"
                    + (p.bargeGroup.map { ", barge group \($0)" } ?? "") + "; users: \(users.joined(separator: ", "))\n")
        }
    }

    func login(_ user: String, _ on: Bool) {
        guard let directory else { return fail("no valid directory\n") }
        guard let found = directory.user(named: user) else {
            return fail(
                "no SIP user '\(PrintableText.line(user))'"
                    + (Suggestions.closest(to: user, among: directory.users.map(\.username)).map { "; did you mean '\($0)'?" }
                        ?? "") + "\n")
        }
        if on {
            // As a scenario's logged_in: never more users of a profile than its capacity.
            let peers = scenario.loggedIn.filter { directory.user(named: $0)?.profile == found.profile }
            if let profile = directory.profile(named: found.profile), !peers.contains(user), peers.count >= profile.capacity {
                return fail("\(user) cannot log in: profile \(profile.name) is at its capacity of \(profile.capacity)\n")
            }
            if !scenario.loggedIn.contains(user) { scenario.loggedIn.append(user) }
        } else {
            scenario.loggedIn.removeAll { $0 == user }
        }
        out("logged in: \(scenario.loggedIn.isEmpty ? "nobody" : scenario.loggedIn.joined(separator: ", "))\n")
    }

    func explain(_ words: [String]) {
        guard let directory else { return fail("no valid directory\n") }
        guard case .success(let caller) = Caller.user(words[0], in: directory) else {
            return fail("no SIP user '\(PrintableText.line(words[0]))'\n")
        }
        let usage = "usage: :explain USER \(ExplainAction.allCases.map(\.rawValue).joined(separator: "|")) [ARGUMENT]\n"
        guard let action = ExplainAction(rawValue: words[1]),
            let answer = action.explain(words.count > 2 ? words[2] : nil, caller: caller, policy: Policy(directory: directory))
        else { return fail(usage) }
        out(answer.text)
    }

    /// Writes the call as a sample `connexml test` replays.
    func save(_ name: String) {
        guard placed, let directory else { return fail("no call to save: :call first\n") }
        let script = name + ".xml"
        let scenarioFile = name + ".scenario.yaml"
        let traceFile = name + ".trace"
        let world = scenario
        guard case .success(let compiled) = CompiledScript.compile(bytes: Array(document.utf8), file: script) else {
            return fail("the document has errors: nothing saved\n")
        }
        // The same engine `connexml test` will replay it with.
        let driver = CallDriver(directory: directory)
        var sink = CollectingSink()
        driver.run(compiled, scenario: world, sink: &sink)
        let trace = sink.events.map(TraceRenderer.text).joined(separator: "\n") + "\n"
        do {
            try document.write(toFile: script, atomically: true, encoding: .utf8)
            try ScenarioWriter.yaml(world).write(toFile: scenarioFile, atomically: true, encoding: .utf8)
            try trace.write(toFile: traceFile, atomically: true, encoding: .utf8)
            // `connexml test` uses directory.yaml beside the script, else the bundled one.
            let directoryOption =
                directorySource == BundledDirectory.name ? "" : " --directory \(PrintableText.line(directorySource))"
            out("saved \(script), \(scenarioFile), \(traceFile): `connexml test\(directoryOption) \(scenarioFile)` replays it\n")
        } catch {
            fail("cannot save: \(error.localizedDescription)\n")
        }
    }
}
