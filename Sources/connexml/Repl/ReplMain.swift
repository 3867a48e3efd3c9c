import ArgumentParser
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

    @Argument(help: "A script to load.")
    var script: String?

    @Option(help: "The directory file (YAML).")
    var directory: String?

    /// Lines longer than this are refused, not kept.
    static let maximumLine = 64 << 10
    /// A typed element still open after this many lines is abandoned.
    static let maximumElementLines = 500

    func run() throws {
        let interactive = Terminal.isTerminal(.standardInput) && Terminal.isTerminal(.standardOutput)
        let session = ReplSession(directory: directory) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if interactive { session.out("connexml repl: :help for the commands, :quit to leave\n") }
        if let script { session.load(script) }
        let history = ProcessInfo.processInfo.environment["CONNEXML_HISTORY"]
            ?? (ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.connexml_history" })
        let editor = interactive ? LineEditor(historyFile: history) { ReplCommands.complete($0, session: session) } : nil
        var reader = ElementReader()
        while true {
            let prompt = reader.isOpen ? "...> " : "connexml> "
            guard let line = editor?.readLine(prompt: prompt) ?? (interactive ? nil : Swift.readLine(strippingNewline: true)) else { break }
            if line.utf8.count > Self.maximumLine {
                session.out("line too long (over \(Self.maximumLine) bytes): ignored\n")
                continue
            }
            switch reader.add(line) {
            case .incomplete:
                if reader.lineCount > Self.maximumElementLines {
                    session.out("the element is still open after \(Self.maximumElementLines) lines: abandoned\n")
                    reader = ElementReader()
                }
                continue
            case .complete(let input):
                reader = ElementReader()
                if !session.handle(input) { return }
            }
        }
        if reader.isOpen { session.out("end of input inside an unclosed element: it was not added\n") }
    }
}

/// Collects typed ConneXML until its elements close: `<Gather>` on one line
/// and `</Gather>` three lines later is one input.
struct ElementReader {
    enum Outcome {
        case incomplete
        case complete(String)
    }

    private var lines: [String] = []
    private var depth = 0
    var isOpen: Bool { !lines.isEmpty }
    var lineCount: Int { lines.count }

    mutating func add(_ line: String) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if lines.isEmpty, !trimmed.hasPrefix("<") { return .complete(line) }  // a command
        lines.append(line)
        depth += Self.depthChange(line)
        if depth <= 0 { return .complete(lines.joined(separator: "\n")) }
        return .incomplete
    }

    /// Opening tags minus closing ones (self-closing, comments and
    /// processing instructions count for nothing).
    static func depthChange(_ line: String) -> Int {
        var change = 0
        var rest = Substring(line)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            guard let gt = after.firstIndex(of: ">") else {
                change += after.hasPrefix("/") || after.hasPrefix("!") || after.hasPrefix("?") ? 0 : 1  // a tag continuing on the next line
                break
            }
            let tag = after[..<gt]
            if tag.hasPrefix("/") { change -= 1 } else if !(tag.hasPrefix("!") || tag.hasPrefix("?") || tag.hasSuffix("/")) { change += 1 }
            rest = after[after.index(after: gt)...]
        }
        return change
    }
}
