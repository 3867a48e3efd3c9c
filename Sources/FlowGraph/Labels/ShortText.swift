import Language

/// Text from a script made fit for a box: one line, control characters
/// gone, long text cut with an ellipsis.
enum ShortText {
    static let maximumLength = 40

    static func of(_ text: String, limit: Int = maximumLength) -> String {
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
