#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Line editing for the REPL on a terminal, written here so the package
/// needs no C library beyond libxml2 (libedit's headers are not on the
/// build machines): cursor keys, Home/End, Ctrl-A/E/U/K/W, history with
/// Up/Down (kept in a file between sessions), and Tab completion.
final class LineEditor {
    private let historyFile: String?
    private(set) var history: [String] = []
    private let complete: (String) -> [String]
    static let historyLimit = 1000

    /// `complete` gets the text before the cursor and returns candidates
    /// for its last word.
    init(historyFile: String?, complete: @escaping (String) -> [String]) {
        self.historyFile = historyFile
        self.complete = complete
        if let historyFile, let text = try? String(contentsOfFile: historyFile, encoding: .utf8) {
            history = text.split(separator: "\n").suffix(Self.historyLimit).map(String.init)
        }
    }

    /// One line, or nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return Swift.readLine() }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSAFLUSH, &raw)
        defer { tcsetattr(0, TCSAFLUSH, &saved) }

        var line: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []

        func redraw() {
            let tail = line.count - cursor
            write("\r" + prompt + String(line) + "\u{1B}[K" + (tail > 0 ? "\u{1B}[\(tail)D" : ""))
        }
        write(prompt)
        while true {
            guard let byte = readByte() else { return nil }
            switch byte {
            case 13, 10:  // Enter
                write("\r\n")
                let text = String(line)
                remember(text)
                return text
            case 4:  // Ctrl-D
                if line.isEmpty { write("\r\n"); return nil }
                if cursor < line.count { line.remove(at: cursor); redraw() }
            case 3:  // Ctrl-C: abandon the line
                write("^C\r\n")
                return ""
            case 127, 8:  // Backspace
                if cursor > 0 { line.remove(at: cursor - 1); cursor -= 1; redraw() }
            case 1: cursor = 0; redraw()  // Ctrl-A
            case 5: cursor = line.count; redraw()  // Ctrl-E
            case 21: line.removeFirst(cursor); cursor = 0; redraw()  // Ctrl-U
            case 11: line.removeLast(line.count - cursor); redraw()  // Ctrl-K
            case 23:  // Ctrl-W: the word before the cursor
                var start = cursor
                while start > 0, line[start - 1] == " " { start -= 1 }
                while start > 0, line[start - 1] != " " { start -= 1 }
                line.removeSubrange(start..<cursor); cursor = start; redraw()
            case 9:  // Tab
                let before = String(line[..<cursor])
                let candidates = complete(before)
                let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
                let common = Self.commonPrefix(candidates)
                if candidates.count == 1 || common.count > word.count {
                    let insertion = Array(String(common.dropFirst(word.count))) + (candidates.count == 1 ? [" "] : [])
                    line.insert(contentsOf: insertion, at: cursor)
                    cursor += insertion.count
                    redraw()
                } else if candidates.count > 1 {
                    write("\r\n" + candidates.joined(separator: "  ") + "\r\n")
                    write(prompt)
                    redraw()
                }
            case 27:  // Escape sequences: arrows, Home, End, Delete
                guard let b1 = readByte(), b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "O"), let b2 = readByte() else { continue }
                switch b2 {
                case UInt8(ascii: "A"):  // Up
                    if historyIndex > 0 {
                        if historyIndex == history.count { draft = line }
                        historyIndex -= 1
                        line = Array(history[historyIndex]); cursor = line.count; redraw()
                    }
                case UInt8(ascii: "B"):  // Down
                    if historyIndex < history.count {
                        historyIndex += 1
                        line = historyIndex == history.count ? draft : Array(history[historyIndex])
                        cursor = line.count; redraw()
                    }
                case UInt8(ascii: "C"): if cursor < line.count { cursor += 1; redraw() }
                case UInt8(ascii: "D"): if cursor > 0 { cursor -= 1; redraw() }
                case UInt8(ascii: "H"): cursor = 0; redraw()
                case UInt8(ascii: "F"): cursor = line.count; redraw()
                case UInt8(ascii: "3"):  // ESC [ 3 ~ : Delete
                    _ = readByte()
                    if cursor < line.count { line.remove(at: cursor); redraw() }
                default: break
                }
            default:
                guard byte >= 32 else { continue }
                // A UTF-8 character may take several bytes.
                var bytes = [byte]
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
                for _ in 0..<extra { if let next = readByte() { bytes.append(next) } }
                for character in String(decoding: bytes, as: UTF8.self) {
                    line.insert(character, at: cursor)
                    cursor += 1
                }
                redraw()
            }
        }
    }

    private func remember(_ text: String) {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty, history.last != text else { return }
        history.append(text)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        if let historyFile {
            try? (history.joined(separator: "\n") + "\n").write(toFile: historyFile, atomically: true, encoding: .utf8)
        }
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
