import Language
import Engine
import Policy

/// What every call must keep, whatever the script and the world: it starts,
/// it ends (or pauses where asked to), its clock never runs backwards, and
/// it gives back every capacity it took.
public func checkCall(_ events: [TraceEvent], _ summary: CallSummary, engine: Engine, directory: Directory) {
    invariant(events.first?.name == .callStart, "the first event is \(events.first.map { "\($0.name)" } ?? "missing")")
    let last = events.last?.name
    invariant(last == .callEnd || (last == .callPaused && summary.reason == .paused),
              "the call ended with \(last.map { "\($0)" } ?? "nothing") (reason \(summary.reason))")
    for (earlier, later) in zip(events, events.dropFirst()) {
        invariant(earlier.time <= later.time, "the clock ran backwards: \(earlier.name) at \(earlier.time), then \(later.name) at \(later.time)")
    }
    invariant(summary.duration.isFinite && summary.duration >= 0, "the call lasted \(summary.duration) s")
    for profile in directory.profiles {
        invariant(engine.capacity.activeUsers(of: profile.name) == 0, "the call left users active on profile \(profile.name)")
    }
}

/// Hand-overs get the document being fuzzed again (until the engine's limit
/// of hand-overs), or a failure: the fuzzer reads no files.
public struct SameDocument: DocumentSource {
    let script: CompiledScript

    public init(_ script: CompiledScript) { self.script = script }

    public func document(_ reference: String, from file: String, method: HTTPMethod,
                         parameters: [(String, String)]) -> Result<CompiledScript, DocumentFailure> {
        reference.utf8.count % 2 == 0 ? .success(script) : .failure(DocumentFailure(message: "no document \(reference) here"))
    }
}
