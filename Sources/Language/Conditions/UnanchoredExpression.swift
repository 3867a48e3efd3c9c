import Diagnostics

/// An `expression` that is plain text without anchors (`1`, `busy|no-answer`).
/// FreeSWITCH matches `expression` with PCRE anywhere in the field's value,
/// so `1` also matches `21`; a script that means "the caller pressed 1"
/// wants `^1$`. Anything with another regular-expression character was
/// written as a pattern on purpose and is left alone.
enum UnanchoredExpression {
    /// The anchored spelling of a bare literal expression, or nil.
    static func anchored(_ expression: String) -> String? {
        // Most expressions are patterns (`^1$`): a byte that is neither
        // plain nor `|`, `(` or `)` (a non-ASCII one included) says so
        // without taking the text apart.
        guard expression.withUTF8Bytes({ $0.allSatisfy(isPlainOrStructure) }) else { return nil }
        var body = Substring(expression)
        var grouped = false
        if body.hasPrefix("("), body.hasSuffix(")"), body.count > 2 {
            body = body.dropFirst().dropLast()
            grouped = true
        }
        let alternatives = body.split(separator: "|", omittingEmptySubsequences: false)
        guard alternatives.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isPlain) }) else { return nil }
        return alternatives.count > 1 || grouped ? "^(\(body))$" : "^\(body)$"
    }

    /// `busy or no-answer`, for the message.
    static func alternatives(_ expression: String) -> String {
        var body = Substring(expression)
        if body.hasPrefix("("), body.hasSuffix(")") { body = body.dropFirst().dropLast() }
        return body.split(separator: "|").map { "'\($0)'" }.joined(separator: " or ")
    }

    private static func isPlainOrStructure(_ byte: UInt8) -> Bool {
        byte < 0x80 && (byte == 0x7C /* | */ || byte == 0x28 || byte == 0x29 || isPlain(Unicode.Scalar(byte)))
    }

    /// Characters that stand for themselves in PCRE and ICU alike outside a
    /// character class (no `.`, `*`, `+`, `?`, `^`, `$`, `\`, brackets).
    private static func isPlain(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "_- #@:/=,%'\"".unicodeScalars.contains(c))
    }
}
