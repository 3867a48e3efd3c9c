/// Text made safe to stand between the quotes of a label, for DOT and
/// Mermaid alike: each format's own escapes come as a table. The loop is
/// over Unicode scalars, not Characters: "\r\n" is one Character, so a
/// Character table would let it (and any control joined to a letter)
/// through unescaped. Control and format scalars the table does not name
/// are dropped — a carriage return would break a Mermaid line, and a
/// bidi override (U+202E) would make the rest of the label read
/// backwards.
struct QuotedLabel {
    /// What each scalar that needs it is written as.
    let escapes: [Unicode.Scalar: String]

    func quoted(_ text: String) -> String {
        if isPlain(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escape = escapes[scalar] {
                out += escape
            } else if !Self.isInvisibleControl(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Most labels are printable ASCII that needs no escape: as they are.
    private func isPlain(_ text: String) -> Bool {
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F, escapes[Unicode.Scalar(byte)] == nil else { return false }
        }
        return true
    }

    /// Control characters (Cc) and format characters (Cf: bidi overrides
    /// and isolates, zero-width marks), except the zero-width joiners an
    /// emoji sequence is made of.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control: true
        case .format: scalar.value != 0x200C && scalar.value != 0x200D
        default: false
        }
    }
}
