import Diagnostics
import Foundation
import Language
import Policy

/// What a verb tells the runner to do next.
enum Flow {
    case next
    case end(CallSummary.Reason)
    /// Hand the call to another document (`Redirect`, `Gather action`).
    case handOver(HandOver)
    /// A bound key pressed while another binding's verbs run: it takes
    /// over from that binding (see `runBinding`). Never leaves the
    /// outermost binding. The binding's index in `CallRun.bindings`.
    case rebind(Int)
    // (Every case small: a flow is returned by every step, and a large
    // one, a Press inline, was copied byte by byte at each return.)
}

/// Where a hand-over goes, and how to ask for it.
final class HandOver {
    let url: String
    let method: HTTPMethod
    let parameters: [(String, String)]
    let position: SourcePosition

    init(url: String, method: HTTPMethod, parameters: [(String, String)], position: SourcePosition) {
        self.url = url
        self.method = method
        self.parameters = parameters
        self.position = position
    }
}

/// One call in progress: its state, and the loop over verbs. It visits each
/// verb (`VerbVisitor`): each verb's meaning is its `visit` method, in its
/// own file under Verbs/, as an extension of this.
struct CallRun<Sink: TraceSink>: VerbVisitor {
    typealias Result = Flow

    /// The engine, scenario and mode, shared with the `Call` (read in
    /// place through the accessors below, never copied).
    let setup: CallSetup
    var engine: Engine { _read { yield setup.engine } }
    var scenario: Scenario { _read { yield setup.scenario } }
    var mode: RunMode { _read { yield setup.mode } }
    /// Where events go. A box, so that `emit` need not mutate the call:
    /// its fields are then built lazily, reading the call's state.
    let output: SinkBox<Sink>
    var script: CompiledScript
    /// Resolved and admitted before the call's state exists (`CallAdmission`).
    let caller: Caller
    var clock: CallClock
    var variables: CallVariables
    /// The context `Enter` switched to (nil: none yet).
    var context: String?
    /// `Press` bindings seen so far, in order.
    var bindings: [ActiveBinding] = []
    /// Keys waiting to complete a longer binding, by leg (Press.swift).
    var digitBuffers = DigitBuffers()
    /// The next keypress of the scenario not yet consumed, and how many of
    /// its digits are (bindings take keys one at a time).
    var nextKey = 0
    var nextDigit = 0
    var answered = false
    /// SIP headers for the next outgoing INVITE.
    var pendingHeaders: [(String, String)] = []
    var verbsRun = 0
    var denials = 0
    var handOvers = 0
    /// Whether events are held back (`resolveAhead`): a field of the call,
    /// so the check of every event costs no access to the shared box.
    var holding = false
    /// The hand-over the driver is fetching a document for.
    var awaiting: DocumentRequest?
    /// Where a paused call (`RunMode.pauseForInput`) waits.
    var waiting: CallSummary.Wait?
    /// True while a Gather plays its prompts: keys then belong to it.
    var inPrompt = false
    /// True while a `Press` binding's verbs run (`runBinding`).
    var inBinding = false
    /// The Dial whose conversation is connected now, if any, and how many
    /// there have been (Dial.swift).
    var connected: Conversation?
    var conversations = 0

    init(setup: CallSetup, caller: Caller, output: SinkBox<Sink>) {
        self.setup = setup
        self.script = setup.script
        self.caller = caller
        self.output = output
        self.clock = CallClock(start: setup.scenario.start, timeZone: setup.scenario.timeZone)
        // The parts it needs, read in place: passing the scenario copied it.
        self.variables = CallVariables(
            base: StartingVariables.of(
                from: setup.scenario.from, to: setup.scenario.to, sid: setup.scenario.sid,
                variables: setup.scenario.variables))
    }

    /// The variables every call starts with: who calls whom, the call id,
    /// then the scenario's own (built once per scenario: StartingVariables).
    static func startingVariables(_ scenario: Scenario) -> [String: String] { StartingVariables.of(scenario) }

    static func callSid(_ scenario: Scenario) -> String { scenario.sid ?? unsetSid }
    static var unsetSid: String { StartingVariables.unsetSid }

    /// Read in place: a computed copy cost a dozen retains, for every
    /// decision of every call.
    var policy: Policy { _read { yield setup.engine.policy } }

