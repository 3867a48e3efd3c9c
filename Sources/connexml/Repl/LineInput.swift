import CLineEdit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one read of the REPL's input gives.
enum LineRead: Equatable {
    case line(String)
    /// Ctrl-C: the line (and any unfinished element) is abandoned.
    case interrupted
    /// A line over `ReplMain.maximumLine` bytes: skipped, not kept.
    case tooLong
    /// End of input (Ctrl-D on an empty line of a terminal).
    case end
}

/// Where the REPL's lines come from: a line editor on a terminal, plain
/// lines otherwise.
protocol LineInput: AnyObject {
    func read(prompt: String) -> LineRead
}

/// Lines as they come, read with read(2) into a buffer: pipes and files,
/// and a terminal when libedit is missing (the terminal's own line editing
/// then; Ctrl-C abandons the line instead of ending the process). Nothing
/// read ahead is lost: the rest of a pasted or piped block waits in the
/// buffer for the next read.
final class PlainLines: LineInput {
    private let promptOnTerminal: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    /// `terminal`: show prompts and take Ctrl-C.
    init(terminal: Bool) {
        promptOnTerminal = terminal
        if terminal { cle_catch_interrupts() }
    }

    func read(prompt: String) -> LineRead {
        if promptOnTerminal { Self.write(prompt) }
        var skipping = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                if skipping || line.count > ReplMain.maximumLine { return .tooLong }
                return .line(String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self))
            }
            if buffer.count - start > ReplMain.maximumLine {
                skipping = true  // keep reading to the line's end, keeping none of it
                start = buffer.count
            }
            if atEnd {
                guard start < buffer.count else { return skipping ? .tooLong : .end }
                let line = buffer[start...]
                start = buffer.count
                return skipping ? .tooLong : .line(String(decoding: line, as: UTF8.self))
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            switch fill() {
            case .data: continue
            case .end: atEnd = true
            case .interrupted:
                buffer.removeAll()  // the terminal dropped the typed line itself
                if promptOnTerminal { Self.write("\n") }  // the terminal showed ^C itself
                return .interrupted
            }
        }
    }

    private enum Fill { case data, end, interrupted }

    private func fill() -> Fill {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            if promptOnTerminal {
                // Ctrl-C typed at any time, even just before the wait, is seen.
                if cle_take_interrupt() != 0 { return .interrupted }
                if cle_wait_for_input(0) == 0 { continue }
            }
            let n = chunk.withUnsafeMutableBytes { systemRead(0, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])
                return .data
            }
            if n < 0, errno == EINTR { continue }
            return .end
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#else
    private let systemRead = Darwin.read
#endif

/// Lines edited with libedit on a terminal: emacs keys, Ctrl-R, history
/// (kept in a file between sessions), Tab completion, wide characters,
/// resize.
final class EditedLines: LineInput {
    private let editor: OpaquePointer
    private let history: HistoryFile
    private let complete: (String) -> ReplCompletion.Answer
    static let historyLimit = 1000

    /// `why` says what went wrong when libedit cannot be used: nil then.
    /// `library`: a path to load instead of the system's libedit.so.2.
    init?(
        library: String?, history: HistoryFile, why: inout String,
        complete: @escaping (String) -> ReplCompletion.Answer
    ) {
        var reason = [CChar](repeating: 0, count: 512)
        guard cle_load(library, &reason, reason.count) == 0 else {
            why = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return nil
        }
        guard let editor = cle_open("connexml", Int32(Self.historyLimit)) else {
            why = "libedit could not start on this terminal"
            return nil
        }
        self.editor = editor
        self.history = history
        self.complete = complete
        for line in history.lines { cle_history_add(editor, line) }
        cle_set_completer(
            editor,
            { editor, context in
                guard let editor, let context else { return UInt8(CLE_ERROR) }
                return Unmanaged<EditedLines>.fromOpaque(context).takeUnretainedValue().completeWord(editor)
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { cle_close(editor) }

    func read(prompt: String) -> LineRead {
        cle_set_prompt(editor, prompt)
        var interrupted: Int32 = 0
        guard let text = cle_gets(editor, &interrupted) else { return .end }
        if interrupted != 0 { return .interrupted }
        let line = String(cString: text)
        if line.utf8.count > ReplMain.maximumLine { return .tooLong }
        if history.remember(line) { cle_history_add(editor, line) }
        return .line(line)
    }

    /// Tab: completes the word before the cursor, or lists the choices.
    private func completeWord(_ editor: OpaquePointer) -> UInt8 {
        var length = 0
        guard let bytes = cle_line_before_cursor(editor, &length) else { return UInt8(CLE_ERROR) }
        let before = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
        switch complete(before) {
        case .none:
            return UInt8(CLE_ERROR)
        case .insert(let text):
            return cle_insert(editor, text) == 0 ? UInt8(CLE_REFRESH) : UInt8(CLE_ERROR)
        case .list(let choices):
            PlainLines.write("\n" + ReplCompletion.columns(choices, width: Self.terminalWidth()))
            return UInt8(CLE_REDISPLAY)
        }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}

/// The history file (`~/.connexml_history` or `$CONNEXML_HISTORY`): one
/// line per entry, the last `EditedLines.historyLimit` kept.
final class HistoryFile {
    private let path: String?
    private(set) var lines: [String] = []

    init(path: String?) {
        self.path = path
        if let path, let text = try? String(contentsOfFile: path, encoding: .utf8) {
            lines = text.split(separator: "\n").suffix(EditedLines.historyLimit).map(String.init)
        }
    }

    /// Adds a line worth keeping (not blank, not the one before); whether it was.
    func remember(_ typed: String) -> Bool {
        // Without the space a completion leaves after the last word.
        let line = String(typed.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        guard !line.isEmpty, lines.last != line else { return false }
        lines.append(line)
        if lines.count > EditedLines.historyLimit { lines.removeFirst(lines.count - EditedLines.historyLimit) }
        if let path { try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        return true
    }
}
