import Diagnostics
import Language

/// `<Press>`: key bindings, as FreeSWITCH's `bind_digit_action` runs them
/// (language.md, Press). Keys arrive one at a time; each leg collects them
/// in a buffer, and after every key:
/// - the buffer is exactly one binding's digits and no other binding
///   starts with it: that binding fires at once;
/// - some binding starts with it: wait for the next key, at most
///   `digitTimeout` seconds; when none comes, a binding that is exactly the
///   buffer fires, else the keys had no effect;
/// - no binding starts with it: the keys had no effect.
/// Bindings are those seen so far, of the current context (or of none), for
/// the leg the key came from; the latest of equal ones wins.
extension CallRun {
    /// FreeSWITCH's default digit timeout for digit bindings: 1,500 ms.
    static var digitTimeout: Double { 1.5 }

    /// A binding seen so far, with its leg as the call resolved it.
    struct ActiveBinding {
        let press: Press
        let leg: KeyPress.Leg
    }

    /// Keys of one leg waiting to match a longer binding.
    struct DigitBuffer {
        var digits = ""
        var last = 0.0
    }

    /// The buffers of the two legs: two fields, not a dictionary by leg
    /// (hashed at every key, and mapped into a list to find a deadline).
    struct DigitBuffers {
        private var a: DigitBuffer?
        private var b: DigitBuffer?

        var isEmpty: Bool { a == nil && b == nil }

        subscript(leg: KeyPress.Leg) -> DigitBuffer? {
            get { leg == .a ? a : b }
            set { if leg == .a { a = newValue } else { b = newValue } }
        }

        /// The leg whose wait ends first (`a` of two at once), and when.
        var earliestDeadline: (KeyPress.Leg, Double)? {
            let deadlineA = a.map { $0.last + CallRun.digitTimeout }
            let deadlineB = b.map { $0.last + CallRun.digitTimeout }
            guard let deadlineB else { return deadlineA.map { (.a, $0) } }
            guard let deadlineA, deadlineA <= deadlineB else { return (.b, deadlineB) }
            return (.a, deadlineA)
        }
    }

    /// What keys did, in time order.
    enum KeyOutcome {
        /// The binding's index in `bindings` (not the Press: outcomes are
        /// returned and tested often, and a Press inline made each a copy).
        case fire(Int, digits: String, leg: KeyPress.Leg, at: Double)
        case noEffect(digits: String, leg: KeyPress.Leg, at: Double)
        /// A key the verb under way claimed before any binding saw it.
        case claimed(Character, leg: KeyPress.Leg, at: Double)

        var time: Double {
            switch self {
            case .fire(_, _, _, let at), .noEffect(_, _, let at), .claimed(_, _, let at): at
            }
        }
    }

    mutating func visit(_ press: Press) -> Flow {
        guard let leg = resolve(press.leg, "dtmf_leg", at: press.position) else { return .next }
        let resolved = Press.Resolved(leg: leg)
        bindings.append(ActiveBinding(press: press, leg: resolved.keyLeg))
        emit(.bind, at: press.position, Self.bindFields(press.digits, resolved.leg, press.context))
        return .next
    }

