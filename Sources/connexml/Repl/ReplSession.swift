import Diagnostics
import Engine
import Fetching
import Foundation
import Language
import Policy

/// The REPL's state and commands. A call is replayed from its start each
/// time the user adds something (a key, an answer, a verb): the engine is
/// deterministic, so the replay repeats what was shown and goes on from the
/// point where the call paused for input.
final class ReplSession {
    let out: (String) -> Void
    private let directoryPath: String?
    private(set) var directory: Directory?
    private var directorySource = ""
    /// The loaded script's text and path (none: an empty `<Response>`).
    private var scriptText = "<Response>\n</Response>\n"
    private(set) var scriptPath: String?
    /// Verbs typed at the prompt, appended to the script.
    private(set) var typedVerbs: [String] = []
    private(set) var scenario = Scenario()
    private(set) var placed = false
    private var events: [TraceEvent] = []
    private var summary: CallSummary?
    /// How many events have been shown.
    private var shown = 0
    /// The document compiled once, until the script or typed verbs change.
    private var compiled: (text: String, result: Result<CompiledScript, CompileFailure>)?

    init(directory: String?, out: @escaping (String) -> Void) {
        self.directoryPath = directory
        // Everything the REPL prints passes here: controls from scripts,
        // scenarios and file names are escaped (line feeds and tabs are the
        // REPL's own layout; values that may hold a line feed are escaped
        // with PrintableText.line where they are put into a line).
        self.out = { out(PrintableText.lines($0)) }
        loadDirectory(besides: ".")
        scenario.sid = "CA-repl"
        scenario.start = Date()
    }

    // MARK: Input

