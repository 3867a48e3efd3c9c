import Diagnostics

/// Why a template could not be read. Rendered by the checker as a diagnostic.
public struct TemplateError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unclosed(String)
        case emptyExpression
        case invalidVariableName(String)
        case unknownFunction(String)
        case badSubstring(String)
    }
    public let kind: Kind
}

extension Template {
    /// Functions a template may call. Anything else is an error at check time.
    public static let functions = ["substring"]

    /// Reads `text` into a template. Lone `{`, `}` or `$` are plain text.
    public static func parse(_ text: String) -> Result<Template, TemplateError> {
        // Fast path: most text has no expression at all. (A byte scan: this
        // runs for every attribute and text of every script.)
        if !mayContainExpression(text) { return .success(Template(literal: text)) }
        // The reading below is written once, for any text it walks: by byte
        // when that is the same as by Character (ASCII without a carriage
        // return, as "\r\n" is one Character and not the "\n" that splits
        // words), by Character otherwise.
        let byBytes: Result<Template, TemplateError>? = text.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return parse(
                bytes[...], Symbols(open: 0x7B, close: 0x7D, dollar: 0x24, space: 0x20, tab: 0x09, lineFeed: 0x0A),
                string: { String(decoding: $0, as: UTF8.self) })
        }
        if let byBytes { return byBytes }
        return parse(
            Substring(text), Symbols(open: "{", close: "}", dollar: "$", space: " ", tab: "\t", lineFeed: "\n"),
            string: { String($0) })
    }

    /// The elements the reading looks for, as bytes or as Characters.
    private struct Symbols<Element> {
        let open, close, dollar, space, tab, lineFeed: Element
    }

    private static func parse<Text: BidirectionalCollection>(
        _ text: Text, _ symbols: Symbols<Text.Element>, string: (Text.SubSequence) -> String
    ) -> Result<Template, TemplateError> where Text.Element: Equatable, Text.SubSequence == Text {
        let opening = [symbols.open, symbols.open]
        let closing = [symbols.close, symbols.close]
        let substitution = [symbols.dollar, symbols.open]
        var parts: [Part] = []
        var pending = ""
        var rest = text
        while !rest.isEmpty {
            if rest.starts(with: opening) {
                guard let close = rest.firstRange(of: closing) else { return .failure(TemplateError(kind: .unclosed("{{"))) }
                let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                let words = body.split { $0 == symbols.space || $0 == symbols.tab || $0 == symbols.lineFeed }.map(string)
                switch parseExpression(words) {
                case .success(let part):
                    if !pending.isEmpty {
                        parts.append(.text(pending))
                        pending = ""
                    }
                    parts.append(part)
                case .failure(let error): return .failure(error)
                }
                rest = rest[close.upperBound...]
            } else if rest.starts(with: substitution) {
                guard let close = rest.firstIndex(of: symbols.close) else {
                    return .failure(TemplateError(kind: .unclosed("${")))
                }
                let name = string(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]).trimmed
                guard isVariableName(name) else {
                    return .failure(TemplateError(kind: name.isEmpty ? .emptyExpression : .invalidVariableName(String(name))))
                }
                if !pending.isEmpty {
                    parts.append(.text(pending))
                    pending = ""
                }
                parts.append(.variable(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                // Up to the next element that could open an expression:
                // only there can the tests above hold.
                let next = rest.dropFirst().firstIndex { $0 == symbols.open || $0 == symbols.dollar } ?? rest.endIndex
                pending += string(rest[..<next])
                rest = rest[next...]
            }
        }
        if !pending.isEmpty { parts.append(.text(pending)) }
        return .success(Template(parts: parts))
    }

    /// Whether `{{` or `${` occurs in `text` (when not, `parse` gives the
    /// text back as a literal). Every attribute value and text of a script
    /// is asked, and most have no `{`: eight bytes at a time, a word
    /// without one is passed over whole (a call to memchr per value cost
    /// more than it saved: values are short).
    static func mayContainExpression(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            let count = bytes.count
            var i = 0
            while i < count {
                if i &+ 8 <= count {
                    let x = ByteWords.load(base + i) ^ ByteWords.repeated(0x7B)  // a zero byte where a `{` was
                    guard ByteWords.zeroBytes(x) != 0 else {
                        i &+= 8
                        continue
                    }
                }
                // A `{` in the next eight bytes (or the last few): byte by byte.
                let end = Swift.min(i &+ 8, count)
                while i < end {
                    if base[i] == 0x7B /* { */, i > 0, base[i &- 1] == 0x7B || base[i &- 1] == 0x24 /* $ */ {
                        return true
                    }
                    i &+= 1
                }
            }
            return false
        }
    }

    /// The words between `{{` and `}}`.
    private static func parseExpression(_ words: [String]) -> Result<Part, TemplateError> {
        guard let first = words.first else { return .failure(TemplateError(kind: .emptyExpression)) }
        if words.count == 1 {
            guard isVariableName(first) else { return .failure(TemplateError(kind: .invalidVariableName(String(first)))) }
            return .success(.variable(String(first)))
        }
        guard first == "substring" else { return .failure(TemplateError(kind: .unknownFunction(String(first)))) }
        let usage = "substring NAME START [LENGTH]"
        guard words.count == 3 || words.count == 4, isVariableName(words[1]),
            let start = Int(words[2]), start >= 0
        else { return .failure(TemplateError(kind: .badSubstring(usage))) }
        var length: Int?
        if words.count == 4 {
            guard let n = Int(words[3]), n >= 0 else { return .failure(TemplateError(kind: .badSubstring(usage))) }
            length = n
        }
        return .success(.substring(variable: String(words[1]), start: start, length: length))
    }

    /// Variable names: a letter or `_`, then letters, digits, `_`, `-` or `.`.
    /// All ASCII, so read by byte: a non-ASCII scalar is bytes from 0x80
    /// up, none of which is allowed (the ASCII letters are the ASCII
    /// scalars Unicode calls alphabetic).
    static func isVariableName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.utf8.first, isLetter(first) || first == 0x5F /* _ */ else { return false }
        return name.utf8.allSatisfy {
            isLetter($0) || ASCII.isDigit($0) || $0 == 0x5F || $0 == 0x2D /* - */ || $0 == 0x2E /* . */
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}

extension StringProtocol {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    /// Works on bytes: it runs for every text of every script.
    var trimmed: Substring {
        let s = Substring(self)
        // Most text has nothing to trim: two bytes looked at, in place.
        let nothingToTrim = s.withUTF8Bytes { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return !ASCII.isSpace(first) && !ASCII.isSpace(last)
        }
        if nothingToTrim { return s }
        let bytes = s.utf8
        guard let first = bytes.firstIndex(where: { !ASCII.isSpace($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isSpace($0) })
        else { return s[s.endIndex...] }
        return s[first...last]
    }
}
