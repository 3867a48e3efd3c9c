/// Finding libyaml's positions in the text it read.
enum YAMLText {
    /// The index of a libyaml line and column: columns count characters
    /// (Unicode scalars), a byte-order mark is not one, and CR LF is one
    /// line break.
    static func index(line: Int, column: Int, in text: [Unicode.Scalar]) -> Int? {
        guard line >= 1, column >= 1 else { return nil }
        var i = text.first == "\u{FEFF}" ? 1 : 0
        var current = 1
        while current < line {
            guard i < text.count else { return nil }
            if isBreak(text[i]) {
                if text[i] == "\r", i + 1 < text.count, text[i + 1] == "\n" { i += 1 }
                current += 1
            }
            i += 1
        }
        i += column - 1
        return i < text.count ? i : nil
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }
}