    /// Handles one complete input: a command (`:name args`) or ConneXML.
    func handle(_ input: String) -> Bool {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return true }
        if text.hasPrefix("<") { typed(text); return true }
        guard text.hasPrefix(":") else {
            out("not a command or ConneXML: commands start with ':' (try :help), verbs with '<'\n")
            return true
        }
        var words = text.dropFirst().split(separator: " ").map(String.init)
        let name = words.isEmpty ? "" : words.removeFirst()
        guard let command = ReplCommands.all.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
            let hint = Suggestions.closest(to: name, among: ReplCommands.all.map(\.name)).map { "; did you mean :\($0)?" } ?? "; type :help"
            out("unknown command :\(name)\(hint)\n")
            return true
        }
        return command.run(self, words)
    }

    // MARK: Scripts and the directory

    func load(_ path: String) {
        let shownPath = PrintableText.line(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            out("cannot read \(shownPath)\n")
            return
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            out("\(shownPath) is not UTF-8 text\n")
            return
        }
        let checked = ScriptChecker.check(bytes: [UInt8](data), file: path)
        guard checked.script != nil else {
            out(DiagnosticRenderer(showSource: false).render(checked.diagnostics))
            out("\(shownPath) was not loaded\n")
            return
        }
        scriptText = text
        scriptPath = path
        typedVerbs = []
        loadDirectory(besides: (path as NSString).deletingLastPathComponent)
        out("loaded \(shownPath) (\(checked.script!.verbs.count) verbs)\n")
        if placed { replay(showing: false) }
    }

    func reload() {
        guard let scriptPath else { return out("no script was loaded: :load FILE\n") }
        let typed = typedVerbs
        load(scriptPath)
        typedVerbs = typed
    }

    private func loadDirectory(besides folder: String) {
        let loaded = DirectoryFiles.load(directoryPath, besides: folder.isEmpty ? "." : folder)
        guard let found = loaded.directory else {
            out(DiagnosticRenderer(showSource: false).render(loaded.diagnostics))
            out("the directory \(PrintableText.line(loaded.source)) has errors: calls cannot run\n")
            directory = nil
            return
        }
        directory = found
        directorySource = loaded.source
    }

    /// The document calls run: the loaded script with the typed verbs
    /// before its closing `</Response>`.
    var document: String {
        guard !typedVerbs.isEmpty, let close = scriptText.range(of: "</Response>", options: .backwards) else { return scriptText }
        return String(scriptText[..<close.lowerBound]) + typedVerbs.joined(separator: "\n") + "\n" + String(scriptText[close.lowerBound...])
    }

    private var documentName: String { scriptPath ?? "<repl>" }

    /// A verb typed at the prompt: checked alone (its problems numbered by
    /// the typed lines), then added to the call.
    private func typed(_ xml: String) {
        let wrapped = "<Response>\n" + xml + "\n</Response>"
        let checked = ScriptChecker.check(bytes: Array(wrapped.utf8), file: "typed")
        let problems = checked.diagnostics.map { d -> Diagnostic in
            var moved = d
            if let p = d.position { moved.position = SourcePosition(line: max(1, p.line - 1), column: p.column) }
            return moved
        }
        if !problems.isEmpty { out(DiagnosticRenderer(showSource: false).render(problems).replacingOccurrences(of: "typed:", with: "typed line ")) }
        guard checked.script != nil else { return out("not added\n") }
        typedVerbs.append(xml)
        out("added \(checked.script!.verbs.count) verb\(checked.script!.verbs.count == 1 ? "" : "s")\n")
        if placed { replay(showing: true) }
    }

    // MARK: Calls

    func place(_ arguments: [String]) {
        var scenario = Scenario()
        scenario.sid = "CA-repl"
        scenario.start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))  // saved scenarios repeat it exactly
        scenario.loggedIn = self.scenario.loggedIn
        scenario.callsInProgress = self.scenario.callsInProgress
        scenario.bargeTarget = self.scenario.bargeTarget
        var words = arguments[...]
        if let first = words.first, !["to", "at", "tz", "profile", "customer"].contains(first) {
            scenario.from = first
            words = words.dropFirst()
        }
        while let key = words.popFirst() {
            guard let value = words.popFirst() else { return out("'\(key)' needs a value: :help call\n") }
            switch key {
            case "to": scenario.to = value
            case "profile": scenario.profile = value
            case "customer": scenario.customer = value
            case "tz":
                guard let zone = TimeZone(identifier: value) else { return out("unknown time zone '\(value)'\n") }
                scenario.timeZone = zone
                scenario.timeZoneName = value
            case "at":
                guard let date = ScenarioLoader.parseDate(value) else { return out("'\(value)': expected a time such as 2026-01-05T09:30:00Z\n") }
                scenario.start = date
            default:
                return out("unknown option '\(key)': :call [FROM] [to NUMBER] [at TIME] [tz ZONE] [profile P] [customer C]\n")
            }
        }
        self.scenario = scenario
        placed = true
        shown = 0
        replay(showing: true)
    }

    /// Runs the call again with everything given so far, and shows the new
    /// events (all of them, or one verb's with `step`).
    func replay(showing: Bool, step: Bool = false) {
        guard placed else { return out("no call yet: :call [FROM] [to NUMBER] ...\n") }
        guard let directory else { return out("no valid directory: calls cannot run\n") }
        let text = document
        if compiled?.text != text {
            compiled = (text, CompiledScript.compile(bytes: Array(text.utf8), file: documentName))
        }
        switch compiled!.result {
        case .failure(let failure):
            out(DiagnosticRenderer(showSource: false).render(failure.diagnostics))
        case .success(let script):
            var world = scenario
            world.pauseForInput = true
            let engine = Engine(directory: directory, documents: LocalDocuments(mappings: world.documents, folder: world.folder))
            var sink = CollectingSink()
            summary = engine.run(script, scenario: world, sink: &sink)
            events = sink.events.filter { $0.name != "call.paused" }
            shown = min(shown, events.count)
            if showing { show(step: step) }
        }
    }

    /// Shows unseen events: all, or those of the next verb.
    func show(step: Bool = false) {
        var end = events.count
        if step, shown < events.count {
            let line = events[shown...].first { $0.line != nil }?.line
            end = shown
            var seenLine = false
            while end < events.count {
                let e = events[end]
                if let l = e.line { if l != line && seenLine { break }; seenLine = true }
                end += 1
            }
        }
        for event in events[shown..<end] { out(TraceRenderer.text(event) + "\n") }
        shown = end
        if shown == events.count { out(status + "\n") }
    }

    /// What the call is doing now, for people.
    var status: String {
        guard let summary else { return "no call" }
        if summary.reason == .paused, let wait = summary.waiting {
            switch wait {
            case .keys(let line): return "-- waiting for keys at line \(line): :press DIGITS"
            case .answer(let target, let line):
                return "-- dialling \(PrintableText.line(target)) (line \(line)): :answer [TALK-SECONDS] | :busy | :noanswer | :fail"
            }
        }
        return "-- the call has ended (\(summary.reason.rawValue))"
    }

    var now: Double { shown > 0 ? events[shown - 1].time : 0 }

    func press(_ digits: String, at: Double?, leg: KeyPress.Leg) {
        guard placed else { return out("no call yet: :call\n") }
        guard !digits.isEmpty, digits.allSatisfy({ "0123456789*#".contains($0) }) else {
            return out("'\(digits)' is not keys of a phone (0-9, * and #)\n")
        }
        var key = KeyPress(digits: digits, at: at, leg: leg)
        if at == nil, case .keys? = summary?.waiting {
            key.at = nil  // typed at the waiting Gather
        } else if at == nil {
            key.at = now  // during the call: now
        }
        scenario.keys.append(key)
        replay(showing: true)
    }

    func decideDial(_ answer: Answer) {
        guard case .answer(let target, _)? = summary?.waiting else { return out("no dial is waiting for an answer\n") }
        scenario.answers[target] = answer
        replay(showing: true)
    }

    func hangUp() {
        guard placed, summary?.reason == .paused || shown < events.count else { return out("the call has already ended\n") }
        scenario.hangupAt = now
        replay(showing: true)
    }

    func printTrace() {
        guard placed else { return out("no call yet\n") }
        for event in events[..<shown] { out(TraceRenderer.text(event) + "\n") }
        out(status + "\n")
    }

    func printVariables() {
        guard let summary else { return out("no call yet\n") }
        for (name, value) in summary.variables.sorted(by: { $0.key < $1.key }) { out("\(PrintableText.line(name)) = \(PrintableText.line(value))\n") }
    }

    func printContext() {
        guard let summary else { return out("no call yet\n") }
        out("context: \(PrintableText.line(summary.context ?? "(none)"))\n")
        if summary.bindings.isEmpty { out("no key bindings\n") }
        for b in summary.bindings {
            out("  \(PrintableText.line(b.digits)) in \(PrintableText.line(b.context ?? "every context")) (line \(b.line))\(b.context == nil || b.context == summary.context ? " active" : "")\n")
        }
    }

    func printCalls() {
        if scenario.callsInProgress.isEmpty { out("no calls in progress (add one: :calls add ID PARTY PARTY)\n") }
        for call in scenario.callsInProgress {
            out("  \(call.id): \(call.parties.joined(separator: " & "))\(call.id == scenario.bargeTarget ? " (barge target)" : "")\n")
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
        guard let directory else { return out("no valid directory\n") }
        out("directory: \(PrintableText.line(directorySource))\n")
        for p in directory.profiles {
            let users = directory.users.filter { $0.profile == p.name }.map(\.username)
            out("  profile \(p.name): capacity \(p.capacity), flags [\(p.flags.map(\.rawValue).sorted().joined(separator: ", "))]"
                + (p.bargeGroup.map { ", barge group \($0)" } ?? "") + "; users: \(users.joined(separator: ", "))\n")
        }
    }

    func login(_ user: String, _ on: Bool) {
        guard let directory else { return out("no valid directory\n") }
        guard let found = directory.user(named: user) else {
            return out("no SIP user '\(user)'" + (Suggestions.closest(to: user, among: directory.users.map(\.username)).map { "; did you mean '\($0)'?" } ?? "") + "\n")
        }
        if on {
            // As a scenario's logged_in: never more users of a profile than its capacity.
            let peers = scenario.loggedIn.filter { directory.user(named: $0)?.profile == found.profile }
            if let profile = directory.profile(named: found.profile), !peers.contains(user), peers.count >= profile.capacity {
                return out("\(user) cannot log in: profile \(profile.name) is at its capacity of \(profile.capacity)\n")
            }
            if !scenario.loggedIn.contains(user) { scenario.loggedIn.append(user) }
        } else {
            scenario.loggedIn.removeAll { $0 == user }
        }
        out("logged in: \(scenario.loggedIn.isEmpty ? "nobody" : scenario.loggedIn.joined(separator: ", "))\n")
    }

    func explain(_ words: [String]) {
        guard let directory else { return out("no valid directory\n") }
        guard words.count >= 2 else { return out("usage: :explain USER dial|transfer|client|barge|voicemail|flag [ARGUMENT]\n") }
        guard case .success(let caller) = Caller.user(words[0], in: directory) else { return out("no SIP user '\(words[0])'\n") }
        let usage = "usage: :explain USER \(ExplainAction.allCases.map(\.rawValue).joined(separator: "|")) [ARGUMENT]\n"
        guard let action = ExplainAction(rawValue: words[1]),
              let answer = action.explain(words.count > 2 ? words[2] : nil, caller: caller, policy: Policy(directory: directory))
        else { return out(usage) }
        out(answer.text)
    }

    /// Writes the call as a sample `connexml test` replays.
    func save(_ name: String) {
        guard placed, let directory else { return out("no call to save: :call first\n") }
        let script = name + ".xml", scenarioFile = name + ".scenario.yaml", traceFile = name + ".trace"
        var world = scenario
        world.pauseForInput = false
        guard case .success(let compiled) = CompiledScript.compile(bytes: Array(document.utf8), file: script) else {
            return out("the document has errors: nothing saved\n")
        }
        // The same engine `connexml test` will replay it with.
        let engine = Engine(directory: directory, documents: LocalDocuments(mappings: world.documents, folder: world.folder))
        var sink = CollectingSink()
        engine.run(compiled, scenario: world, sink: &sink)
        let trace = sink.events.map(TraceRenderer.text).joined(separator: "\n") + "\n"
        do {
            try document.write(toFile: script, atomically: true, encoding: .utf8)
            try ScenarioWriter.yaml(world).write(toFile: scenarioFile, atomically: true, encoding: .utf8)
            try trace.write(toFile: traceFile, atomically: true, encoding: .utf8)
            // `connexml test` uses directory.yaml beside the script, else the bundled one.
            let directoryOption = directorySource == BundledDirectory.name ? "" : " --directory \(PrintableText.line(directorySource))"
            out("saved \(script), \(scenarioFile), \(traceFile): `connexml test\(directoryOption) \(scenarioFile)` replays it\n")
        } catch {
            out("cannot save: \(error.localizedDescription)\n")
        }
    }
}
