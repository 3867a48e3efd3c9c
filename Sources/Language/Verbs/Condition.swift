import Diagnostics
import XMLParsing

/// `<Condition …tests…>verbs</Condition>`: runs its verbs only when every
/// test holds. Tests: `field` + `expression` (a regular expression the
/// expanded field must match anywhere in it, as FreeSWITCH's PCRE does), and
/// the time tests of `TimeTest`.
public struct Condition: Sendable {
    public struct FieldMatch: Sendable {
        public let field: Template
        /// A regular expression, checked to compile when the script is read.
        public let expression: String
    }

    public struct NamedTimeTest: Sendable {
        /// The attribute as written (`mon`, `time-of-day`, `time`, …).
        public let attribute: String
        public let test: TimeTest
    }

    public let match: FieldMatch?
    public let timeTests: [NamedTimeTest]
    public let verbs: [Verb]
    public let position: SourcePosition

    /// Every time-test attribute; `time` and `date_time` are aliases
    /// (Decision in language.md: the documentation uses both spellings).
    static let timeTests: [(name: String, about: String)] =
        TimeField.allCases.map { ($0.rawValue, $0.meaning) } + [
            ("sunmontuewedthufrisat", "the day of the week, as wday (the documentation's garbled name for it)"),
            ("time-of-day", "the time of day: the start included, the end not"),
            ("date-time", "the date and time, both ends included"),
            ("time", "read as time-of-day"),
            ("date_time", "read as date-time"),
        ]
    public static let timeAttributes = timeTests.map(\.name)
    /// Each alias and the attribute it is read as. A list, not a
    /// dictionary: making a `[String: String]` had the runtime look up
    /// `String: Hashable`, which can scan every conformance record of the
    /// binary, for the first `<Condition>` of a script.
    static let aliases: [(alias: String, name: String)] = [("time", "time-of-day"), ("date_time", "date-time")]

    /// The attribute `name` is read as, when it is an alias.
    static func canonicalName(of name: String) -> String? { aliases.first { $0.alias == name }?.name }
}

extension Condition: VerbDefinition, VerbSyntax {
    public static let elementName = "Condition"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let field = attributes.template("field", about: "the value to test, a template such as ${gather_result}", &checker)
        let expression = attributes.literal(
            "expression", .nonEmpty,
            about: "a regular expression the expanded field must match, anywhere in it (as FreeSWITCH matches)",
            &checker)
        var tests: [NamedTimeTest] = []
        // The aliases as a dictionary only for a recording (the reference), the one reader of it.
        let aliasOf = checker.recording == nil ? [:] : Dictionary(uniqueKeysWithValues: aliases.map { ($0.alias, $0.name) })
        let timeTestAttributes = attributes.raw(timeTests, expected: Self.expected(of:), aliasOf: aliasOf, &checker)
        tests.reserveCapacity(timeTestAttributes.count)
        for attribute in timeTestAttributes {
            let name = attribute.name
            let text = attribute.value
            if let canonical = canonicalName(of: name), element.attributeIndex(canonical) != nil {
                checker.error(
                    .duplicateAttribute, "<Condition> has both \(name) and \(canonical), which mean the same",
                    at: attribute.position)
                continue
            }
            switch TimeTestParser.parse(attribute: name, value: text) {
            case .success(let test):
                // Asked before `test` moves into the list: asked after, the whole Result
                // was copied, through its metadata, which the runtime built by looking up
                // `TimeTestParser.Failure: Error` (a scan of every conformance record).
                let isReversed = test.hasReversedRange
                tests.append(NamedTimeTest(attribute: name, test: test))
                if isReversed, let reversed = ReversedRange.find(attribute: name, value: text) {
                    warn(reversed, of: attribute, &checker)
                }
            case .failure(let failure):
                checker.error(
                    .invalidValue, "\(name)=\"\(text)\" is not valid on <Condition>: expected \(failure.expected)",
                    at: attribute.position, hint: failure.hint)
            }
        }
        // Decision (language.md): an unknown attribute on Condition is an
        // error, since a misspelt test would make the condition always true.
        attributes.finish(&checker, asErrors: true)

