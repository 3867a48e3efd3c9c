import Diagnostics
import TestSupport
import Testing

@testable import Language

/// The value parsers that read bytes give the answers the Character
/// readings they replaced gave (kept below, as they were, as the oracles):
/// on the documentation's values, on mutations of them, and on random
/// text with the characters where bytes and Characters part ways
/// (`\r\n`, combining marks after a separator, non-ASCII letters that
/// lowercase to ASCII, Arabic digits).
@Suite struct ByteParserEquivalenceTests {
    static let timeAttributes = Condition.timeAttributes

    static let seeds = [
        "2-6", "1", "7", "0", "8", "mon-fri", "MON-Fri", "sat,sun", "sun-sat", "monday", "6-2", "fri-mon",
        "09:00-17:30", "9:00-17:00", "22:00-06:00", "00:00-24:00", "24:00-24:00", "08:00:00-12:30:59", "12:00",
        "1,3,5-7", " 1 - 3 , 5 ", "2024", "1999-2024", "2024-1999", "12-1", "0-23", "23-0", "1440", "1-1440",
        "2024-01-01 10:00~2024-01-02 10:00", "2024-02-29 00:00~2024-03-01 00:00:00", "2025-01-01 00:00~2024-01-01 00:00",
        "2024-01-01 10:00**~**2024-01-02 10:00", "", ",", "-", "1,", "1--2", "1-2-3", "10:0-11:00", "1:00:00:00-2:00",
    ]

    static let alphabet: [String] = [
        "0", "1", "2", "3", "5", "6", "7", "9", ",", "-", ":", "~", " ", "\t", "\n", "\r\n", "s", "u", "n", "m",
        "o", "t", "e", "w", "d", "h", "f", "r", "i", "a", "S", "M", "O", "N", "K", "\u{212A}", "\u{0130}",
        "\u{0301}", "é", "\u{0663}", "*",
    ]

    static func randomText(_ random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<(random.next(below: 12) + 1) { text += alphabet[random.next(below: alphabet.count)] }
        return text
    }

    /// A seed with a piece replaced, inserted or removed.
    static func mutated(_ random: inout SeededRandom) -> String {
        var characters = Array(seeds[random.next(below: seeds.count)])
        for _ in 0..<(random.next(below: 3) + 1) {
            let piece = Array(alphabet[random.next(below: alphabet.count)])
            let at = random.next(below: characters.count + 1)
            switch random.next(below: 3) {
            case 0: characters.insert(contentsOf: piece, at: at)
            case 1 where at < characters.count: characters.replaceSubrange(at...at, with: piece)
            default: if at < characters.count { characters.remove(at: at) }
            }
        }
        return String(characters)
    }

    static func values(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(default: seed)
        return seeds + boundaries + (0..<count).map { round in round % 2 == 0 ? mutated(&random) : randomText(&random) }
    }

    /// Every edge a reading could draw differently: times around each
    /// limit, alone and in ranges; numbers around every field's bounds;
    /// day numbers and names in any case.
    static let boundaries: [String] = {
        let times = [
            "0:00", "9:00", "09:00", "23:59", "24:00", "24:01", "24:00:00", "24:00:01", "12:59", "12:60", "12:5", "12:005",
            "1:00:59", "1:00:60", "1:00:5", "25:00", "100:00", "00:00:00", "12:30:", ":30", "12:", "1 2:00", "12:3 0",
        ]
        let numbers =
            (0...61).map(String.init) + ["99", "100", "365", "366", "367", "1439", "1440", "1441", "9999", "10000", "00", "007"]
        let days = ["sun", "Mon", "TUE", "wEd", "thu", "fri", "sat", "sunday", "mo", "0", "1", "7", "8", "01"]
        var values = times + numbers + days
        for a in times { for b in times { values.append("\(a)-\(b)") } }
        for a in numbers {
            for b in ["0", "1", "6", "7", "12", "23", "31", "53", "59", "366", "1440", "9999"] { values.append("\(a)-\(b)") }
        }
        for a in days { for b in days { values.append("\(a)-\(b)") } }
        return values
    }()

