import Language

/// One thing the platform would have done or decided, at a moment of the
/// call's virtual clock, caused by the verb at `line` of `file` (calls.md,
/// "The trace"). Field order is the order of rendering.
public struct TraceEvent: Sendable, Equatable {
    public let time: Double
    public let name: Name
    public let file: String?
    public let line: Int?
    public let fields: [Field]
    /// The way the verb at `line` went on, when this event is where it
    /// branched (`dial.result` busy: `Dial.Outcome.busy`): what coverage
    /// and the call-flow graph read. Not rendered.
    public let outcome: VerbOutcome?
    /// What went wrong, as a stable code, for an `error` event. Not rendered
    /// (the text trace shows every field, and the golden traces predate it).
    public let code: ErrorCode?
    /// The status callback a `callback` event asks the driver to send.
    /// Not rendered (the trace shows where, how and what, not the form).
    public let callback: CallbackRequest?

    public struct Field: Sendable, Equatable {
        public let key: Key
        public let value: TraceValue

        init(_ key: Key, _ value: TraceValue) {
            self.key = key
            self.value = value
        }
    }

    init(
        time: Double, name: Name, file: String?, line: Int?, fields: [Field], outcome: VerbOutcome? = nil,
        code: ErrorCode? = nil, callback: CallbackRequest? = nil
    ) {
        self.time = time
        self.name = name
        self.file = file
        self.line = line
        self.fields = fields
        self.outcome = outcome
        self.code = code
        self.callback = callback
    }

    public subscript(key: Key) -> TraceValue? { fields.first { $0.key == key }?.value }
}

public enum TraceValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([String])
    case object([TraceEvent.Field])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

/// Where events go: printed, collected, streamed or only counted.
public protocol TraceSink {
    mutating func emit(_ event: TraceEvent)
    /// False for a sink that only counts: the engine then gives it events
    /// with their name and time only (no fields, file or line), and never
    /// builds their fields.
    var wantsFields: Bool { get }
    /// An event for a sink that wants no fields: its name and time only.
    /// By default given to `emit` as such an event; a counting sink counts
    /// it without the event being made (and destroyed) at all.
    mutating func emit(bare name: TraceEvent.Name, at time: Double)
}

extension TraceSink {
    public var wantsFields: Bool { true }

    public mutating func emit(bare name: TraceEvent.Name, at time: Double) {
        emit(TraceEvent(time: time, name: name, file: nil, line: nil, fields: []))
    }
}

/// Keeps every event (tests, golden files, the REPL).
public struct CollectingSink: TraceSink {
    public private(set) var events: [TraceEvent] = []
    public init() {}
    public mutating func emit(_ event: TraceEvent) { events.append(event) }
}

/// Counts events and keeps nothing (benchmarks).
public struct CountingSink: TraceSink {
    public private(set) var count = 0
    public init() {}
    public mutating func emit(_ event: TraceEvent) { count += 1 }
    public mutating func emit(bare name: TraceEvent.Name, at time: Double) { count += 1 }
    public var wantsFields: Bool { false }
}
