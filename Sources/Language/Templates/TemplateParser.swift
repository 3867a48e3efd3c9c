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
        // Fast path: most text has no expression at all.
        if !text.contains("{{") && !text.contains("${") { return .success(Template(literal: text)) }
        var parts: [Part] = []
        var pending = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("{{") {
                guard let close = rest.firstRange(of: "}}") else { return .failure(TemplateError(kind: .unclosed("{{"))) }
                let body = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                switch parseExpression(body) {
                case .success(let part):
                    if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
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
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(.variable(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                pending.append(rest.removeFirst())
            }
        }
        if !pending.isEmpty { parts.append(.text(pending)) }
        return .success(Template(parts: parts))
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
        guard let first = name.unicodeScalars.first, (first.isASCII && first.properties.isAlphabetic) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" || $0 == "."
        }
    }
}

extension StringProtocol {
    var trimmed: SubSequence {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