    static func same(_ a: Result<TimeTest, TimeTestParser.Failure>, _ b: Result<TimeTest, TimeTestParser.Failure>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): x == y
        case (.failure(let x), .failure(let y)): x.expected == y.expected && x.hint == y.hint
        default: false
        }
    }

    @Test func timeTestsReadAsTheCharacterReadingDid() {
        for value in Self.values(20_000, seed: 20_261_130) {
            for attribute in Self.timeAttributes {
                let bytes = TimeTestParser.parse(attribute: attribute, value: value)
                let characters = CharacterTimeTestParser.parse(attribute: attribute, value: value)
                #expect(Self.same(bytes, characters), "\(attribute)=\"\(value)\"")
                // A reversed range is looked for only when the test says it has one.
                if case .success(let test) = bytes {
                    #expect(
                        test.hasReversedRange == (ReversedRange.find(attribute: attribute, value: value) != nil),
                        "\(attribute)=\"\(value)\"")
                }
            }
        }
    }

    @Test func endsOfRangesReadAsTheCharacterReadingDid() {
        for value in Self.values(5_000, seed: 20_261_131) {
            for attribute in Self.timeAttributes {
                let bytes = TimeTestParser.endParser(for: attribute)
                let characters = CharacterTimeTestParser.endParser(for: attribute)
                #expect((bytes == nil) == (characters == nil))
                if let bytes, let characters { #expect(bytes(value) == characters(value), "\(attribute): \(value)") }
            }
            #expect(TimeTestParser.secondsOfDay(value) == CharacterTimeTestParser.secondsOfDay(value), "\(value)")
        }
    }

    @Test func expressionsAnchoredAsTheCharacterReadingDid() {
        let seeds = ["1", "^1$", "busy|no-answer", "(a|b)", "()", "(x)", "a||b", "|", "x.y", "sales team", "é", "a|\u{0301}b"]
        let alphabet = Array("ab1_- #@:/=,%'\"|()^$.*é\u{0301}[")
        var random = SeededRandom(default: 20_261_132)
        var expressions = seeds
        for _ in 0..<20_000 {
            expressions.append(
                String((0..<(random.next(below: 8) + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }))
        }
        for expression in expressions {
            #expect(
                UnanchoredExpression.anchored(expression) == CharacterUnanchoredExpression.anchored(expression), "\(expression)")
        }
    }

    @Test func audioReferencesClassifiedAsTheCharacterReadingDid() {
        let seeds = [
            "ivr/menu-0.wav", "user/a.wav", "greeting.wav", "/audio/a.wav", "./a.wav", "../a.wav", "ivr/", "/", "//", "a//b",
            "https://cdn.example/a.wav", "ftp://x/a.wav", "./", "../", ".", "..", "a/.", "é/x.wav", "a/\u{0301}b", ".\u{0301}/x",
        ]
        let alphabet = Array("ab./:h\u{0301}é \r\n")
        var random = SeededRandom(default: 20_261_133)
        var texts = seeds
        for _ in 0..<20_000 {
            texts.append(String((0..<(random.next(below: 8) + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }))
        }
        for text in texts {
            #expect(AudioReference(classifying: text) == Self.characterAudioReference(text), "\(text)")
        }
    }

    /// `AudioReference(classifying:)` as it was, by Characters.
    static func characterAudioReference(_ text: String) -> AudioReference? {
        guard !text.isEmpty, !text.utf8.contains(where: ASCII.isSpace) else { return nil }
        if URLText.scheme(of: text) != nil { return URLText.isWeb(text) ? .remote : nil }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let folder = segments.first, let name = segments.last, segments.count > 1,
            !folder.isEmpty, folder != ".", folder != ".."
        else { return .relativeURL }
        return name.isEmpty ? nil : .sound
    }
}

extension ByteParserEquivalenceTests {
    /// Templates read by byte (ASCII without a carriage return) or by
    /// Character, by one generic reading, as the Character reading did.
    @Test func templatesReadAsTheCharacterReadingDid() {
        let seeds = [
            "${gather_result}", "{{ From }}", "Hi {{ name }}!", "{{ substring Extension 5 }}", "x{{ substring From 0 3 }}y",
            "cost: $5 {braces}", "${ a.b-c }", "{{}}", "{{ }}", "${}", "${", "{{ a", "{{ a b }}", "{{ substring a -1 }}",
            "{{ substring a 1 2 3 }}", "{{\ta\n}}", "{{a\r\nb}}", "{{ é }}", "${é}", "{\u{301}{ a }}", "${\u{301}a}",
            "a}}b{{c}}", "$${a}", "{{{a}}}",
        ]
        let alphabet = [
            "{", "}", "$", " ", "\t", "\n", "\r\n", "\r", "a", "B", "_", "1", "0", "substring", "-", ".", "é", "\u{301}",
            "x y",
        ]
        var random = SeededRandom(default: 20_261_134)
        var texts = seeds
        for round in 0..<30_000 {
            var text = round % 3 == 0 ? seeds[random.next(below: seeds.count)] : ""
            for _ in 0..<(random.next(below: 10) + 1) {
                let piece = alphabet[random.next(below: alphabet.count)]
                let at = text.index(text.startIndex, offsetBy: random.next(below: text.count + 1))
                text.insert(contentsOf: piece, at: at)
            }
            texts.append(text)
        }
        for text in texts {
            let bytes = Template.parse(text)
            let characters = CharacterTemplateParser.parse(text)
            #expect(bytes == characters, "\(text.debugDescription)")
        }
    }
}

extension ByteParserEquivalenceTests {
    /// Transfer targets of printable ASCII are judged by their bytes: the
    /// same answer as asking each scalar's Unicode properties.
    @Test func transferTargetsJudgedAsByTheirScalars() {
        func byScalars(_ text: String) -> Bool {
            !text.isEmpty
                && text.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
        }
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["", "test4", "1000", "a b", "\u{85}", "\u{A0}x", "é"]
        var random = SeededRandom(default: 20_261_136)
        for _ in 0..<5_000 {
            texts.append(
                String((0..<(random.next(below: 6) + 1)).map { _ in Character(UnicodeScalar(UInt8(random.next(below: 128)))) }))
        }
        for text in texts { #expect(TransferTarget.isValid(text) == byScalars(text), "\(text.debugDescription)") }
    }
}

// The Character readings as they were before they read bytes: oracles only.

/// Reads the value of one time-test attribute. Returns the test, or what a
/// valid value looks like (for the diagnostic) and an optional hint.
enum CharacterTimeTestParser {
    typealias Failure = TimeTestParser.Failure

    typealias Expected = () -> String

    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func parse(attribute: String, value: String) -> Result<TimeTest, Failure> {
        switch attribute {
        case "wday", "sunmontuewedthufrisat":
            // One test under two names: the documentation's table shows
            // FreeSWITCH's `wday` row garbled into `sunmontuewedthufrisat`.
            return ranges(
                value, expected: { "days 1–7 (Sunday = 1) or sun…sat, as a value, a range (mon-fri) or a list" },
                parse: dayOfWeek
            )
            .mapError { failure in Failure(expected: failure.expected, hint: dayNameHint(value)) }
            .map { .field(.wday, $0.map { ValueRange($0.low, $0.high) }) }
        case "time-of-day", "time":
            return ranges(
                value, expected: { "h:mm-h:mm or h:mm:ss-h:mm:ss, or a list of them" }, requireRange: true, parse: secondsOfDay
            )
            .map { .timeOfDay($0.map { TimeOfDayRange($0.low, $0.high) }) }
        case "date-time", "date_time":
            return dateTimes(value).map { .dateTime($0) }
        default:
            guard let field = TimeField(rawValue: attribute) else {
                return .failure(Failure(expected: "a known test"))
            }
            let bounds = field.bounds
            return ranges(
                value,
                expected: {
                    "whole numbers from \(bounds.lowerBound) to \(bounds.upperBound), as a value, a range lo-hi, or a list"
                },
                parse: number(in: bounds)
            )
            .map { .field(field, $0.map { ValueRange($0.low, $0.high) }) }
        }
    }

    /// How to read one end of a range of `attribute` (nil for date-time,
    /// whose ends are moments).
    static func endParser(for attribute: String) -> ((String) -> Int?)? {
        switch attribute {
        case "wday", "sunmontuewedthufrisat": dayOfWeek
        case "time-of-day", "time": secondsOfDay
        default: TimeField(rawValue: attribute).map { number(in: $0.bounds) }
        }
    }

    /// `a,b-c,…` where each end is read by `parse`.
    private static func ranges(
        _ value: String, expected: Expected, requireRange: Bool = false,
        parse: (String) -> Int?
    ) -> Result<[(low: Int, high: Int)], Failure> {
        var result: [(low: Int, high: Int)] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { String($0.trimmed) }
            guard ends.count == 1 && !requireRange || ends.count == 2,
                let low = parse(ends[0]), let high = parse(ends[ends.count - 1])
            else { return .failure(Failure(expected: expected())) }
            result.append((low, high))
        }
        return .success(result)
    }

    private static func number(in bounds: ClosedRange<Int>) -> (String) -> Int? {
        { text in
            guard ASCII.isDigits(text, maximumCount: 4), let n = Int(text), bounds.contains(n) else { return nil }
            return n
        }
    }

    /// `1`…`7` (one digit, as switch_dow_cmp reads them) or a day name in
    /// any case (switch_dow_str2int compares with strncasecmp).
    private static func dayOfWeek(_ text: String) -> Int? {
        if text.utf8.count == 1, let digit = Int(text), (1...7).contains(digit) { return digit }
        return dayNames.firstIndex(of: text.lowercased()).map { $0 + 1 }
    }

    /// `monday` → "write 'mon'": FreeSWITCH reads three letters only.
    private static func dayNameHint(_ value: String) -> String? {
        for word in value.split(whereSeparator: { $0 == "," || $0 == "-" }) {
            let lower = word.trimmed.lowercased()
            if lower.count > 3, let name = dayNames.first(where: { lower.hasPrefix($0) }) {
                return "day names are three letters: write '\(name)'"
            }
        }
        return nil
    }

    /// `h:mm` or `h:mm:ss` (one or two digits for the hour, as the
    /// documentation's `9:00-17:00` writes it) as seconds since midnight.
    /// `24:00` is the end of the day.
    static func secondsOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            ASCII.isDigits(parts[0], maximumCount: 2), let h = Int(parts[0]),
            parts[1].utf8.count == 2, ASCII.isDigits(parts[1]), let m = Int(parts[1]), m <= 59
        else { return nil }
        var s = 0
        if parts.count == 3 {
            guard parts[2].utf8.count == 2, ASCII.isDigits(parts[2]), let seconds = Int(parts[2]), seconds <= 59 else {
                return nil
            }
            s = seconds
        }
        guard h <= 23 || (h == 24 && m == 0 && s == 0) else { return nil }
        return h * 3600 + m * 60 + s
    }

    static let dateTimeExpected = "YYYY-MM-DD hh:mm[:ss]~YYYY-MM-DD hh:mm[:ss]"

    private static func dateTimes(_ value: String) -> Result<[DateTimeRange], Failure> {
        if value.contains("**") {
            return .failure(
                Failure(
                    expected: dateTimeExpected,
                    hint: "'**~**' is a formatting slip in the documentation: write a plain '~' between the two moments"))
        }
        var result: [DateTimeRange] = []
        for item in value.split(separator: ",") {
            guard let (start, end) = moments(item) else { return .failure(Failure(expected: dateTimeExpected)) }
            result.append(DateTimeRange(start: start, end: end))
        }
        return result.isEmpty ? .failure(Failure(expected: dateTimeExpected)) : .success(result)
    }

    /// `start~end` of one date-time item.
    static func moments<S: StringProtocol>(_ item: S) -> (LocalDateTime, LocalDateTime)? {
        let ends = item.split(separator: "~", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = moment(ends[0].trimmed), let end = moment(ends[1].trimmed) else { return nil }
        return (start, end)
    }

    /// `YYYY-MM-DD hh:mm[:ss]`.
    private static func moment<S: StringProtocol>(_ text: S) -> LocalDateTime? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 2 else { return nil }
        let date = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
            let y = Int(date[0]), let mo = Int(date[1]), let d = Int(date[2]),
            (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d),
            let seconds = secondsOfDay(String(halves[1])), seconds < 86400
        else { return nil }
        return LocalDateTime(year: y, month: mo, day: d, hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// An `expression` that is plain text without anchors (`1`, `busy|no-answer`).
/// FreeSWITCH matches `expression` with PCRE anywhere in the field's value,
/// so `1` also matches `21`; a script that means "the caller pressed 1"
/// wants `^1$`. Anything with another regular-expression character was
/// written as a pattern on purpose and is left alone.
enum CharacterUnanchoredExpression {
    /// The anchored spelling of a bare literal expression, or nil.
    static func anchored(_ expression: String) -> String? {
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

    /// Characters that stand for themselves in PCRE and ICU alike outside a
    /// character class (no `.`, `*`, `+`, `?`, `^`, `$`, `\`, brackets).
    private static func isPlain(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "_- #@:/=,%'\"".unicodeScalars.contains(c))
    }
}

/// `Template.parse` as it was, by Characters only.
enum CharacterTemplateParser {
    typealias Part = Template.Part
    /// Reads `text` into a template. Lone `{`, `}` or `$` are plain text.
    static func parse(_ text: String) -> Result<Template, TemplateError> {
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
