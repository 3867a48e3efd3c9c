import Diagnostics
import Engine
import Fetching
import Foundation
import Language
import Policy

/// The REPL's state and its inputs. A call is replayed from its start each
/// time the user gives something (a key, an answer, a verb, a step): the
/// engine is deterministic, so the replay repeats what was shown and goes
/// on from there; the events not shown yet are shown (ReplCall.swift).
final class ReplSession {
    let out: (String) -> Void
    /// Whether any input failed: a piped session then exits 1.
    private(set) var failed = false
    let directoryPath: String?
    var directory: Directory?
    var directorySource = ""
    /// The loaded script's text and path (none: an empty `<Response>`).
    var scriptText = ReplSession.emptyScript
    var scriptPath: String?
    /// Verbs typed at the prompt, added before the script's `</Response>`.
    var typedVerbs: [String] = []

    // The call (ReplCall.swift).
    var scenario = Scenario()
    var placed = false
    /// The events shown, in order: a replay shows what follows the part
    /// it has in common with them.
    var events: [TraceEvent] = []
    var summary: CallSummary?
    /// Verbs the call may run before it stops (`:step`, breakpoints); nil:
    /// until it waits for input or ends.
    var verbLimit: Int?
    /// Lines of the document (`:show`) where the call stops before a verb.
    var breakpoints: Set<Int> = []
    /// The call's driver: its hand-over documents are read once per call.
    var driver: CallDriver?
    /// The document compiled once, until the script or typed verbs change.
    var compiled: (text: String, result: Result<CompiledScript, CompileFailure>)?

    static let emptyScript = "<Response>\n</Response>\n"

    init(directory: String?, out: @escaping (String) -> Void) {
        self.directoryPath = directory
        // Everything the REPL prints passes here: controls from scripts,
        // scenarios and file names are escaped (line feeds and tabs are the
        // REPL's own layout; values that may hold a line feed are escaped
        // with PrintableText.line where they are put into a line).
        self.out = { out(PrintableText.lines($0)) }
        loadDirectory(besides: ".")
    }

    /// Says what went wrong with an input, and remembers that one did.
    func fail(_ message: String) {
        failed = true
        out(message)
    }

    /// Notes a failure said some other way (diagnostics).
    func markFailed() { failed = true }

    // MARK: Input

