import Language

/// The reverse of the engine's marking: the outcome each event of a trace
/// read back (`TraceJSONReader`) takes, from its name, its fields and its
/// neighbours, exactly as the verbs mark it when they emit (a test checks
/// every sample's trace). Kept beside the marks, so a verb whose marking
/// changes changes this too.
extension TraceEvent {
    /// `events` with the outcome each marks (a trace read back carries none).
    static func readOutcomes(_ events: [TraceEvent]) -> [TraceEvent] {
        events.indices.map { i in
            let event = events[i]
            return TraceEvent(
                time: event.time, name: event.name, file: event.file, line: event.line, fields: event.fields,
                outcome: outcome(of: events, at: i), code: event.code)
        }
    }

    /// The outcome `events[i]` marks; nil for most events.
    static func outcome(of events: [TraceEvent], at i: Int) -> VerbOutcome? {
        let event = events[i]
        guard event.line != nil else { return nil }  // the call's own events (a refused call's denial)
        /// The event right before or after, when the same verb caused it.
        func neighbour(_ offset: Int) -> TraceEvent? {
            let j = i + offset
            guard events.indices.contains(j), events[j].file == event.file, events[j].line == event.line else { return nil }
            return events[j]
        }
        switch event.name {
        case .condition:
            // Condition.swift: `result` says whether every test held.
            guard case .bool(let held)? = event[.result] else { return nil }
            return held ? Condition.Outcome.holds : Condition.Outcome.fails
        case .gather:
            // Gather.swift: no digits (none, or fewer than minDigits) is no input.
            guard case .string(let digits)? = event[.digits] else { return nil }
            return digits.isEmpty ? Gather.Outcome.noInput : Gather.Outcome.digits
        case .dialResult:
            // Dial.swift `finishDial`: after a dial's own denial, the
            // denial is the branch, not its `failed`.
            if let denial = neighbour(-1), denial.name == .denied, deniedDial(denial) { return nil }
            guard case .string(let status)? = event[.status] else { return nil }
            return Dial.possibleOutcomes.first { $0.name == status && $0 != Dial.Outcome.denied }
        case .denied:
            // Which verb's branch a denial is: Dial's (its destinations, a
            // barge) or Transfer's; another's (enqueue, stream, set, a barge
            // key) is none.
            if deniedDial(event) { return Dial.Outcome.denied }
            if case .string("transfer")? = event[.action], neighbour(-1)?.name == .transfer { return Transfer.Outcome.denied }
            return nil
        case .transfer:
            // Transfer.swift: a blind transfer that policy allows ends the
            // call there; a refused one is followed by its denial.
            guard case .bool(false)? = event[.attended] else { return nil }
            return neighbour(1)?.name == .denied ? nil : Transfer.Outcome.transferred
        case .transferResult:
            guard case .string(let status)? = event[.status] else { return nil }
            switch status {
            case "completed": return Transfer.Outcome.transferred
            case "busy": return Transfer.Outcome.busy
            case "no-answer": return Transfer.Outcome.noAnswer
            default: return Transfer.Outcome.failed
            }
        case .key:
            // Press.swift: a key that fires a binding.
            return event[.effect] == .string("binding") ? Press.Outcome.pressed : nil
        default:
            return nil
        }
    }

    /// A denial that is a Dial's branch: of its destination (`action=dial`)
    /// or of a barge (`action=barge`).
    private static func deniedDial(_ event: TraceEvent) -> Bool {
        guard event.name == .denied, case .string(let action)? = event[.action] else { return false }
        return action == "dial" || action == "barge"
    }
}
