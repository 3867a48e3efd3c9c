import ArgumentParser
import Diagnostics
import Foundation

/// `connexml repl [SCRIPT]`: try call flows interactively.
struct ReplMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Try call flows interactively: place calls, press keys, answer dials, type verbs.",
        discussion: """
            Type :help for the commands. On a terminal: line editing, history (kept in ~/.connexml_history, \
            or $CONNEXML_HISTORY) and Tab completion; piped input works line by line.
            """
    )

    @Argument(help: "A script to load.", completion: .file(extensions: ["xml"]))
    var script: String?

    @Option(help: "The directory file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    /// Lines longer than this are refused, not kept.
    static let maximumLine = 64 << 10
    /// A typed element still open after this many lines is abandoned.
    static let maximumElementLines = 500

    func run() throws {
        if let script, !Self.isReadableFile(script) {
            Terminal.writeError("connexml repl: cannot read \(PrintableText.line(script))\n")
            throw ExitStatus.couldNotRun
        }
        let interactive = Terminal.isTerminal(.standardInput) && Terminal.isTerminal(.standardOutput)
        let session = ReplSession(directory: directory) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if interactive { session.out("connexml repl: :help for the commands, :quit to leave\n") }
        if let script { session.load(script) }
        let loop = ReplLoop(session: session, interactive: interactive)
        loop.run()
        if !interactive, session.failed { throw ExitStatus.problemsFound }
    }

    private static func isReadableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isReadableFile(atPath: path)
    }
}

/// Reads inputs until `:quit` or the end: lines from the editor or plain
/// lines, gathered into elements, handed to the session.
final class ReplLoop {
    private let session: ReplSession
    private let interactive: Bool
    private var reader = ElementReader()
    private var input: LineInput!

    init(session: ReplSession, interactive: Bool) {
        self.session = session
        self.interactive = interactive
        input = interactive ? terminalInput() : PlainLines(terminal: false)
    }

    /// libedit, else (said once) the terminal's plain lines.
    private func terminalInput() -> LineInput {
        let environment = ProcessInfo.processInfo.environment
        let library = environment["CONNEXML_LIBEDIT"].flatMap { $0.isEmpty ? nil : $0 }
        if library == "none" { return PlainLines(terminal: true) }
        let historyPath = environment["CONNEXML_HISTORY"] ?? environment["HOME"].map { $0 + "/.connexml_history" }
        var why = ""
        let editor = EditedLines(library: library, history: HistoryFile(path: historyPath), why: &why) { [unowned self] before in
            ReplCompletion.answer(before: before, pending: reader.lines, session: session)
        }
        if let editor { return editor }
        session.out("line editing is off (\(why)): reading plain lines\n")
        return PlainLines(terminal: true)
    }

    func run() {
        while true {
            switch input.read(prompt: reader.isOpen ? "...> " : "connexml> ") {
            case .end:
                guard reader.isOpen else { return }
                if !interactive { return session.fail("end of input inside an unclosed element: it was not added\n") }
                abandon("-- end of input (Ctrl-D): the unfinished \(reader.openElement) was abandoned\n")
            case .interrupted:
                abandon(reader.isOpen ? "-- the unfinished \(reader.openElement) was abandoned\n" : "-- the line was abandoned\n")
            case .tooLong:
                session.fail("line too long (over \(ReplMain.maximumLine) bytes): ignored\n")
            case .line(let line):
                if reader.isOpen, line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                    session.fail("-- the unfinished \(reader.openElement) was abandoned: a command came before its end tag\n")
                    reader = ElementReader()
                }
                switch reader.add(line) {
                case .incomplete:
                    if reader.lineCount > ReplMain.maximumElementLines {
                        session.fail("the element is still open after \(ReplMain.maximumElementLines) lines: abandoned\n")
                        reader = ElementReader()
                    }
                case .complete(let text):
                    if !session.handle(text) { return }
                }
            }
        }
    }

    private func abandon(_ note: String) {
        session.out(note)
        reader = ElementReader()
    }
}