    // MARK: The call

    /// Runs the current document until the call ends or hands over; a
    /// hand-over is a request for the driver (`Call`), which fetches the
    /// document and gives it to `resume`.
    mutating func proceed() -> CallProgress {
        for set in script.script.before { _ = visit(set) }
        switch run(script.script.verbs) {
        case .next: return .ended(end(.completed))
        // Bindings run from `runBinding`, which takes every rebind.
        case .rebind: return .ended(end(.completed))
        case .end(let reason): return .ended(end(reason))
        case .handOver(let handOver):
            let (url, method, parameters, position) = (
                handOver.url, handOver.method, handOver.parameters, handOver.position
            )
            handOvers += 1
            guard handOvers <= Engine.maximumHandOvers else {
                emit(
                    .error, at: position,
                    [
                        .init(
                            .message,
                            .string(
                                "more than \(Engine.maximumHandOvers) hand-overs in one call: a redirect loop? The call ends."))
                    ],
                    code: .tooManyHandOvers)
                return .ended(end(.error))
            }
            var sent = [("CallSid", variables["CallSid"]!), ("From", scenario.from), ("To", scenario.to)]
            if let status = variables["DialCallStatus"] { sent.append(("DialCallStatus", status)) }
            sent += parameters
            let request = DocumentRequest(reference: url, from: script.file, method: method, parameters: sent, position: position)
            awaiting = request
            return .needsDocument(request)
        }
    }

    /// Goes on with the document the driver found for the pending request,
    /// or ends the call with the reason it could not.
    mutating func resume(with document: Swift.Result<CompiledScript, DocumentFailure>) -> CallProgress {
        guard let request = awaiting else { preconditionFailure("a call resumed without having asked for a document") }
        awaiting = nil
        let url = request.reference
        switch document {
        case .success(let next):
            script = next
            // The reference as written, not the path it resolved to:
            // traces must not depend on where the command ran.
            let hop = Double(handOvers)  // a local: the fields, built later, must not capture the call
            emit(.document, at: nil, [.init(.url, .string(url)), .init(.hop, .number(hop))])
            // What the platform ignores or may do differently in the new
            // document (a web application answering with TwiML-only
            // attributes) is said, not silently obeyed.
            for warning in next.warnings where warning.severity == .warning {
                emit(
                    .warning, at: warning.position,
                    [
                        .init(.url, .string(url)), .init(.code, .string(warning.code.rawValue)),
                        .init(.message, .string(warning.message)),
                    ])
            }
            return proceed()
        case .failure(let failure):
            var fields: [TraceEvent.Field] = [.init(.url, .string(url)), .init(.message, .string(failure.message))]
            if let first = failure.diagnostics.first(where: { $0.severity == .error }) {
                fields.append(
                    .init(.problem, .string("\(first.file):\(first.position.map(\.description) ?? "-"): \(first.message)")))
            }
            emit(.error, at: request.position, fields, code: .documentUnavailable)
            return .ended(end(.error))
        }
    }

    private mutating func end(_ reason: CallSummary.Reason) -> CallSummary {
        engine.capacity.release(caller)
        CallAdmission.releaseLoggedIn(scenario.loggedIn, in: policy.directory, from: engine.capacity)
        var summary = CallSummary(reason: reason, duration: clock.elapsed, verbsRun: verbsRun, denials: denials)
        summary.waiting = waiting
        summary.callVariables = variables
        summary.context = context
        summary.bindings = bindings.map {
            CallSummary.Binding(digits: $0.press.digits, context: $0.press.context, line: $0.press.position.line)
        }
        // Locals: the fields, built later, must not capture the call.
        let (waiting, duration, verbs, denials) = (waiting, clock.elapsed, Double(verbsRun), Double(denials))
        if reason == .paused {
            emit(.callPaused, at: nil, [.init(.waiting, .string(waiting?.description ?? "input"))])
        } else {
            emit(
                .callEnd, at: nil,
                [
                    .init(.reason, .string(reason.rawValue)), .init(.duration, .number(duration)),
                    .init(.verbs, .number(verbs)), .init(.denials, .number(denials)),
                ])
        }
        return summary
    }

