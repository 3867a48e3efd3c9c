import Diagnostics
import Language

/// One call, driven from outside: the engine decides, the driver performs.
/// `next()` runs it until it ends or hands over to another document
/// (`Redirect`, `Gather action`); the driver then finds that document —
/// a mapping, a local file, the web — and gives it to `resume(with:)`.
///
/// A call holds capacity (its caller's, its logged-in users') from its first
/// `next()` until it ends: a driver that gives up on a hand-over resumes it
/// with a failure, which ends it and gives the capacity back.
public struct Call<Sink: TraceSink> {
    private let output: SinkBox<Sink>
    /// What the call is (engine, scenario, mode, first document), shared
    /// with its state once admitted: one reference, never a copy of them.
    private let setup: CallSetup
    /// Whether `next()` has admitted (or refused) the call.
    private var started = false
    /// Admitted: the call's state. Nil before `next()`, and when refused.
    private var run: CallRun<Sink>?

    init(engine: Engine, script: CompiledScript, scenario: Scenario, mode: RunMode, output: SinkBox<Sink>) {
        self.output = output
        setup = CallSetup(engine: engine, scenario: scenario, mode: mode, script: script)
    }

    /// Where the call's events went.
    public var sink: Sink { output.sink }

    /// Admits the call (its `call.start`, and its end when refused, go to
    /// the sink now) and runs it until it ends or needs a document. Called
    /// once, first. Admitting here, not when the call is made, means a call
    /// made and never run holds no capacity.
    public mutating func next() -> CallProgress {
        guard !started else { preconditionFailure("Call.next() is called once; then resume(with:)") }
        started = true
        switch CallAdmission.admit(setup, output) {
        case .refused(let summary):
            return .ended(summary)
        case .admitted(let caller):
            run = CallRun(setup: setup, caller: caller, output: output)
            return run!.proceed()
        }
    }

    /// Goes on with the document asked for (or ends the call with the
    /// error that it could not be had).
    public mutating func resume(with document: Result<CompiledScript, DocumentFailure>) -> CallProgress {
        guard run != nil else { preconditionFailure("a call resumed before it started, or after it was refused") }
        return run!.resume(with: document)
    }
}

/// Where a call stands after a step of its driver.
public enum CallProgress: Sendable {
    case ended(CallSummary)
    /// A hand-over: find this document and `resume(with:)` it.
    case needsDocument(DocumentRequest)
}

/// A document a hand-over asks for: the reference as the script wrote it
/// (a relative one resolves against `file`, the document handing over),
/// and how to ask for it (the form parameters, TwiML style).
public struct DocumentRequest: Sendable {
    public let reference: String
    public let file: String
    public let method: HTTPMethod
    public let parameters: [(String, String)]
    /// The verb that handed over.
    public let position: SourcePosition

    init(reference: String, from file: String, method: HTTPMethod, parameters: [(String, String)], position: SourcePosition) {
        self.reference = reference
        self.file = file
        self.method = method
        self.parameters = parameters
        self.position = position
    }
}