    /// The `bind` event's fields, built only for a sink that wants them.
    private static func bindFields(_ digits: String, _ leg: Press.Leg, _ context: String?) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [.init(.digits, .string(digits)), .init(.leg, .string(leg.rawValue))]
        if let context { fields.append(.init(.context, .string(context))) }
        return fields
    }

    /// Runs a binding's verbs after its key cut in. A bound key pressed
    /// while they run takes over: what the first binding was playing is
    /// cut short like any audio, its remaining verbs are dropped, and the
    /// new binding's verbs run in their place; then the script goes on
    /// after the verb the first key interrupted. The loop (not recursion)
    /// keeps the stack flat however many keys a scenario times.
    mutating func runBinding(_ binding: Int) -> Flow {
        guard !inBinding else { return .rebind(binding) }
        inBinding = true
        defer { inBinding = false }
        var current = binding
        while true {
            let flow = run(bindings[current].press.verbs)
            guard case .rebind(let next) = flow else { return flow }
            current = next
        }
    }

    /// The next thing the caller's (or the other party's) timed keys do
    /// before `end` (up to and including it when `inclusive`), feeding
    /// keys one at a time and letting waiting buffers time out. Nil when
    /// nothing happens before `end`. `intercept` sees each key first and
    /// may claim it (`hangupOnStar`).
    mutating func nextKeyOutcome(
        before end: Double, inclusive: Bool,
        intercept: (Character, KeyPress.Leg) -> Bool = { _, _ in false }
    ) -> KeyOutcome? {
        func inTime(_ t: Double) -> Bool { inclusive ? t <= end : t < end }
        // The common case, for every Say, Play and Pause: nothing timed.
        if digitBuffers.isEmpty, pendingKey?.at.map(inTime) != true { return nil }
        while true {
            let arrival = pendingKey.flatMap { $0.at }.flatMap { inTime($0) ? $0 : nil }
            // A buffer whose wait ends before the next key resolves first.
            if let (leg, deadline) = digitBuffers.earliestDeadline, inTime(deadline), arrival.map({ deadline < $0 }) ?? true {
                let buffer = digitBuffers[leg]!
                digitBuffers[leg] = nil
                if let index = binding(for: buffer.digits, leg: leg) {
                    return .fire(index, digits: buffer.digits, leg: leg, at: deadline)
                }
                return .noEffect(digits: buffer.digits, leg: leg, at: deadline)
            }
            guard let when = arrival, let key = pendingKey, let digit = key.digits.first else { return nil }
            takeDigit()
            if intercept(digit, key.leg) { return .claimed(digit, leg: key.leg, at: when) }
            var buffer = digitBuffers[key.leg] ?? DigitBuffer()
            buffer.digits.append(digit)
            buffer.last = when
            let exact = binding(for: buffer.digits, leg: key.leg)
            if hasLongerBinding(than: buffer.digits, leg: key.leg) {
                digitBuffers[key.leg] = buffer  // wait for the next key
                continue
            }
            digitBuffers[key.leg] = nil
            if let exact { return .fire(exact, digits: buffer.digits, leg: key.leg, at: when) }
            return .noEffect(digits: buffer.digits, leg: key.leg, at: when)
        }
    }

    /// How many keys `digits` are: its bytes, when they are ASCII without a
    /// carriage return (CR LF is one Character), as keys are (counting
    /// characters, `String.count`, cost a hundred and more instructions for
    /// one key).
    static func keyCount(_ digits: String) -> Int {
        digits.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? digits.utf8.count : digits.count
    }

    /// The binding for `digits` pressed on `leg` in the current context.
    func binding(for digits: String, leg: KeyPress.Leg) -> Int? {
        bindings.lastIndex { $0.press.digits == digits && isActive($0, leg: leg) }
    }

    private func hasLongerBinding(than digits: String, leg: KeyPress.Leg) -> Bool {
        let length = Self.keyCount(digits)
        return bindings.contains {
            Self.keyCount($0.press.digits) > length && $0.press.digits.hasPrefix(digits) && isActive($0, leg: leg)
        }
    }

    private func isActive(_ binding: ActiveBinding, leg: KeyPress.Leg) -> Bool {
        binding.leg == leg && (binding.press.context == nil || binding.press.context == context)
    }

    /// Traces what a key did outside a binding and, for a bound one, runs
    /// the binding: the clock moves to the key.
    mutating func perform(_ outcome: KeyOutcome, at position: SourcePosition) -> Flow {
        switch outcome {
        case .claimed(_, _, let time):
            clock.elapsed = max(clock.elapsed, time)
            return .next
        case .noEffect(let digits, let leg, let time):
            clock.elapsed = max(clock.elapsed, time)
            emit(
                .key, at: position,
                [
                    .init(.digits, .string(digits)), .init(.leg, .string(leg.rawValue)),
                    .init(.effect, .string("none")),
                ])
            return .next
        case .fire(let index, let digits, let leg, let time):
            let bound = bindings[index].press.position
            clock.elapsed = max(clock.elapsed, time)
            emit(
                .key, at: bound,
                [
                    .init(.digits, .string(digits)), .init(.leg, .string(leg.rawValue)),
                    .init(.effect, .string("binding")),
                ], outcome: Press.Outcome.pressed)
            return runBinding(index)
        }
    }
}

extension Press {
    /// A `<Press>` for one call: its leg resolved once (its digits and
    /// context are read when the script is read: no templates).
    struct Resolved {
        let leg: Leg
        /// Whose keys it binds: `b` only for the other party's leg.
        var keyLeg: KeyPress.Leg { leg == .b ? .b : .a }
    }
}
