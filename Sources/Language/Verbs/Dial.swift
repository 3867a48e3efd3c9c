import Diagnostics
import XMLParsing

/// `<Dial>`: connects the call to another party. The destination is the
/// element's text (a number) or a noun; of several nouns (TwiML rings them
/// at once, the documentation shows one per Dial) the first is dialled.
/// Dial ends, and the script goes on, when the party does not answer, is
/// busy, the number is invalid, the connected call ends, or policy denies it.
public struct Dial: Sendable {
    public enum Destination: Sendable {
        case number(Number)
        case client(Client)
        case queue(QueueNoun)
        case conference(Conference)
        case voicemail(Voicemail)
        case barge(Barge)
        case llmAgent(LLMAgent)
    }

    /// The attributes, in one object: a step of the engine copies a Dial
    /// (out of its `Verb`) for every call, and copying one reference costs
    /// one retain where copying every setting cost a dozen.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let destination: Destination
        @usableFromInline let ignoredDestinations: [SourcePosition]
        @usableFromInline let callerId: Setting<String>?
        @usableFromInline let fromDisplayName: Setting<String>?
        @usableFromInline let hangupOnStar: Setting<Bool>
        @usableFromInline let hangupOnStarContext: Setting<String>?
        @usableFromInline let ringTone: Setting<RingTone>
        @usableFromInline let timeout: Setting<Int>
        @usableFromInline let position: SourcePosition

        init(
            destination: Destination, ignoredDestinations: [SourcePosition], callerId: Setting<String>?,
            fromDisplayName: Setting<String>?, hangupOnStar: Setting<Bool>, hangupOnStarContext: Setting<String>?,
            ringTone: Setting<RingTone>, timeout: Setting<Int>, position: SourcePosition
        ) {
            self.destination = destination
            self.ignoredDestinations = ignoredDestinations
            self.callerId = callerId
            self.fromDisplayName = fromDisplayName
            self.hangupOnStar = hangupOnStar
            self.hangupOnStarContext = hangupOnStarContext
            self.ringTone = ringTone
            self.timeout = timeout
            self.position = position
        }
    }

    @usableFromInline let storage: Storage

    init(
        destination: Destination, ignoredDestinations: [SourcePosition], callerId: Setting<String>?,
        fromDisplayName: Setting<String>?, hangupOnStar: Setting<Bool>, hangupOnStarContext: Setting<String>?,
        ringTone: Setting<RingTone>, timeout: Setting<Int>, position: SourcePosition
    ) {
        storage = Storage(
            destination: destination, ignoredDestinations: ignoredDestinations, callerId: callerId,
            fromDisplayName: fromDisplayName, hangupOnStar: hangupOnStar, hangupOnStarContext: hangupOnStarContext,
            ringTone: ringTone, timeout: timeout, position: position)
    }

    // Read in place (`_read`): a step reads them without copying them.
    @inlinable public var destination: Destination { _read { yield storage.destination } }
    /// The nouns after the first, which are not dialled (a warning in
    /// `check`; `run` says so).
    @inlinable public var ignoredDestinations: [SourcePosition] { _read { yield storage.ignoredDestinations } }
    /// The caller ID shown to the callee: 1 to 15 digits, optionally after `+`.
    @inlinable public var callerId: Setting<String>? { _read { yield storage.callerId } }
    /// At most 128 letters, digits, spaces and `-_~!.+`; defaults to callerId.
    @inlinable public var fromDisplayName: Setting<String>? { _read { yield storage.fromDisplayName } }
    /// Default false: `*` from the caller hangs up the callee.
    @inlinable public var hangupOnStar: Setting<Bool> { _read { yield storage.hangupOnStar } }
    /// `*` hangs up only while the call is in this context.
    @inlinable public var hangupOnStarContext: Setting<String>? { _read { yield storage.hangupOnStarContext } }
    /// Ringback tone country; default `us`.
    @inlinable public var ringTone: Setting<RingTone> { _read { yield storage.ringTone } }
    /// Seconds to wait for an answer, 1–600, default 30 (TwiML's).
    @inlinable public var timeout: Setting<Int> { _read { yield storage.timeout } }
    @inlinable public var position: SourcePosition { storage.position }

    public static let timeoutKind = ValueKind<Int>.integer(1...600, unit: "seconds")
    public static let defaultTimeout = 30
    public static let displayNameKind = ValueKind<String>(
        expected: "at most 128 letters, digits, spaces and -_~!.+", schema: .pattern("[\\p{L}\\p{N} \\-_~!.+]{0,128}")
    ) { text in
        text.count <= 128 && text.allSatisfy { $0.isLetter || $0.isNumber || " -_~!.+".contains($0) } ? text : nil
    }

    public enum RingTone: String, Sendable, CaseIterable {
        case at, au, bg, br, be, ch, cl, cn, cz, de, dk, ee, es, fi, fr, gr, hu, il, `in`, it, lt, jp, mx, my,
            nl, no, nz, ph, pl, pt, ru, se, sg, th, uk, us
        case usOld = "us-old"
        case tw, ve, za
    }
}

