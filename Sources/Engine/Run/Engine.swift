import Foundation
import Language
import Policy

/// Runs calls: a compiled script, a caller and a world in; trace events out
/// through a sink, and requests for what it cannot do itself out to the
/// driver: the documents hand-overs lead to (`Call`), the status callbacks
/// its `callback` events carry (`TraceEvent.callback`). Shares the directory and
/// the capacity registry between calls, so many calls may run at once.
public struct Engine: Sendable {
    public let policy: Policy
    public let capacity: CapacityRegistry

    /// Hand-overs (`Redirect`, `Gather action`) allowed in one call before
    /// it ends with an error: a redirect loop must end.
    public static let maximumHandOvers = 10

    public init(directory: Directory, capacity: CapacityRegistry? = nil) {
        self.policy = Policy(directory: directory)
        self.capacity = capacity ?? CapacityRegistry(directory: directory)
    }

    /// Makes a call; the driver runs it with `Call.next()` (which admits
    /// it: `call.start` goes to the sink then) and performs what it asks
    /// for (hand-overs) until it ends.
    public func call<Sink: TraceSink>(
        _ script: CompiledScript, scenario: Scenario, mode: RunMode = .toTheEnd,
        sink: Sink
    ) -> Call<Sink> {
        Call(engine: self, script: script, scenario: scenario, mode: mode, output: SinkBox(sink))
    }

    /// Runs one call to its end, finding what it hands over to in
    /// `documents`, which the driver gives (`CallDriver` in Fetching: the
    /// scenario's mappings, local files, the web); without, every hand-over
    /// ends the call with an error.
    /// Specialised here for the engine's own sinks: called from another
    /// module, a generic call would run the whole call unspecialised,
    /// looking type metadata up at every step.
    @discardableResult
    @_specialize(exported:true,where Sink == CountingSink)
    @_specialize(exported:true,where Sink == CollectingSink)
    public func run<Sink: TraceSink>(
        _ script: CompiledScript, scenario: Scenario, mode: RunMode = .toTheEnd,
        documents: any DocumentSource = NoDocuments(), sink: inout Sink
    ) -> CallSummary {
        var call = self.call(script, scenario: scenario, mode: mode, sink: sink)
        defer { sink = call.sink }
        var progress = call.next()
        while true {
            switch progress {
            case .ended(let summary): return summary
            case .needsDocument(let request):
                progress = call.resume(
                    with: documents.document(
                        request.reference, from: request.file, method: request.method,
                        parameters: request.parameters))
            }
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
    public var variables: [String: String] {
        get { callVariables.all }
        set { callVariables = CallVariables(base: newValue) }
    }
    /// The variables as the call kept them: their dictionary is built only
    /// when asked for (most drivers never do).
    var callVariables = CallVariables(base: [:])
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
