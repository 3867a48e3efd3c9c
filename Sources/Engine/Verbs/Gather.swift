import Diagnostics
import Language

/// `<Gather>`: prompts, then keys, under the documented rules: the first key
/// interrupts the prompts; `finishOnKey` ends input and is not part of the
/// result; `numDigits` or `maxDigits` ends it; `timeout` seconds without a
/// key ends it. Keys come from the scenario: an entry without `at` is typed
/// when the prompts end; an entry continues the same Gather only if it
/// arrives within the timeout.
extension CallRun {
    enum GatherOutcome: String {
        case finishKey = "finish_key"
        case numDigits = "num_digits"
        case maxDigits = "max_digits"
        case timeout
    }

    mutating func visit(_ gather: Gather) -> Flow {
        guard let gather = resolved(gather) else { return .next }
        let at = gather.position
        let (timeout, finishOnKey, minDigits, maxDigits) = (
            gather.timeout, gather.finishOnKey, gather.minDigits, gather.maxDigits
        )
        let (numDigits, action) = (gather.numDigits, gather.action)
        let started = clock.elapsed
        // The settings' fields built only for a sink that wants them (the
        // autoclosures capture the resolved Gather, not the call).
        emit(.gatherStart, at: at, gather.traceFields)
        // Resolved ahead, once: their lengths decide when keys cut in.
        let prompts = gather.prompts.map { prompt in resolveAhead { $0.resolved(prompt) } }

        // When would the caller's first key arrive, and would it cut the prompts short?
        let promptsEnd = started + prompts.reduce(0) { $0 + ($1.0?.seconds ?? 0) }
        let firstArrival = pendingKey.flatMap { $0.leg == .a ? max($0.at ?? promptsEnd, started) : nil }
        let interruptAt = firstArrival.flatMap { $0 < promptsEnd && $0 <= promptsEnd + Double(timeout) ? $0 : nil }
        playPrompts(prompts, until: interruptAt)
        // The caller hangs up rather than press a key.
        if let at = scenario.hangupAt, at >= clock.elapsed, firstArrival.map({ $0 > at }) ?? true { return callerHangsUp() }
        // Replayed by the REPL: the prompts have played; wait here until
        // somebody presses keys.
        if mode.pauseForInput, pendingKey?.leg != .a {
            waiting = .keys(line: at.line)
            return .end(.paused)
        }

        var digits = ""
        var outcome = GatherOutcome.timeout
        var lastKey = promptsEnd
        var arrival = firstArrival
        keys: while let key = pendingKey, key.leg == .a, let at = arrival, at <= lastKey + Double(timeout) {
            takeKey()
            clock.elapsed = max(clock.elapsed, at)
            lastKey = clock.elapsed
            for character in key.digits {
                let pressed = String(character)
                if !finishOnKey.isEmpty && pressed == finishOnKey {
                    outcome = .finishKey
                    break keys
                }
                digits.append(character)
                if let numDigits, Self.keyCount(digits) >= numDigits {
                    outcome = .numDigits
                    break keys
                }
                if Self.keyCount(digits) >= maxDigits {
                    outcome = .maxDigits
                    break keys
                }
            }
            // The next entry continues this Gather only if it comes in time.
            arrival = pendingKey.flatMap { $0.leg == .a ? $0.at.map { max($0, lastKey) } : nil }
        }
        if outcome == .timeout { clock.elapsed = max(clock.elapsed, lastKey) + Double(timeout) }
        let tooFew = Self.keyCount(digits) < minDigits && !digits.isEmpty
        if tooFew { digits = "" }

        variables.set("gather_result", to: digits)
        variables.set("Digits", to: digits)
        let (result, ended, fewerThan) = (digits, outcome, tooFew ? minDigits : nil)
        emit(
            .gather, at: at, Self.gatherFields(result, ended, fewerThan: fewerThan, gather),
            outcome: digits.isEmpty ? Gather.Outcome.noInput : Gather.Outcome.digits)

        guard let action, !digits.isEmpty || gather.actionOnEmptyResult else { return .next }
        return .handOver(HandOver(url: action, method: gather.method, parameters: [("Digits", digits)], position: at))
    }