extension Dial: VerbDefinition, VerbSyntax {
    public static let elementName = "Dial"

    /// TwiML's attributes of `<Dial>`, ignored here. Made once: as a
    /// literal in `check`, the list was built and destroyed for every Dial.
    static let twimlAttributes = [
        "action", "method", "record", "recordingStatusCallback", "timeLimit", "answerOnBridge",
        "trim", "sequential", "referUrl", "recordingTrack",
    ]

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let callerId = attributes.optional("callerId", .phoneNumber, about: "the caller ID shown to the callee", &checker)
        let fromDisplayName = attributes.optional(
            "fromDisplayName", displayNameKind, about: "the name shown to the callee; the callerId number when absent", &checker)
        let hangupOnStar = attributes.value(
            "hangupOnStar", .boolean, default: false,
            about: "true: the caller pressing * hangs up the callee and the script goes on", &checker)
        let starContext = attributes.optional(
            "hangupOnStarContext", .contextName, about: "* hangs up only while the call is in this context (see Enter)", &checker)
        let ringTone = attributes.value(
            "ringTone", RingTone.choiceKind, default: RingTone.us, about: "the country whose ringback tone the caller hears",
            &checker)
        let timeout = attributes.value(
            "timeout", timeoutKind, default: defaultTimeout, about: "seconds to wait for an answer (TwiML's default)", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)

        if let context = element.attributeValue("hangupOnStarContext"), hangupOnStar.fixedValue == false {
            checker.warning(
                .noEffect, "hangupOnStarContext has no effect on <Dial> without hangupOnStar=\"true\"",
                at: context.position, hint: "add hangupOnStar=\"true\", or remove hangupOnStarContext")
        }
        guard let (destination, ignored) = checkDestination(element, &checker) else { return nil }
        if case .conference = destination, hangupOnStar.fixedValue == true {
            checker.warning(
                .noEffect, "hangupOnStar has no effect when dialling a <Conference>",
                at: element.attribute("hangupOnStar")?.position ?? element.position)
        }
        return .dial(
            Dial(
                destination: destination, ignoredDestinations: ignored, callerId: callerId, fromDisplayName: fromDisplayName,
                hangupOnStar: hangupOnStar, hangupOnStarContext: starContext, ringTone: ringTone,
                timeout: timeout, position: element.position))
    }

    /// The text as a number, or the first noun (and where the others are).
    private static func checkDestination(_ element: Element, _ checker: inout Checker) -> (Destination, [SourcePosition])? {
        checker.recordContent(
            .textOrElements(
                TextSyntax(
                    what: Number.textMeaning, isRequired: false,
                    expected: Number.numberKind.expected, schema: Number.numberKind.schema),
                DialNoun.names), of: element)
        // The nouns counted, not gathered: the first and second are all the
        // messages name, and the nouns are checked in a second pass (an
        // array per Dial, and one for what they gave, cost more than that).
        var nounCount = 0
        var firstNoun: Element?
        var secondNoun: Element?
        var reportedChildren = false
        var text = element.text.trimmed
        if !text.isEmpty, let first = element.firstText,
            checker.reportAttributesAsText(
                XMLParsing.Text(value: String(text), position: first.position), of: element,
                needsContent: true)
        {
            // Reported as what it is; the nouns, if any, are the destination.
            reportedChildren = true
            text = text[text.endIndex...]
        }
        for case .element(let e) in element.children {
            guard e.prefix == nil, DialNoun.syntax(named: e.name) != nil else {
                VerbList.reportNotAVerb(e, in: "<Dial>", &checker)
                reportedChildren = true
                continue
            }
            nounCount += 1
            if nounCount == 1 { firstNoun = e } else if nounCount == 2 { secondNoun = e }
        }
        if !text.isEmpty, let first = firstNoun {
            checker.error(
                .ambiguousDestination, "<Dial> has both a number as text and <\(first.name)>",
                at: element.firstText?.position ?? element.position,
                hint: "dial either the text or one noun: move the number into <Number>, or remove it")
            return nil
        }
        if let first = firstNoun, let second = secondNoun {
            checker.warning(
                .tooManyDestinations,
                "<Dial> has \(nounCount) destinations, but the documentation shows one per <Dial>: the platform may dial only the first, <\(first.name)>",
                at: second.position,
                hint:
                    "TwiML rings them all at once; to be sure, give each destination its own <Dial> (connexml run dials the first)"
            )
        }
        if nounCount > 0 {
            // Every noun is checked, in order; the first is the destination.
            var destination: Destination?
            var ignored: [SourcePosition] = []
            var index = 0
            for case .element(let e) in element.children {
                guard e.prefix == nil, let syntax = DialNoun.syntax(named: e.name) else { continue }
                let checked = syntax.check(e, &checker)
                if index == 0 { destination = checked } else { ignored.append(e.position) }
                index += 1
            }
            return destination.map { ($0, ignored) }
        }
        guard !text.isEmpty else {
            if reportedChildren { return nil }  // the child was the attempt; it is reported already
            checker.error(
                .missingDestination, "<Dial> has no destination", at: element.position,
                hint: "write the number as text, <Dial>+441234567890</Dial>, or one noun such as <Number> or <Client>")
            return nil
        }
        return Number.fromText(of: element, &checker).map { (.number($0), []) }
    }
}

