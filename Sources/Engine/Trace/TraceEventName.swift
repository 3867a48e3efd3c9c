/// The name of a trace event: the JSON `event` value and the first word of
/// the text line (calls.md, "The trace"). One case per thing the engine
/// reports; tools switch over these instead of comparing strings.
extension TraceEvent {
    public enum Name: String, Sendable, CaseIterable {
        // The call
        case callStart = "call.start"
        case callPaused = "call.paused"
        case callEnd = "call.end"
        case answer
        case callerHangup = "caller.hangup"
        // What the caller hears
        case say
        case play
        case pause
        case echo
        case interrupted
        // Keys
        case gatherStart = "gather.start"
        case gather
        case bind
        case key
        // Connecting
        case dial
        case dialAnswered = "dial.answered"
        case dialResult = "dial.result"
        case barge
        case bargeLeave = "barge.leave"
        case transfer
        case transferResult = "transfer.result"
        case enqueue
        case stream
        // Where the script goes
        case redirect
        case document
        case hangup
        case reject
        case condition
        case context
        case set
        // Policy, callbacks, and what went wrong
        case denied
        case callback
        case callbackError = "callback.error"
        case note
        case warning
        case error
    }
}

extension TraceEvent.Name {
    /// The verb an event is about, lower case, as its name begins
    /// (`dial.result` → `dial`, `gather.start` → `gather`): which of the
    /// verbs on one line caused it, for the call-flow graph.
    public var verb: String {
        let name = rawValue
        return name.firstIndex(of: ".").map { String(name[..<$0]) } ?? name
    }
}
