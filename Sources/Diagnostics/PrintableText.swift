/// Text that came from outside (scripts, scenarios, directories, file names,
/// fetched documents, libxml2) made safe to print for people: a script must
/// not be able to drive the reader's terminal (`ESC [ 2 J`, BEL, C1 `CSI`),
/// disguise text with bidi overrides, or forge a line of output with a line
/// break. Every renderer of human-readable output passes what it prints
/// through here, at the edge, so no message has to remember to.
///
/// The escapes are the ones of JSON strings, which the trace already uses
/// when it quotes a value: `\n`, `\r`, `\t`, and `\uXXXX` (four lowercase hex
/// digits) for any other character escaped. A backslash is left as written
/// (regular expressions stay readable), so `\u001b` in a message may also be
/// those six characters typed in the script; `--format json` is exact.
public enum PrintableText {
    /// Escapes every unsafe character, line breaks and tabs too: for a value,
    /// a message or a file name that must stay on one line.
    public static func line(_ text: String) -> String {
        escape(text, keepingLineFeeds: false, keepingTabs: false)
    }

    /// Escapes every unsafe character but keeps line feeds and tabs: for text
    /// already laid out in lines by the tool itself (a whole answer, the
    /// REPL's output), whose values were escaped with `line` as it was built.
    public static func lines(_ text: String) -> String {
        escape(text, keepingLineFeeds: true, keepingTabs: true)
    }

    /// Escapes every unsafe character but tabs: for a source line shown under
    /// a diagnostic, where tabs keep the caret below it aligned.
    public static func sourceLine(_ text: String) -> String {
        escape(text, keepingLineFeeds: false, keepingTabs: true)
    }

    /// C0 controls (line breaks and tabs included), DEL, C1 controls (NEL,
    /// CSI, ...), the Unicode line and paragraph separators, and the bidi
    /// embeddings, overrides and isolates that make text read otherwise than
    /// it is (U+202A–U+202E, U+2066–U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` has anything `line` would change.
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }

    /// How `scalar` is printed: `\n`, `\r`, `\t`, `\u001b`, or itself.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case _ where isUnsafe(scalar):
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default: return String(scalar)
        }
    }

    private static func escape(_ text: String, keepingLineFeeds: Bool, keepingTabs: Bool) -> String {
        // Most text has nothing to escape: return it without copying.
        guard needsEscaping(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) || (keepingLineFeeds && scalar == "\n") || (keepingTabs && scalar == "\t") {
                out.append(scalar)
            } else {
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            }
        }
        return String(out)
    }
}
