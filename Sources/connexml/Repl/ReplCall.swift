import Diagnostics
import Engine
import Fetching
import Foundation
import Language
import Policy

/// The call: placing it, running it on (a step, to a breakpoint, to a wait
/// or the end), and showing each event once, in order.
extension ReplSession {
    /// The words of `:call` (completion offers them).
    static let callOptions = CallOptions.replKeywords

    func place(_ arguments: [String], thenStep: Bool = false) {
        guard let directory else { return fail("no valid directory: calls cannot run\n") }
        var scenario = Scenario()
        scenario.sid = "CA-repl"
        // Whole seconds: saved scenarios repeat it exactly.
        scenario.start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        scenario.loggedIn = self.scenario.loggedIn
        scenario.callsInProgress = self.scenario.callsInProgress
        scenario.bargeTarget = self.scenario.bargeTarget
        let parsed = CallOptions.parse(replWords: arguments)
        guard let options = parsed.options else { return fail(PrintableText.line(parsed.error ?? "") + "\n") }
        if let problem = options.apply(to: &scenario).first { return fail(PrintableText.line(problem.message) + "\n") }
        // An outside caller reaches some customer's application: without
        // one, every user of the directory would be another customer's
        // (cross_customer), so the call belongs to the first customer.
        if scenario.customer == nil, directory.user(named: scenario.from) == nil {
            scenario.customer = directory.customers.first?.name
        }
        self.scenario = scenario
        endCall()
        placed = true
        driver = CallDriver(directory: directory)
        thenStep ? advance(step: true) : advance(step: false)
    }

    /// Forgets the call (a new script, a new call).
    func endCall() {
        placed = false
        events = []
        summary = nil
        verbLimit = nil
        driver = nil
    }

    // MARK: Moving on

    func step() {
        guard placed else { return place([], thenStep: true) }
        guard canRunOn() else { return }
        advance(step: true)
    }

    func runOn() {
        guard placed else { return place([]) }
        guard canRunOn() else { return }
        advance(step: false)
    }

    /// Whether the call is stopped where it may go on by itself; says why
    /// not otherwise.
    private func canRunOn() -> Bool {
        guard let summary else { return true }
        switch summary.waiting {
        case .verb?: return true
        case .keys(let line)?: fail("the call waits for keys at line \(line): :press DIGITS\n")
        case .answer(let target, _)?:
            fail("the call waits for \(PrintableText.line(target)) to answer: :answer | :busy | :noanswer | :fail\n")
        case nil:
            fail("the call has ended (\(summary.reason.rawValue)): :call places a new one\n")
        }
        return false
    }

    /// One verb more, or on to the next breakpoint, wait or end. Verbs are
    /// counted as the engine runs them (nested ones too), so a stop is
    /// "after N verbs", and a breakpoint is found by stopping after each
    /// count in turn until the next verb stands on a breakpoint's line.
    func advance(step: Bool) {
        let done = summary?.verbsRun ?? 0
        if step {
            verbLimit = done + 1
            return replayAndShow()
        }
        verbLimit = nil
        guard !breakpoints.isEmpty else { return replayAndShow() }
        guard let full = replay(limit: nil) else { return }
        // From a stop before a verb, that verb runs first; from a wait or
        // the start, the next verb may already be the breakpoint.
        let first: Int
        if case .verb? = summary?.waiting { first = done + 1 } else { first = done }
        for limit in stride(from: first, to: full.summary.verbsRun, by: 1) {
            guard let partial = replay(limit: limit) else { return }
            if case .verb(let file, let line)? = partial.summary.waiting, file == documentName, breakpoints.contains(line) {
                verbLimit = limit
                return show(partial)
            }
        }
        show(full)
    }

    /// Replays the call to the current limit and shows what is new.
    func replayAndShow() {
        guard let result = replay(limit: verbLimit) else { return }
        show(result)
    }

    /// Runs the call from its start with everything given so far; nil
    /// (having said why) when it cannot run.
    func replay(limit: Int?) -> (events: [TraceEvent], summary: CallSummary)? {
        guard let directory else {
            fail("no valid directory: calls cannot run\n")
            return nil
        }
        let text = document
        if compiled?.text != text {
            compiled = (text, CompiledScript.compile(bytes: Array(text.utf8), file: documentName))
        }
        switch compiled!.result {
        case .failure(let failure):
            out(DiagnosticRenderer(showSource: false).render(failure.diagnostics))
            markFailed()
            return nil
        case .success(let script):
            let driver = self.driver ?? CallDriver(directory: directory)
            var sink = CollectingSink()
            let summary = driver.run(
                script, scenario: scenario, mode: RunMode(pauseForInput: true, stopAfterVerbs: limit), sink: &sink)
            return (sink.events.filter { $0.name != .callPaused }, summary)
        }
    }

    /// Shows the events after the part the replay has in common with those
    /// shown (each event once, in order, whatever caused the replay), then
    /// where the call is.
    func show(_ result: (events: [TraceEvent], summary: CallSummary)) {
        let common = zip(events, result.events).prefix { $0 == $1 }.count
        // A call that had ended and runs on (a verb typed since) ends later:
        // its old end is no news. Anything else shown that the replay no
        // longer has is: say so.
        if events[common...].contains(where: { $0.name != .callEnd }) {
            out("-- the call went differently from here on:\n")
        }
        for event in result.events[common...] { out(TraceRenderer.text(event) + "\n") }
        events = result.events
        summary = result.summary
        out(status + "\n")
    }