extension Dial {
    /// How a Dial ends: the value of `DialCallStatus` after it, and whether
    /// policy refused it (then `DialCallStatus` is `failed` too).
    public enum Outcome {
        public static let completed = VerbOutcome("completed", "answered, talked, and the other party hung up")
        public static let busy = VerbOutcome("busy", "the destination was busy")
        public static let noAnswer = VerbOutcome("no-answer", "nobody answered within the timeout")
        public static let failed = VerbOutcome("failed", "the destination could not be reached")
        public static let canceled = VerbOutcome("canceled", "the caller hung up while it rang")
        public static let denied = VerbOutcome("denied", "policy refused it: DialCallStatus is failed and the script goes on")
    }

    public static var possibleOutcomes: [VerbOutcome] {
        [Outcome.completed, Outcome.busy, Outcome.noAnswer, Outcome.failed, Outcome.canceled, Outcome.denied]
    }

    /// A barge joins a call in progress or fails; it never rings.
    public var outcomes: [VerbOutcome] {
        if case .barge = destination { return [Outcome.completed, Outcome.failed, Outcome.denied] }
        return Self.possibleOutcomes
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// `<Dial>` with a number as text and a noun.
    static let ambiguousDestination: DiagnosticCode = "ambiguous-destination"
    /// `<Dial>` with neither.
    static let missingDestination: DiagnosticCode = "missing-destination"
    /// `<Dial>` with more than one noun.
    static let tooManyDestinations: DiagnosticCode = "too-many-destinations"
}

extension Dial {
    static let reference = ElementReference(
        summary: "Connects the call to another party: the number in its text, or one noun.",
        run:
            "Expands templates, then policy decides (the caller's dial rules, profile flags, capacity; `callerId` or `fromDisplayName` needs the caller-ID flag); emergency numbers are always allowed. The destination answers as the scenario's `answers` say; while connected, `*` with `hangupOnStar` hangs up the callee and bound `<Press>` keys fire (a binding that dials again hangs this call up first). Afterwards `DialCallStatus` holds the outcome and the script goes on with the next verb; a denied dial sets it to `failed`. Of several nouns, the first is dialled and the trace says so.",
        checks: [
            "Both a number as text and a noun: error `ambiguous-destination`; neither: error `missing-destination`.",
            "More than one noun: warning `too-many-destinations` (the platform may dial only the first).",
            "`hangupOnStarContext` without `hangupOnStar=\"true\"`, or `hangupOnStar` with `<Conference>`: warning `no-effect`.",
        ])
}

extension Dial.RingTone {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<Dial.RingTone>.choice
}
