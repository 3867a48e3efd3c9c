import Diagnostics

/// How the text of an attribute becomes a typed value, and what it must
/// look like. The same parser runs at check time for literal values and at
/// run time for values that come from templates.
public struct ValueKind<Value: Sendable>: Sendable {
    private let describe: @Sendable () -> String
    private let parser: @Sendable (String) -> Value?

    public init(expected: String, parse: @escaping @Sendable (String) -> Value?) {
        self.describe = { expected }
        self.parser = parse
    }

    /// For descriptions that cost something to build: made only when a
    /// message needs them, not for every attribute read.
    public init(describedBy describe: @escaping @Sendable () -> String, parse: @escaping @Sendable (String) -> Value?) {
        self.describe = describe
        self.parser = parse
    }

    /// What a valid value looks like, for messages: "a whole number from 1 to 120".
    public var expected: String { describe() }

    public func parse(_ text: String) -> Value? { parser(text) }
}

extension ValueKind where Value == Int {
    /// A whole number within `range` (digits only, no sign, no spaces).
    public static func integer(_ range: ClosedRange<Int>, unit: String = "") -> ValueKind {
        let unitText = unit.isEmpty ? "" : " \(unit)"
        return ValueKind(expected: "a whole number from \(range.lowerBound) to \(range.upperBound)\(unitText)") { text in
            guard ASCII.isDigits(text, maximumCount: 9), let n = Int(text), range.contains(n) else { return nil }
            return n
        }
    }
}

extension ValueKind where Value == Bool {
    /// `true` or `false`, exactly.
    public static let boolean = ValueKind(expected: "true or false") { text in
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }
}

extension ValueKind where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's raw values, exactly (case-sensitive).
    public static var choice: ValueKind {
        ValueKind(describedBy: { "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ") }) { Value(rawValue: $0) }
    }
}

extension ValueKind where Value == String {
    /// Plain-text names (barge groups, contexts): `^[a-z_0-9]+$`.
    public static let plainName = ValueKind(expected: "lowercase letters, digits and _ only") { text in
        PlainName.isValid(text) ? text : nil
    }

    /// An E.164 number: `+`, then 2 to 15 digits, the first not 0.
    public static let e164 = ValueKind(expected: "an E.164 number such as +441234567890") { text in
        E164.isValid(text) ? text : nil
    }

    /// A URL of the schemes a hand-over may use, or a relative path.
    public static let documentURL = ValueKind(expected: "an http(s):// URL, a file: URL or a relative path") { text in
        URLText.isDocumentReference(text) ? text : nil
    }

    /// A WebSocket URL.
    public static let webSocketURL = ValueKind(expected: "a ws:// or wss:// URL") { text in
        URLText.hasScheme(text, ["ws://", "wss://"]) ? text : nil
    }

    /// A URL to send requests to (status callbacks).
    public static let httpURL = ValueKind(expected: "an http(s):// URL") { text in
        URLText.hasScheme(text, ["http://", "https://"]) ? text : nil
    }

    /// Any text that is not empty.
    public static let nonEmpty = ValueKind(expected: "a value that is not empty") { $0.isEmpty ? nil : $0 }
}

public enum E164 {
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 3, u.count <= 16, u[0] == 0x2B, u[1] != 0x30 else { return false }
        return u.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

public enum URLText {
    /// `http://…`, `https://…`, `file:…`, or a relative path (no other scheme).
    public static func isDocumentReference(_ text: String) -> Bool {
        guard !text.isEmpty, !text.utf8.contains(where: ASCII.isSpace) else { return false }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return hasScheme(text, ["http://", "https://"]) }
        if text.hasPrefix("file:") { return true }
        return scheme(of: text) == nil
    }

    /// Starts with one of `prefixes` and has more after it, without white space.
    public static func hasScheme(_ text: String, _ prefixes: [String]) -> Bool {
        guard let prefix = prefixes.first(where: { text.hasPrefix($0) }) else { return false }
        return text.utf8.count > prefix.utf8.count && !text.utf8.contains(where: ASCII.isSpace)
    }

    /// The scheme of an absolute URL (`ftp` of `ftp://x`), nil for a path.
    public static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return String(candidate)
    }
}