    /// The `gather` event's fields: the result, how input ended, the note
    /// when too few digits came (`fewerThan`: minDigits), the settings.
    private static func gatherFields(
        _ digits: String, _ outcome: GatherOutcome, fewerThan minDigits: Int?, _ gather: Gather.Resolved
    ) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [.init(.digits, .string(digits)), .init(.outcome, .string(outcome.rawValue))]
        if let minDigits { fields.append(.init(.note, .string("fewer than minDigits=\(minDigits): treated as no input"))) }
        return fields + gather.traceFields
    }

    /// Its attributes for this call, each resolved once.
    private mutating func resolved(_ gather: Gather) -> Gather.Resolved? {
        let at = gather.position
        guard let timeout = resolve(gather.timeout, "timeout", at: at),
            let finishOnKey = resolve(gather.finishOnKey, "finishOnKey", at: at),
            let minDigits = resolve(gather.minDigits, "minDigits", at: at),
            let maxDigits = resolve(gather.maxDigits, "maxDigits", at: at),
            let method = resolve(gather.method, "method", at: at),
            let onEmpty = resolve(gather.actionOnEmptyResult, "actionOnEmptyResult", at: at),
            let numDigits = resolveIfPresent(gather.numDigits, "numDigits", at: at),
            let action = resolveIfPresent(gather.action, "action", at: at)
        else { return nil }
        return Gather.Resolved(
            position: at, timeout: timeout, finishOnKey: finishOnKey, minDigits: minDigits, maxDigits: maxDigits,
            numDigits: numDigits, action: action, method: method, actionOnEmptyResult: onEmpty,
            prompts: gather.prompts)
    }

    /// A prompt for this call; nil when an attribute is invalid (it is then
    /// skipped, and takes no time).
    private mutating func resolved(_ prompt: Gather.Prompt) -> Gather.ResolvedPrompt? {
        switch prompt {
        case .say(let say): resolved(say).map { .say($0) }
        case .play(let play): resolved(play).map { .play($0) }
        }
    }

    /// Plays the prompts, cut short at `until` by the first key; what
    /// resolving each had to say is said when it plays.
    private mutating func playPrompts(_ prompts: [(Gather.ResolvedPrompt?, held: [TraceEvent])], until interrupt: Double?) {
        inPrompt = true
        defer { inPrompt = false }
        for (prompt, held) in prompts {
            if let interrupt, clock.elapsed >= interrupt { return }
            let before = clock.elapsed
            say(held)
            switch prompt {
            case .say(let say)?: _ = speak(say)
            case .play(let play)?: _ = self.play(play)
            case nil: break
            }
            if let interrupt, clock.elapsed > interrupt {
                // The prompt was cut short by the first key: the clock stops there.
                clock.elapsed = interrupt
                emit(.interrupted, at: nil, [.init(.after, .number(interrupt - before))])
                return
            }
        }
    }
}

extension Gather {
    /// A `<Gather>` for one call: its attributes resolved once.
    struct Resolved {
        let position: SourcePosition
        let timeout: Int
        let finishOnKey: String
        let minDigits: Int
        let maxDigits: Int
        let numDigits: Int?
        let action: String?
        let method: HTTPMethod
        let actionOnEmptyResult: Bool
        /// As written: resolved ahead when the Gather runs (`resolveAhead`).
        let prompts: [Prompt]

        /// What `gather.start` and `gather` show of them.
        var traceFields: [TraceEvent.Field] {
            var fields: [TraceEvent.Field] = [
                .init(.timeout, .number(Double(timeout))), .init(.finishOnKey, .string(finishOnKey)),
                .init(.minDigits, .number(Double(minDigits))), .init(.maxDigits, .number(Double(maxDigits))),
            ]
            if let numDigits { fields.append(.init(.numDigits, .number(Double(numDigits)))) }
            if let action { fields.append(.init(.action, .string(action))) }
            return fields
        }
    }

    /// A prompt for one call.
    enum ResolvedPrompt {
        case say(Say.Resolved)
        case play(Play.Resolved)

        var seconds: Double {
            switch self {
            case .say(let say): say.seconds
            case .play(let play): play.seconds
            }
        }
    }
}
