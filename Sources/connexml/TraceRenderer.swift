import Diagnostics
import Engine
import Foundation

/// Renders trace events: aligned text for people (golden files rely on it
/// being stable), JSON Lines for tools (the contract of calls.md).
enum TraceRenderer {
    /// `   12.5  dial            L14  target=+441234567890 kind=number`
    static func text(_ event: TraceEvent) -> String { text(event, palette: .plain) }

    /// The same line, with what went wrong standing out when `palette` is
    /// coloured: a denial or an error in red, a warning in yellow, the
    /// time and line dim. The padding stays outside the colour, so columns
    /// line up as in plain text.
    static func text(_ event: TraceEvent, palette: Palette) -> String {
        let time = palette.paint(String(format: "%7.1f", event.time), .dim)
        let written = event.name.rawValue
        let padding = String(repeating: " ", count: max(0, 14 - written.count))
        let name = (style(of: event.name).map { palette.paint(written, $0) } ?? written) + padding
        let lineNumber = event.line.map { "L\($0)" } ?? ""
        let line = palette.paint(lineNumber, .dim) + String(repeating: " ", count: max(0, 5 - lineNumber.count))
        let fields = event.fields.map { "\(PrintableText.line($0.key.name))=\(text($0.value))" }.joined(separator: " ")
        return "\(time)  \(name) \(line)\(fields)".trimmingTrailingSpaces
    }

    /// Events that must catch the eye.
    private static func style(of name: TraceEvent.Name) -> Palette.Style? {
        switch name {
        case .denied, .error: .error
        case .warning: .warning
        default: nil
        }
    }

    /// A value as it is, or quoted (with JSON's escapes) when it is empty or
    /// holds a space, `"`, `=` or a character PrintableText escapes: so
    /// a field never spans lines, never hides the next one, and never
    /// reaches the terminal as a control.
    private static func text(_ value: TraceValue) -> String {
        switch value {
        case .string(let s):
            return s.isEmpty || s.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || PrintableText.needsEscaping(s)
                ? quoted(s) : s
        case .number(let n): return number(n)
        case .bool(let b): return b ? "yes" : "no"
        case .list(let items):
            if items.isEmpty { return "-" }
            let joined = items.joined(separator: ",")
            return joined.contains(" ") || PrintableText.needsEscaping(joined) ? quoted(items.joined(separator: "; ")) : joined
        case .object(let fields):
            return "{" + fields.map { "\(PrintableText.line($0.key.name))=\(text($0.value))" }.joined(separator: " ") + "}"
        }
    }

    /// One JSON object: `time`, `event`, `file` and `line` when a verb caused
    /// it, then the event's fields in order.
    static func json(_ event: TraceEvent) -> String {
        var parts = ["\"time\":\(number(event.time))", "\"event\":\(quoted(event.name.rawValue))"]
        if let file = event.file { parts.append("\"file\":\(quoted(file))") }
        if let line = event.line { parts.append("\"line\":\(line)") }
        for field in event.fields { parts.append("\(quoted(field.key.name)):\(json(field.value))") }
        return "{" + parts.joined(separator: ",") + "}"
    }

    private static func json(_ value: TraceValue) -> String {
        switch value {
        case .string(let s): return quoted(s)
        case .number(let n): return number(n)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(quoted).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.map { "\(quoted($0.key.name)):\(json($0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// Whole numbers without a fraction; others to a tenth of a second at
    /// most, so traces are stable across platforms.
    static func number(_ n: Double) -> String {
        let rounded = (n * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    /// A JSON string literal (also used for quoted text fields). Besides
    /// what JSON requires (`"`, `\\`, C0 controls), it escapes what
    /// PrintableText does (DEL, C1, bidi overrides), so JSON Lines read on a
    /// terminal are as safe as the text trace; the value decodes the same.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out += PrintableText.escaped(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Prints each event as the call produces it.
struct PrintingSink: TraceSink {
    let format: OutputFormat
    var palette: Palette = .plain

    mutating func emit(_ event: TraceEvent) {
        print(format == .json ? TraceRenderer.json(event) : TraceRenderer.text(event, palette: palette))
    }
}
