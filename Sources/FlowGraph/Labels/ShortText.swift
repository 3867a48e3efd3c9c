import Language

/// Text from a script made fit for a box: one line, control characters
/// gone, long text cut with an ellipsis.
enum ShortText {
    static let maximumLength = 40

    static func of(_ text: String, limit: Int = maximumLength) -> String {
        // Most labels are short plain ASCII, single-spaced: as they are.
        if text.utf8.count <= limit, isPlainASCII(text) { return text }
        var out = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        guard out.count > limit else { return out }
        return String(out.prefix(limit - 1)) + "…"
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
