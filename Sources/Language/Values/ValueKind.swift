import Diagnostics

/// How the text of an attribute becomes a typed value, and what it must
/// look like. The same parser runs at check time for literal values and at
/// run time for values that come from templates.
///
/// One reference to its rules: a kind travels inside every `Setting` that
/// holds a template, and the typed model of a large script holds many.
public struct ValueKind<Value: Sendable>: Sendable {
    private let rules: ValueRules<Value>

    public init(expected: String, schema: ValueSchema = .text, parse: @escaping @Sendable (String) -> Value?) {
        rules = ClosureRules(describe: { expected }, parser: parse, explain: nil, schema: schema)
    }

    /// For descriptions that cost something to build: made only when a
    /// message needs them, not for every attribute read.
    public init(
        describedBy describe: @escaping @Sendable () -> String, schema: ValueSchema = .text,
        parse: @escaping @Sendable (String) -> Value?
    ) {
        rules = ClosureRules(describe: describe, parser: parse, explain: nil, schema: schema)
    }

    fileprivate init(rules: ValueRules<Value>) { self.rules = rules }

    /// What a valid value looks like, for messages: "a whole number from 1 to 120".
    public var expected: String { rules.expected() }

    /// The valid values as the XML Schema states them (`.text` where a
    /// pattern would only approximate the parser: URLs, audio files).
    public var schema: ValueSchema { rules.schema() }

    public func parse(_ text: String) -> Value? { rules.parse(text) }

    /// More to say about an invalid `text` than `expected` does (TwiML's
    /// `loop="0"`, a forbidden `_` in a host name); nil when nothing.
    public func hint(for text: String) -> String? { rules.hint(text) }

    /// The same kind, with `hint` explaining some invalid values.
    public func explaining(_ hint: @escaping @Sendable (String) -> String?) -> ValueKind {
        let rules = rules
        return ValueKind(
            rules: ClosureRules(
                describe: { rules.expected() }, parser: { rules.parse($0) }, explain: hint, schema: rules.schema()))
    }
}

/// What a `ValueKind` does, as a class so that a kind is one reference; a
/// subclass per way of building one (a class of its own needs no closure
/// contexts).
/// Immutable, hence Sendable.
class ValueRules<Value>: @unchecked Sendable {
    func parse(_ text: String) -> Value? { nil }
    func expected() -> String { "" }
    func hint(_ text: String) -> String? { nil }
    func schema() -> ValueSchema { .text }
}

private final class ClosureRules<Value: Sendable>: ValueRules<Value>, @unchecked Sendable {
    private let describe: @Sendable () -> String
    private let parser: @Sendable (String) -> Value?
    private let explain: (@Sendable (String) -> String?)?
    private let fixedSchema: ValueSchema

    init(
        describe: @escaping @Sendable () -> String, parser: @escaping @Sendable (String) -> Value?,
        explain: (@Sendable (String) -> String?)?, schema: ValueSchema
    ) {
        self.describe = describe
        self.parser = parser
        self.explain = explain
        self.fixedSchema = schema
    }

    override func parse(_ text: String) -> Value? { parser(text) }
    override func expected() -> String { describe() }
    override func hint(_ text: String) -> String? { explain?(text) }
    override func schema() -> ValueSchema { fixedSchema }
}

/// A few short words, a text found among them without hashing it: the
/// words of a choice (`ValueKind.choice`), read for every attribute that
/// takes one. Not generic, so finding a word asks the runtime nothing.
struct ChoiceWords: Sendable {
    let words: [String]
    /// Each word's bytes packed into one integer, the first byte lowest,
    /// when every word is 1 to 8 ASCII bytes and none is NUL (empty
    /// otherwise): then texts and words of such bytes are equal exactly
    /// when their integers are, as ASCII strings are canonically
    /// equivalent only when identical.
    private let keys: [UInt64]

    init(_ words: [String]) {
        self.words = words
        let keys = words.compactMap { $0.withUTF8Bytes(Self.key) }
        self.keys = keys.count == words.count ? keys : []
    }

    /// The index of the word `text` is, comparing as Strings compare (by
    /// canonical equivalence, as `init(rawValue:)` does: "\u{212A}", KELVIN
    /// SIGN, is "K").
    func index(of text: String) -> Int? {
        if !keys.isEmpty, let key = text.withUTF8Bytes(Self.key) { return keys.firstIndex(of: key) }
        return words.firstIndex(of: text)
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count >= 1, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            guard byte != 0, byte < 0x80 else { return nil }
            key |= UInt64(byte) &<< (8 * index)
        }
        return key
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
    ///
    /// Its rules are closures made here, for this enumeration: a class
    /// generic over `RawRepresentable & CaseIterable` values had the runtime
    /// look both conformances up for each choice type, a scan of every
    /// conformance record of the binary each. The words are matched by
    /// `ChoiceWords`, not `init(rawValue:)`, which for a long enumeration
    /// (`Dial.RingTone`) hashes the text into a `[String: Int]` it builds
    /// on first use.
    public static var choice: ValueKind {
        let cases = Array(Value.allCases)
        let words = ChoiceWords(cases.map(\.rawValue))
        return ValueKind(
            describedBy: { "one of " + words.words.joined(separator: ", ") }, schema: .choice(words.words),
            parse: { text in words.index(of: text).map { cases[$0] } })
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
        text.withUTF8Bytes { bytes in
            let digits = bytes.first == 0x2B ? bytes.dropFirst() : bytes[...]
            return !digits.isEmpty && digits.count <= 15 && digits.allSatisfy(ASCII.isDigit)
        }
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
        text.withUTF8Bytes { bytes in
            !bytes.isEmpty
                && bytes.allSatisfy {
                    ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ASCII.isDigit($0) || $0 == 0x5F || $0 == 0x2D
                }
        }
    }
}

extension ValueKind {
    /// Words separated by spaces (one or more), each one of `Word`'s raw
    /// values, at least one (`statusCallbackEvent="ringing answered"`).
    ///
    /// By byte: splitting on the space byte and on the space Character
    /// differ only where a space is followed by a combining mark, and then
    /// either way a word is not ASCII, which no raw value is, so the text
    /// is invalid either way (`SpaceSeparatedWordsTests`).
    ///
    /// Each word is compared with the spellings in place (making a String of it and asking
    /// `init(rawValue:)`, which hashes it, cost most of a Client's events).
    /// A word with a byte beyond ASCII is still asked of `init(rawValue:)`,
    /// which compares by canonical equivalence.
    public static func spaceSeparated<Word: RawRepresentable & CaseIterable & Sendable>(
        expected: String, schema: ValueSchema
    ) -> ValueKind where Value == [Word], Word.RawValue == String {
        let spellings = Word.allCases.map { (bytes: Array($0.rawValue.utf8), word: $0) }
        return ValueKind(expected: expected, schema: schema) { text in
            text.withUTF8Bytes { bytes in
                var words: [Word] = []
                var start = 0
                while start < bytes.count {
                    guard bytes[start] != 0x20 else {
                        start += 1
                        continue
                    }
                    var end = start
                    var isASCII = true
                    while end < bytes.count, bytes[end] != 0x20 {
                        if bytes[end] >= 0x80 { isASCII = false }
                        end += 1
                    }
                    let spelling = bytes[start..<end]
                    let word =
                        isASCII
                        ? spellings.first(where: { $0.bytes.elementsEqual(spelling) })?.word
                        : Word(rawValue: String(decoding: spelling, as: UTF8.self))
                    guard let word else { return nil }
                    words.append(word)
                    start = end
                }
                return words.isEmpty ? nil : words
            }
        }
    }
}
