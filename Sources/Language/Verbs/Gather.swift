import Diagnostics
import XMLParsing

/// `<Gather>`: collects DTMF digits, optionally while playing prompts.
public struct Gather: Sendable {
    public enum Prompt: Sendable {
        case say(Say)
        case play(Play)
    }

    /// Where the digits go; without it they are stored in `gather_result`
    /// and the script goes on.
    public let action: Setting<String>?
    /// Default `POST`.
    public let method: Setting<HTTPMethod>
    /// Default false: on timeout without digits, move on instead of
    /// requesting `action`.
    public let actionOnEmptyResult: Setting<Bool>
    /// Stop as soon as this many digits arrived.
    public let numDigits: Setting<Int>?
    /// 1–128, default 1.
    public let minDigits: Setting<Int>
    /// 1–128, default 128.
    public let maxDigits: Setting<Int>
    /// The key that ends input early, not part of the result; default `#`.
    /// Empty means no key finishes input.
    public let finishOnKey: Setting<String>
    /// Seconds to wait for the next digit, 1–120, default 5.
    public let timeout: Setting<Int>
    /// Played while waiting; the first key interrupts them.
    public let prompts: [Prompt]
    public let position: SourcePosition

    public static let digitsKind = ValueKind<Int>.integer(1...128, unit: "digits")
    public static let timeoutKind = ValueKind<Int>.integer(1...120, unit: "seconds")
    public static let finishOnKeyKind = ValueKind<String>(
        expected: "one key of 0-9, * or #, or empty for none",
        schema: .pattern("[0-9*#]?")
    ) { text in
        text.isEmpty || (text.utf8.count == 1 && DTMF.isKeys(text)) ? text : nil
    }
    public static let defaults = (minDigits: 1, maxDigits: 128, finishOnKey: "#", timeout: 5)
}

extension Gather: VerbDefinition, VerbSyntax {
    public static let elementName = "Gather"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = [
        "input", "hints", "language", "speechTimeout", "speechModel", "profanityFilter",
        "partialResultCallback", "partialResultCallbackMethod", "enhanced",
    ]

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let action = attributes.optional(
            "action", .documentURL,
            about:
                "the document that takes over, with the digits sent along; without it the digits are stored in gather_result and the script goes on",
            &checker)
        let method = attributes.value(
            "method", HTTPMethod.choiceKind, default: HTTPMethod.POST, about: "how action is requested", &checker)
        let onEmpty = attributes.value(
            "actionOnEmptyResult", .boolean, default: false, about: "true: request action even when no digit arrived", &checker)
        let numDigits = attributes.optional("numDigits", digitsKind, about: "stop as soon as this many digits arrived", &checker)
        let minDigits = attributes.value(
            "minDigits", digitsKind, default: defaults.minDigits, about: "the fewest digits that count as input", &checker)
        let maxDigits = attributes.value(
            "maxDigits", digitsKind, default: defaults.maxDigits, about: "stop when this many digits arrived", &checker)
        let finishOnKey = attributes.value(
            "finishOnKey", finishOnKeyKind, default: defaults.finishOnKey,
            about: "the key that ends input early; it is not part of the digits", &checker)
        let timeout = attributes.value(
            "timeout", timeoutKind, default: defaults.timeout, about: "seconds to wait for the next digit", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)

        if let min = minDigits.fixedValue, let max = maxDigits.fixedValue, min > max {
            checker.error(
                .invalidValue, "minDigits=\"\(min)\" is more than maxDigits=\"\(max)\" on <Gather>",
                at: element.attribute("minDigits")?.position ?? element.position)
        }
        if let n = numDigits?.fixedValue, let max = maxDigits.fixedValue, n > max {
            checker.error(
                .invalidValue, "numDigits=\"\(n)\" is more than maxDigits=\"\(max)\" on <Gather>",
                at: element.attribute("numDigits")?.position ?? element.position)
        }
        if let n = numDigits?.fixedValue, let min = minDigits.fixedValue, n < min {
            checker.warning(
                .conflictingSettings,
                "numDigits=\"\(n)\" is below minDigits=\"\(min)\" on <Gather>: the platform may stop at \(n) digits or wait for \(min)",
                at: element.attribute("numDigits")?.position ?? element.position,
                hint: "make numDigits at least minDigits, or leave one of them out")
        }
        if action == nil, onEmpty.fixedValue == true {
            checker.warning(
                .noEffect, "actionOnEmptyResult=\"true\" has no effect on <Gather> without action",
                at: element.attribute("actionOnEmptyResult")?.position ?? element.position)
        }

        var prompts: [Prompt] = []
        prompts.reserveCapacity(element.children.count)
        checker.forEachChild(
            of: element, allowing: [Say.elementName, Play.elementName],
            hint: "put words to speak inside <Say>"
        ) { e, checker in
            if e.name == Say.elementName {
                if let say = Say.checkPrompt(e, &checker) { prompts.append(.say(say)) }
            } else if let play = Play.checkPrompt(e, &checker) {
                prompts.append(.play(play))
            }
        }
        return .gather(
            Gather(
                action: action, method: method, actionOnEmptyResult: onEmpty, numDigits: numDigits,
                minDigits: minDigits, maxDigits: maxDigits, finishOnKey: finishOnKey,
                timeout: timeout, prompts: prompts, position: element.position))
    }
}

/// Telephone keys.
public enum DTMF {
    /// The twelve keys: 0-9, * and #.
    public static func isKey(_ byte: UInt8) -> Bool { ASCII.isDigit(byte) || byte == 0x2A || byte == 0x23 }

    /// Whether `text` is one or more keys.
    public static func isKeys<S: StringProtocol>(_ text: S) -> Bool {
        text.withUTF8Bytes { !$0.isEmpty && $0.allSatisfy(isKey) }
    }
}

extension Gather {
    /// How a Gather ends (with `action`, digits hand the call over).
    public enum Outcome {
        public static let digits = VerbOutcome("digits", "the caller entered digits")
        public static let noInput = VerbOutcome("no input", "the timeout passed without a digit")
    }

    public static var possibleOutcomes: [VerbOutcome] { [Outcome.digits, Outcome.noInput] }
    public var outcomes: [VerbOutcome] { Self.possibleOutcomes }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// Settings that contradict each other.
    static let conflictingSettings: DiagnosticCode = "conflicting-settings"
}

extension Gather {
    static let reference = ElementReference(
        summary: "Collects DTMF digits from the caller, optionally while playing prompts (`<Say>`, `<Play>`).",
        run:
            "Plays the prompts; the first key interrupts them. Input ends at `finishOnKey` (not part of the digits), at `numDigits` or `maxDigits` digits, or after `timeout` seconds without a key. With digits and `action`, the call is handed to `action` with the digits; without `action` they are stored in `gather_result` and the script goes on. With no digits, the script goes on, unless `actionOnEmptyResult=\"true\"` and `action` is set. Keys come from the scenario.",
        checks: [
            "`minDigits` or `numDigits` above `maxDigits`: error `invalid-value`.",
            "`numDigits` below `minDigits`: warning `conflicting-settings` (the platform may honour either).",
            "`actionOnEmptyResult=\"true\"` without `action`: warning `no-effect`.",
        ])
}