    /// What the call is doing now, for people.
    var status: String {
        guard let summary else { return "-- no call" }
        switch summary.waiting {
        case .keys(let line)?: return "-- waiting for keys at line \(line): :press DIGITS"
        case .answer(let target, let line)?:
            return "-- dialling \(PrintableText.line(target)) (line \(line)): :answer [TALK-SECONDS] | :busy | :noanswer | :fail"
        case .verb(let file, let line)?:
            let place = file == documentName ? "line \(line)" : "line \(line) of \(PrintableText.line(file))"
            let why = file == documentName && breakpoints.contains(line) ? "breakpoint: " : "next: "
            return "-- \(why)\(place): :step | :run | :where"
        case nil:
            return "-- the call has ended (\(summary.reason.rawValue))"
        }
    }

    /// The virtual time of the last event shown.
    var now: Double { events.last?.time ?? 0 }

    // MARK: Breakpoints

    func setBreakpoint(_ argument: String?) {
        guard let argument else {
            return out(
                breakpoints.isEmpty
                    ? "no breakpoints\n"
                    : "breakpoints at lines " + breakpoints.sorted().map(String.init).joined(separator: ", ") + "\n")
        }
        guard let line = Int(argument), line > 0 else { return fail("usage: :break [LINE] (a line of :show)\n") }
        let verbs = Self.verbLines(of: document, file: documentName)
        guard verbs.contains(line) else {
            let some = verbs.sorted().prefix(12).map(String.init).joined(separator: ", ")
            return fail(
                "no verb starts on line \(line)"
                    + (verbs.isEmpty ? "\n" : " (verbs start on lines \(some)\(verbs.count > 12 ? ", ..." : ""))\n"))
        }
        breakpoints.insert(line)
        out("breakpoint at line \(line)\n")
    }

    func deleteBreakpoint(_ argument: String?) {
        guard let argument else {
            breakpoints = []
            return out("no breakpoints\n")
        }
        guard let line = Int(argument), breakpoints.remove(line) != nil else {
            return fail("no breakpoint at line \(PrintableText.line(argument))\n")
        }
        out("breakpoint at line \(line) deleted\n")
    }

    /// The lines where a verb the engine runs starts (not the prompts of a
    /// Gather, the nouns of a Dial or the `<Set>`s of `<Before>`).
    static func verbLines(of text: String, file: String) -> Set<Int> {
        guard case .success(let compiled) = CompiledScript.compile(bytes: Array(text.utf8), file: file) else { return [] }
        return verbLines(compiled.script.verbs)
    }

    static func verbLines(_ verbs: [Verb]) -> Set<Int> {
        var lines = Set<Int>()
        verbs.forEachVerb { lines.insert($0.position.line) }
        return lines
    }

    // MARK: Where

    func printWhere() {
        guard placed, let summary else { return fail("no call yet: :call, or :step to run its first verb\n") }
        let last = events.last { $0.line != nil }
        var file = last?.file ?? documentName
        var line = last?.line
        var what = "the call has ended (\(summary.reason.rawValue)) after"
        switch summary.waiting {
        case .verb(let f, let l)?: (file, line, what) = (f, l, "next to run:")
        case .keys(let l)?: (line, what) = (l, "waiting for keys at")
        case .answer(_, let l)?: (line, what) = (l, "waiting for an answer at")
        case nil: break
        }
        guard let line else { return out("-- the call has ended (\(summary.reason.rawValue)) before any verb\n") }
        let inMain = file == documentName
        let of = inMain ? scriptPath.map { " of " + PrintableText.line($0) } ?? "" : " of " + PrintableText.line(file)
        out("-- \(what) line \(line)\(of)\n")
        let text = inMain ? document : try? String(contentsOfFile: file, encoding: .utf8)
        guard var lines = text?.split(separator: "\n", omittingEmptySubsequences: false) else { return }
        if lines.last?.isEmpty == true { lines.removeLast() }  // after the last line feed
        let neighbours = 2
        guard line <= lines.count else { return }
        for number in max(1, line - neighbours)...min(lines.count, line + neighbours) {
            let mark = number == line ? "=>" : inMain && breakpoints.contains(number) ? " *" : "  "
            out(mark + String(format: "%4d  ", number) + lines[number - 1] + "\n")
        }
    }

    func printDocument() {
        for (i, line) in document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            out((breakpoints.contains(i + 1) ? "*" : " ") + String(format: "%4d  ", i + 1) + line + "\n")
        }
    }

    // MARK: Inputs to the call

    func press(_ digits: String, at: Double?, leg: KeyPress.Leg) {
        guard placed, let summary else { return fail("no call yet: :call\n") }
        guard KeyPress.isPhoneKeys(digits) else {
            return fail("'\(PrintableText.line(digits))' is not keys of a phone (0-9, * and #)\n")
        }
        guard summary.reason == .paused else {
            return fail("the call has ended (\(summary.reason.rawValue)): :call places a new one\n")
        }
        var key = KeyPress(digits: digits, at: at, leg: leg)
        if case .keys? = summary.waiting {
            scenario.keys.append(key)  // at the waiting Gather (or when told)
            return advance(step: false)
        }
        if at == nil { key.at = now }  // during the call: now
        scenario.keys.append(key)
        replayAndShow()
    }

    func decideDial(_ answer: Answer) {
        guard case .answer(let target, _)? = summary?.waiting else { return fail("no dial is waiting for an answer\n") }
        scenario.answers[target] = answer
        advance(step: false)
    }

    func hangUp() {
        guard placed, summary?.reason == .paused else {
            return fail(placed ? "the call has already ended\n" : "no call yet: :call\n")
        }
        scenario.hangupAt = now
        verbLimit = nil
        replayAndShow()
    }

    func printTrace() {
        guard placed else { return fail("no call yet: :call\n") }
        for event in events { out(TraceRenderer.text(event) + "\n") }
        out(status + "\n")
    }
}
