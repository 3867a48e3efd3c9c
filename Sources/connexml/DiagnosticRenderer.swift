import Diagnostics
import Foundation

/// Renders diagnostics the way compilers do, so editors can jump to them:
///
///     file:line:col: error: message [code]
///         <the source line>
///              ^
///     file:line:col: note: hint
struct DiagnosticRenderer {
    var showSource: Bool
    /// Colour for a terminal; plain by default (files, pipes, the REPL).
    var palette: Palette
    private var sources = SourceLines()

    init(showSource: Bool, palette: Palette = .plain) {
        self.showSource = showSource
        self.palette = palette
    }

    /// Each diagnostic is one line (and its note one more): the file name,
    /// message and hint come from outside (a value echoed from the script, a
    /// libxml2 message, a file named with a line break), so they are printed
    /// through PrintableText, which escapes line breaks and controls. Colour
    /// goes around the escaped pieces, never into them.
    func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let file = PrintableText.line(d.file)
            let place = palette.paint(d.position.map { "\(file):\($0):" } ?? "\(file):", .bold)
            let severity = palette.paint("\(d.severity.rawValue):", d.severity == .error ? .error : .warning)
            let code = palette.paint("[\(PrintableText.line(d.code.rawValue))]", .dim)
            out += "\(place) \(severity) \(PrintableText.line(d.message)) \(code)\n"
            if showSource, let position = d.position, let line = sources.line(position.line, of: d.file) {
                let (shown, column) = Self.window(of: line, around: position.column)
                let (printed, caret) = Self.printable(shown, caretAt: column)
                out += "    " + printed + "\n"
                if let caret { out += "    " + caret + palette.paint("^", .success) + "\n" }
            }
            if let hint = d.hint { out += "\(place) \(palette.paint("note:", .note)) \(PrintableText.line(hint))\n" }
        }
        return out
    }

    /// The source line as printed (controls escaped, tabs kept) and the
    /// padding that puts a caret under `column` (nil when the column is not
    /// known): an escaped character is wider than one column, and a tab is
    /// padded with a tab, so the caret lines up with the character above it.
    static func printable(_ shown: String, caretAt column: Int) -> (String, String?) {
        let printed = PrintableText.sourceLine(shown)
        guard column > 0 else { return (printed, nil) }
        var padding = ""
        for scalar in shown.unicodeScalars.prefix(column - 1) {
            if scalar == "\t" {
                padding += "\t"
            } else {
                padding += String(repeating: " ", count: PrintableText.isUnsafe(scalar) ? PrintableText.escaped(scalar).count : 1)
            }
        }
        return (printed, padding)
    }
}

extension DiagnosticRenderer {
    static let widestLine = 120

    /// A long line (minified or generated XML) is cut to a window around the
    /// column, marked with "..." at the cuts; returns the column in the window.
    static func window(of line: String, around column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > widestLine else { return (line, column) }
        let half = widestLine / 2
        let start = max(0, min(column - 1 - half, scalars.count - widestLine))
        let end = min(scalars.count, start + widestLine)
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var shift = start
        if start > 0 {
            shown = "..." + shown
            shift -= 3
        }
        if end < scalars.count { shown += "..." }
        return (shown, column > 0 ? column - shift : 0)
    }
}

/// Source lines for the caret display, read once per file on demand.
final class SourceLines {
    private var cache: [String: [Substring]] = [:]

    func line(_ number: Int, of file: String) -> String? {
        if cache[file] == nil {
            guard file != "-", let data = FileManager.default.contents(atPath: file) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            cache[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[file], number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}

/// The end of a check: counts for people, everything for tools.
struct CheckReport {
    var fileCount: Int
    var diagnostics: [Diagnostic]

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// "checked 3 files: 2 errors, 1 warning" or "checked 1 file: no problems".
    var summary: String {
        let scripts = fileCount == 1 ? "1 file" : "\(fileCount) files"
        if diagnostics.isEmpty { return "checked \(scripts): no problems" }
        return "checked \(scripts): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }

    private func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    var json: String {
        struct Entry: Encodable {
            let file: String, line: Int?, column: Int?, severity: String, code: String, message: String, hint: String?
        }
        struct Report: Encodable {
            let files: Int, errors: Int, warnings: Int
            let diagnostics: [Entry]
        }
        let report = Report(
            files: fileCount, errors: errorCount, warnings: warningCount,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.file, line: $0.position?.line, column: $0.position.flatMap { $0.column > 0 ? $0.column : nil },
                    severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message, hint: $0.hint)
            })
        return MachineJSON.text(report)
    }
}

/// The one style of connexml's machine output (`check --format json` and
/// `sarif`, `explain --format json`, `test --coverage --format json`):
/// Codable values, keys sorted, '/' as it is. The trace's JSON Lines are
/// written apart (TraceRenderer): their field order is calls.md's contract.
enum MachineJSON {
    static func text<Value: Encodable>(_ value: Value, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Only a non-finite number fails to encode, and these reports hold none.
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}
