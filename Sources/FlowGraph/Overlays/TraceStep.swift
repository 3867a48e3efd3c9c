import Language

/// One event of a call's trace that a verb caused, as the graph needs it:
/// where, which verb, and which way the verb went when the event marks it.
/// The caller reads the trace (the engine's `TraceJSONReader`) and gives
/// these typed marks; the graph matches no event names.
public struct TraceStep: Sendable, Hashable {
    /// The file as the trace names it.
    public let file: String
    public let line: Int
    /// The verb the event is about, lower case (`dial` for `dial.result`):
    /// of the verbs on one line, the one the step belongs to.
    public let verb: String
    /// The outcome the event marks (`Dial.Outcome.busy`), if any.
    public let outcome: VerbOutcome?

    public init(file: String, line: Int, verb: String, outcome: VerbOutcome?) {
        self.file = file
        self.line = line
        self.verb = verb
        self.outcome = outcome
    }
}
