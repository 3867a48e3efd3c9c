import Language

/// Text from a script made fit for a box: one line, control and format
/// characters gone, long text cut with an ellipsis. Format characters
/// (Cf) go too: a right-to-left override (U+202E) in a prompt or a file
/// name would make the rest of the label read backwards.
enum ShortText {
    static let maximumLength = 40
    /// A document's title is its path: longer, and cut only when absurd.
    static let titleLength = 80

    static func of(_ text: String, limit: Int = maximumLength) -> String {
        // Most labels are short plain ASCII, single-spaced: as they are.
        if text.utf8.count <= limit, isPlainASCII(text) { return text }
        // By scalar: "\r\n" is one Character, and a control or format
        // scalar can be joined to the letter before it.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !out.isEmpty
                continue
            }
            if QuotedLabel.isInvisibleControl(scalar) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        let line = String(out)
        guard line.count > limit else { return line }
        return String(line.prefix(limit - 1)) + "…"
    }

    /// Printable ASCII, no leading, trailing or double spaces.
    private static func isPlainASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            guard byte > 0x20 && byte < 0x7F || byte == 0x20 && previous != 0x20 else { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// Spoken or shown text, in quotation marks.
    static func quoted(_ text: String) -> String { "“" + of(text) + "”" }
}

extension Setting {
    /// The value as the script wrote it: the fixed value, or the template.
    var written: String {
        switch source {
        case .fixed(let value): "\(value)"
        case .template(let template, _): template.description
        }
    }
}
