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
        var parts: [Part] = []
        var pending = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("{{") {
                guard let close = rest.firstRange(of: "}}") else { return .failure(TemplateError(kind: .unclosed("{{"))) }
                let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                switch parseExpression(body) {
                case .success(let part):
                    if !pending.isEmpty {
                        parts.append(.text(pending))
                        pending = ""
                    }
                    parts.append(part)
                case .failure(let error): return .failure(error)
                }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("${") {
                guard let close = rest.firstIndex(of: "}") else { return .failure(TemplateError(kind: .unclosed("${"))) }
                let name = rest[rest.index(rest.startIndex, offsetBy: 2)..<close].trimmed
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
                pending.append(rest.removeFirst())
            }
        }
        if !pending.isEmpty { parts.append(.text(pending)) }
        return .success(Template(parts: parts))
    }

    /// Whether `{{` or `${` occurs in `text`.
    private static func mayContainExpression(_ text: String) -> Bool {
        func scan<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x7B /* { */ && (previous == 0x7B || previous == 0x24 /* $ */) { return true }
                previous = byte
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    private static func parseExpression(_ body: Substring) -> Result<Part, TemplateError> {
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
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
    static func isVariableName<S: StringProtocol>(_ name: S) -> Bool {
        guard let first = name.unicodeScalars.first, (first.isASCII && first.properties.isAlphabetic) || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" || $0 == "."
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    /// Works on bytes: it runs for every text of every script.
    var trimmed: Substring {
        let s = Substring(self)
        let bytes = s.utf8
        guard let first = bytes.firstIndex(where: { !ASCII.isSpace($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isSpace($0) })
        else { return s[s.endIndex...] }
        return s[first...last]
    }
}