    /// Runs verbs in order until one ends the call or hands it over.
    mutating func run(_ verbs: [Verb]) -> Flow {
        for verb in verbs {
            if let at = scenario.hangupAt, clock.elapsed > at { return callerHangsUp() }
            if let limit = mode.stopAfterVerbs, verbsRun >= limit {
                waiting = .verb(file: script.file, line: verb.position.line)
                return .end(.paused)
            }
            verbsRun += 1
            if !answered, !verb.isReject {
                answered = true
                emit(.answer, at: nil, [])
            }
            let flow = verb.accept(&self)
            if case .next = flow { continue }
            return flow
        }
        return .next
    }

    // MARK: Tools for verbs

    /// The fields are built only for a sink that wants them (a counting
    /// sink, as benchmarks use, costs the call almost nothing).
    /// `outcome`: the way the verb at `position` went on, when this event
    /// is where it branched (see `TraceEvent.outcome`); like the fields,
    /// only for a sink that wants them. (Fields that read the call's state
    /// are read into locals first: a closure that captures the call copies
    /// it whole.)
    func emit(
        _ name: TraceEvent.Name, at position: SourcePosition?, _ fields: @autoclosure () -> [TraceEvent.Field],
        outcome: @autoclosure () -> VerbOutcome? = nil, code: TraceEvent.ErrorCode? = nil
    ) {
        guard holding || output.sink.wantsFields else {
            // Its name and time only: no event to make for a counting sink.
            return output.sink.emit(bare: name, at: clock.elapsed)
        }
        let file = position == nil ? nil : script.file
        if holding { return hold(name, file: file, line: position?.line, fields(), outcome(), code) }
        output.sink.emit(
            TraceEvent(
                time: clock.elapsed, name: name, file: file, line: position?.line, fields: fields(),
                outcome: outcome(), code: code))
    }

    /// A denial in the trace: what was attempted (the verb's action and
    /// target, when the decision was about a flag it needs), the reason
    /// code, the evidence (`Decision.traceFields`). `outcome`: the branch
    /// the denial is of the verb it refused (a refused `Dial` or
    /// `Transfer` goes on as `denied`).
    mutating func deny(
        _ decision: Decision, at position: SourcePosition?, as action: String? = nil, target: String? = nil,
        outcome: VerbOutcome? = nil
    ) {
        denials += 1
        let profile = caller.profileName  // a local: the fields, built later, must not capture the call
        emit(.denied, at: position, decision.traceFields(as: action, target: target, profile: profile), outcome: outcome)
    }

    /// The caller hangs up (at the scenario's `hangup_at`, which verbs that
    /// wait check too: a Gather, a ringing or connected Dial).
    mutating func callerHangsUp() -> Flow {
        if let at = scenario.hangupAt { clock.elapsed = max(clock.elapsed, at) }
        emit(.callerHangup, at: nil, [])
        return .end(.callerHangup)
    }

    /// Whether the caller hangs up before `time`.
    func hangsUp(before time: Double) -> Bool {
        scenario.hangupAt.map { $0 < time } ?? false
    }

    /// The next keypress of the caller (leg a) or the other party (b),
    /// without the digits already taken from it.
    var pendingKey: KeyPress? {
        guard nextKey < scenario.keys.count else { return nil }
        let key = scenario.keys[nextKey]
        guard nextDigit > 0 else { return key }
        return KeyPress(digits: String(key.digits.dropFirst(nextDigit)), at: key.at, leg: key.leg)
    }

    /// Consumes the rest of the pending keypress.
    mutating func takeKey() {
        nextKey += 1
        nextDigit = 0
    }

    /// Consumes the pending keypress's next digit.
    mutating func takeDigit() {
        nextDigit += 1
        if nextKey < scenario.keys.count, nextDigit >= Self.keyCount(scenario.keys[nextKey].digits) { takeKey() }
    }
}

/// The sink of one call, by reference (see `CallRun.output`).
final class SinkBox<Sink: TraceSink> {
    // Unchecked: one call's box is used by that call alone, one event at
    // a time; the run-time exclusivity check cost more than a counting
    // sink's whole `emit`.
    @exclusivity(unchecked) var sink: Sink
    /// Events held back instead of emitted, while non-nil (Resolution.swift).
    @exclusivity(unchecked) var held: [TraceEvent]?
    init(_ sink: Sink) { self.sink = sink }
}

extension Verb {
    var isReject: Bool { if case .reject = self { true } else { false } }
}
