import Foundation
import Language
import Policy

/// Runs calls: a compiled script, a caller and a world in; trace events out
/// through a sink. Shares the directory, the capacity registry and the
/// document cache between calls, so many calls may run at once.
public struct Engine: Sendable {
    public let policy: Policy
    public let capacity: CapacityRegistry
    public let documents: any DocumentSource
    /// Delivers status callbacks; nil: they are only traced.
    public let callbacks: (any CallbackSender)?

    /// Hand-overs (`Redirect`, `Gather action`) allowed in one call before
    /// it ends with an error: a redirect loop must end.
    public static let maximumHandOvers = 10

    public init(directory: Directory, capacity: CapacityRegistry? = nil, documents: any DocumentSource = NoDocuments(),
                callbacks: (any CallbackSender)? = nil) {
        self.policy = Policy(directory: directory)
        self.capacity = capacity ?? CapacityRegistry(directory: directory)
        self.documents = documents
        self.callbacks = callbacks
    }

    /// Runs one call to its end. Specialised here for the engine's own
    /// sinks: called from another module, a generic call would run the
    /// whole call unspecialised, looking type metadata up at every step.
    @discardableResult
    @_specialize(exported: true, where Sink == CountingSink)
    @_specialize(exported: true, where Sink == CollectingSink)
    public func run<Sink: TraceSink>(_ script: CompiledScript, scenario: Scenario, mode: RunMode = .toTheEnd,
                                     sink: inout Sink) -> CallSummary {
        let output = SinkBox(sink)
        defer { sink = output.sink }
        switch CallAdmission(engine: self, scenario: scenario, output: output).admit() {
        case .refused(let summary):
            return summary
        case .admitted(let caller):
            var call = CallRun(engine: self, scenario: scenario, mode: mode, script: script, caller: caller, output: output)
            return call.run()
        }
    }
}

/// How a call ended, for the trace's `call.end` and for tools.
public struct CallSummary: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// A `<Hangup>`.
        case hangup
        /// The script ran out of verbs.
        case completed
        case rejected
        case transferred
        /// Refused before it started (capacity, unknown profile).
        case refused
        /// A hand-over failed or looped.
        case error
        /// The caller hung up (the scenario's `hangup_at`).
        case callerHangup = "caller-hangup"
        /// Stopped where the call waits for input nobody gave yet (only
        /// with `RunMode.pauseForInput`, as the REPL runs calls).
        case paused
    }

    /// Where a paused call waits.
    public enum Wait: Sendable, Equatable {
        /// A `<Gather>` (or a barge) waits for keys.
        case keys(line: Int)
        /// A `<Dial>` waits to know how the destination answers.
        case answer(target: String, line: Int)
        /// The verb at `line` of `file` is next: the call ran
        /// `RunMode.stopAfterVerbs` verbs.
        case verb(file: String, line: Int)
    }

    public let reason: Reason
    public let duration: Double
    public let verbsRun: Int
    public let denials: Int
    /// Set when `reason` is `paused`.
    public var waiting: Wait?
    /// The call's variables, context and key bindings where it ended.
    public var variables: [String: String] = [:]
    public var context: String?
    public var bindings: [Binding] = []

    public struct Binding: Sendable, Equatable {
        public let digits: String
        public let context: String?
        public let line: Int
    }
}

extension CallSummary.Wait {
    /// "keys", "answer of 1002".
    public var description: String {
        switch self {
        case .keys: "keys"
        case .answer(let target, _): "answer of \(target)"
        case .verb(_, let line): "the verb at line \(line)"
        }
    }
}
