import Diagnostics

/// How the text of an attribute becomes a typed value, and what it must
/// look like. The same parser runs at check time for literal values and at
/// run time for values that come from templates.
public struct ValueKind<Value: Sendable>: Sendable {
    private let describe: @Sendable () -> String
    private let parser: @Sendable (String) -> Value?
    private let explain: (@Sendable (String) -> String?)?
    /// The valid values as the XML Schema states them (`.text` where a
    /// pattern would only approximate the parser: URLs, audio files).
    public let schema: ValueSchema

    public init(expected: String, schema: ValueSchema = .text, parse: @escaping @Sendable (String) -> Value?) {
        self.describe = { expected }
        self.parser = parse
        self.explain = nil
        self.schema = schema
    }

    /// For descriptions that cost something to build: made only when a
    /// message needs them, not for every attribute read.
    public init(
        describedBy describe: @escaping @Sendable () -> String, schema: ValueSchema = .text,
        parse: @escaping @Sendable (String) -> Value?
    ) {
        self.describe = describe
        self.parser = parse
        self.explain = nil
        self.schema = schema
    }

    private init(
        describe: @escaping @Sendable () -> String, parser: @escaping @Sendable (String) -> Value?,
        explain: (@Sendable (String) -> String?)?, schema: ValueSchema
    ) {
        self.describe = describe
        self.parser = parser
        self.explain = explain
        self.schema = schema
    }

    /// What a valid value looks like, for messages: "a whole number from 1 to 120".
    public var expected: String { describe() }

    public func parse(_ text: String) -> Value? { parser(text) }

    /// More to say about an invalid `text` than `expected` does (TwiML's
    /// `loop="0"`, a forbidden `_` in a host name); nil when nothing.
    public func hint(for text: String) -> String? { explain?(text) }

    /// The same kind, with `hint` explaining some invalid values.
    public func explaining(_ hint: @escaping @Sendable (String) -> String?) -> ValueKind {
        ValueKind(describe: describe, parser: parser, explain: hint, schema: schema)
    }
}

extension ValueKind where Value == Int {
    /// A whole number within `range` (digits only, no sign, no spaces).
    public static func integer(_ range: ClosedRange<Int>, unit: String = "") -> ValueKind {
        let unitText = unit.isEmpty ? "" : " \(unit)"
        return ValueKind(
            expected: "a whole number from \(range.lowerBound) to \(range.upperBound)\(unitText)",
            schema: .integer(range)
        ) { text in
            guard ASCII.isDigits(text, maximumCount: 9), let n = Int(text), range.contains(n) else { return nil }
            return n
        }
    }
}

extension ValueKind where Value == Bool {
    /// `true` or `false`, exactly.
    public static let boolean = ValueKind(expected: "true or false", schema: .choice(["true", "false"])) { text in
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
        ValueKind(
            describedBy: { "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ") },
            schema: .choice(Value.allCases.map(\.rawValue)),
            parse: { Value(rawValue: $0) }
        )
    }
}

extension ValueKind where Value == String {
    /// Plain-text names of the SIP Profile page (barge groups): `^[a-z_0-9]+$`.
    public static let plainName = ValueKind(expected: "lowercase letters, digits and _ only", schema: .pattern("[a-z_0-9]+")) {
        text in
        PlainName.isValid(text) ? text : nil
    }

    /// Context names (`Enter`, `Press context`, `hangupOnStarContext`):
    /// case-sensitive, letters, digits, `_` and `-` (the documentation's
    /// contexts are `A` and `B`).
    public static let contextName = ValueKind(
        expected: "a name of letters, digits, _ and - (case-sensitive)",
        schema: .pattern("[A-Za-z0-9_\\-]+")
    ) { text in
        ContextName.isValid(text) ? text : nil
    }

    /// A caller ID: 1 to 15 digits, optionally after `+` (the
    /// documentation's own example is `callerId="1234"`).
    public static let phoneNumber = ValueKind(
        expected: "a phone number of 1 to 15 digits, optionally after +, such as +441234567890",
        schema: .pattern("\\+?[0-9]{1,15}"),
        parse: { PhoneNumber.isValid($0) ? $0 : nil }
    ).explaining { text in PhoneNumber.compacted(text).map { "write it without separators: \($0)" } }

    /// A URL of the schemes a hand-over may use, or a relative path.
    public static let documentURL = ValueKind(expected: "an http(s):// URL, a file: URL or a relative path") { text in
        URLText.isDocumentReference(text) ? text : nil
    }

    /// A WebSocket URL.
    public static let webSocketURL = ValueKind(expected: "a ws:// or wss:// URL", schema: .pattern("wss?://\\S+")) { text in
        URLText.hasScheme(text, ["ws://", "wss://"]) ? text : nil
    }

    /// Where status callbacks go: an absolute http(s) URL (the scheme in
    /// any case) or one relative to the document's URL, with no `_` in
    /// the host name (the documentation: "underscores aren't allowed").
    public static let callbackURL = ValueKind(
        expected: "an http(s):// URL, or a URL relative to the document's, with no _ in the host name",
        parse: { URLText.isCallbackReference($0) ? $0 : nil }
    ).explaining { text in
        guard let host = URLText.host(of: text), host.contains("_") else { return nil }
        return "the host name '\(host)' has '_', and the documentation says underscores aren't allowed: use '-'"
    }

    /// Any text that is not empty.
    public static let nonEmpty = ValueKind(expected: "a value that is not empty", schema: .pattern(".+")) {
        $0.isEmpty ? nil : $0
    }
}

/// A phone number as `callerId` takes it: an optional `+`, then 1 to 15
/// digits (E.164's longest).
public enum PhoneNumber {
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        let digits = text.utf8.first == 0x2B ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.count <= 15 && digits.allSatisfy(ASCII.isDigit)
    }

    /// `text` without the separators people write inside numbers, when
    /// that is a valid number: for a hint only.
    static func compacted(_ text: String) -> String? {
        let kept = String(text.filter { !" \t-.()/".contains($0) })
        return kept != text && isValid(kept) ? kept : nil
    }
}

/// Context names: letters (either case), digits, `_` and `-`.
public enum ContextName {
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ASCII.isDigit($0) || $0 == 0x5F || $0 == 0x2D
            }
    }
}