        var match: FieldMatch?
        switch (field, expression) {
        case (let field?, let expression?):
            if !checker.isValidRegularExpression(expression) {
                checker.error(
                    .invalidValue, "expression \(Checker.quote(expression)) on <Condition> is not a valid regular expression",
                    at: element.attribute("expression")?.position)
            } else if let anchored = UnanchoredExpression.anchored(expression) {
                checker.warning(
                    .unanchoredExpression,
                    "expression \(Checker.quote(expression)) on <Condition> has no ^ or $: FreeSWITCH matches it anywhere "
                        + "in the value, so any value containing \(UnanchoredExpression.alternatives(expression)) matches",
                    at: element.attribute("expression")?.position,
                    hint: "to match the whole value, write expression=\"\(anchored)\"")
            }
            match = FieldMatch(field: field, expression: expression)
        case (.some, nil):
            checker.error(
                .missingAttribute, "<Condition> has field but no expression to match it against",
                at: element.position, hint: "add expression=\"…\"")
        case (nil, .some):
            checker.error(
                .missingAttribute, "<Condition> has expression but no field to match",
                at: element.position, hint: "add field=\"${variable}\"")
        case (nil, nil):
            if tests.isEmpty, element.attributes.isEmpty {
                checker.warning(.noEffect, "<Condition> has no test, so its verbs always run", at: element.position)
            }
        }
        let verbs = VerbList.check(element, in: .condition, &checker)
        return .condition(Condition(match: match, timeTests: tests, verbs: verbs, position: element.position))
    }

    /// What a time test takes, in the words of its own error message.
    private static func expected(of attribute: String) -> String {
        if case .failure(let failure) = TimeTestParser.parse(attribute: attribute, value: "") { return failure.expected }
        return "a time test"
    }

    /// A range ending below its start: what it does here and on the
    /// platform, and the spelling that means the same everywhere.
    private static func warn(_ reversed: ReversedRange, of attribute: Attribute, _ checker: inout Checker) {
        let written = "\(attribute.name)=\"\(attribute.value)\""
        let one = reversed.ranges.count == 1
        let subject =
            reversed.ranges == [String(attribute.value.trimmed)]
            ? written
            : "\(one ? "the range" : "the ranges") \(reversed.ranges.joined(separator: ", ")) in \(written)"
        let (ends, it, matches) = one ? ("ends", "it", "matches") : ("end", "they", "match")
        let message =
            reversed.isDateTime
            ? "\(subject) \(ends) before \(it) \(one ? "starts" : "start"), so \(it) never \(one ? "matches" : "match")"
            : "\(subject) \(ends) below \(one ? "its" : "their") start, so \(it) never \(matches) as connexml runs \(one ? "it" : "them"): "
                + "ranges do not wrap around (newer FreeSWITCH releases do wrap them)"
        checker.warning(
            .reversedRange, message, at: attribute.position,
            hint: "write \(attribute.name)=\"\(reversed.safeValue)\"")
    }
}

extension Condition {
    /// Whether its verbs run.
    public enum Outcome {
        public static let holds = VerbOutcome("true", "every test holds: its verbs run")
        public static let fails = VerbOutcome("false", "a test fails: the script goes on after it")
    }

    public static var possibleOutcomes: [VerbOutcome] { [Outcome.holds, Outcome.fails] }
    public var outcomes: [VerbOutcome] { Self.possibleOutcomes }
    public var nestedVerbs: [Verb] { verbs }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A time range that ends below its start.
    static let reversedRange: DiagnosticCode = "reversed-range"
    /// An expression of plain text without `^` or `$`.
    static let unanchoredExpression: DiagnosticCode = "unanchored-expression"
}

extension Condition {
    static let reference = ElementReference(
        summary:
            "Runs its verbs only when every test on it holds: a field matched against a regular expression, and time tests on the call's clock.",
        run:
            "Tests `field` against `expression` (a regular-expression search, so `1` matches `21`) and each time test on the call's clock in its time zone, the FreeSWITCH way. A time test takes a value, a range `lo-hi` (both ends included) or a comma-separated list; a range whose end is below its start never matches. When every test holds its verbs run, then the script goes on after it.",
        checks: [
            "An unknown attribute: an error, not a warning (a misspelt test would make the condition always true).",
            "`field` without `expression` or the reverse: error `missing-attribute`; an expression that does not compile: error `invalid-value`.",
            "An expression of plain text without `^` or `$`: warning `unanchored-expression`.",
            "A range ending below its start: warning `reversed-range`; an alias and its name together: error `duplicate-attribute`.",
            "No test at all: warning `no-effect`.",
        ])
}