    /// Handles one complete input: a command (`:name args`) or ConneXML.
    /// False when the session should end.
    func handle(_ input: String) -> Bool {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return true }
        if text.hasPrefix("<") {
            typed(text)
            return true
        }
        guard text.hasPrefix(":") else {
            fail("not a command or ConneXML: commands start with ':' (try :help), verbs with '<'\n")
            return true
        }
        guard var words = ReplWords.split(String(text.dropFirst())) else {
            fail("a quote is not closed: \(PrintableText.line(text))\n")
            return true
        }
        let name = words.isEmpty ? "" : words.removeFirst()
        guard let command = ReplCommands.named(name) else {
            let hint =
                Suggestions.closest(to: name, among: ReplCommands.all.map(\.name)).map { "; did you mean :\($0)?" }
                ?? "; type :help"
            fail("unknown command :\(PrintableText.line(name))\(hint)\n")
            return true
        }
        guard command.arguments.contains(words.count) else {
            fail("usage: \(command.usage)\n")
            return true
        }
        return command.run(self, words)
    }

    // MARK: Scripts and the directory

    func load(_ path: String) {
        let shownPath = PrintableText.line(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            return fail("cannot read \(shownPath)\(isFolder.boolValue ? ": it is a folder" : "")\n")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            return fail("\(shownPath) is not UTF-8 text\n")
        }
        let checked = ScriptChecker.check(bytes: [UInt8](data), file: path)
        guard let script = checked.script else {
            out(DiagnosticRenderer(showSource: false).render(checked.diagnostics))
            return fail("\(shownPath) was not loaded\n")
        }
        let wasPlaced = placed
        scriptText = text
        scriptPath = path
        typedVerbs = []
        breakpoints = []
        endCall()
        loadDirectory(besides: (path as NSString).deletingLastPathComponent)
        out(
            "loaded \(shownPath) (\(script.verbs.count) verbs)\(wasPlaced ? "; the call was ended: :call places a new one" : "")\n"
        )
    }

    func reload() {
        guard let scriptPath else { return fail("no script was loaded: :load FILE\n") }
        guard let data = FileManager.default.contents(atPath: scriptPath),
            let text = String(validating: [UInt8](data), as: UTF8.self)
        else {
            return fail("cannot read \(PrintableText.line(scriptPath))\n")
        }
        let checked = ScriptChecker.check(bytes: [UInt8](data), file: scriptPath)
        guard let script = checked.script else {
            out(DiagnosticRenderer(showSource: false).render(checked.diagnostics))
            return fail("\(PrintableText.line(scriptPath)) was not reloaded\n")
        }
        scriptText = text
        out("reloaded \(PrintableText.line(scriptPath)) (\(script.verbs.count) verbs)\n")
        if placed { replayAndShow() }
    }

    private func loadDirectory(besides folder: String) {
        let loaded = DirectoryFiles.load(directoryPath, besides: folder.isEmpty ? "." : folder)
        guard let found = loaded.directory else {
            out(DiagnosticRenderer(showSource: false).render(loaded.diagnostics))
            fail("the directory \(PrintableText.line(loaded.source)) has errors: calls cannot run\n")
            directory = nil
            return
        }
        directory = found
        directorySource = loaded.source
    }

    /// The document calls run: the loaded script with the typed verbs
    /// before its closing `</Response>`.
    var document: String { documentText(typed: typedVerbs).text }

    /// The document with `typed` verbs, and the line each of them starts on.
    func documentText(typed: [String]) -> (text: String, lines: [Int]) {
        guard !typed.isEmpty, let close = scriptText.range(of: "</Response>", options: .backwards) else {
            return (scriptText, [])
        }
        var text = String(scriptText[..<close.lowerBound])
        if !text.hasSuffix("\n") { text += "\n" }
        var line = text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        var lines: [Int] = []
        for verb in typed {
            lines.append(line)
            text += verb + "\n"
            line += verb.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        }
        return (text + String(scriptText[close.lowerBound...]), lines)
    }

    var documentName: String { scriptPath ?? "<repl>" }

    /// A verb typed at the prompt: checked alone (its problems numbered by
    /// the typed lines), refused when it could never run, then added to the
    /// call, which runs on into it. With no script and no call yet, a call
    /// is placed with the defaults.
    private func typed(_ xml: String) {
        let wrapped = "<Response>\n" + xml + "\n</Response>"
        let checked = ScriptChecker.check(bytes: Array(wrapped.utf8), file: "typed")
        let problems = checked.diagnostics.map { d -> Diagnostic in
            var moved = d
            if let p = d.position { moved.position = SourcePosition(line: max(1, p.line - 1), column: p.column) }
            return moved
        }
        if !problems.isEmpty {
            out(DiagnosticRenderer(showSource: false).render(problems).replacingOccurrences(of: "typed:", with: "typed line "))
        }
        guard let script = checked.script else { return fail("not added\n") }
        let candidate = documentText(typed: typedVerbs + [xml])
        let line = candidate.lines.last!
        if let reason = Self.neverRuns(candidate.text, from: line, file: documentName) {
            let name = script.verbs.first.map { "<\($0.elementName)>" } ?? "verb"
            return fail("refused: this \(name) would never run: \(reason)\n")
        }
        typedVerbs.append(xml)
        let count = script.verbs.count
        out("added \(count) verb\(count == 1 ? "" : "s") at line \(line)\n")
        if !placed {
            if scriptPath == nil { place([]) } else { out("-- :call runs the script with it\n") }
        } else if summary?.reason == .completed {
            advance(step: false)  // the call ran out of verbs: it runs on into this one
        } else if let summary, summary.reason != .paused {
            out("-- the call has ended (\(summary.reason.rawValue)): :call places a new one\n")
        } else {
            replayAndShow()
        }
    }

    /// Why a verb starting at `line` of `text` could never run: a verb
    /// before it at the top of the document ends the call (the checker's
    /// `unreachable` warning, with its reason); nil when it can run.
    static func neverRuns(_ text: String, from line: Int, file: String) -> String? {
        let checked = ScriptChecker.check(bytes: Array(text.utf8), file: file)
        guard let script = checked.script else { return nil }
        let topLevel = Set(script.verbs.map(\.position.line))
        let unreachable = checked.diagnostics.first { d in
            guard d.code == "unreachable", let at = d.position?.line else { return false }
            return topLevel.contains(at) && at <= line
        }
        return unreachable.map { $0.hint ?? $0.message }
    }
}
