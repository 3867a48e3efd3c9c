/// How a driver wants a call run, apart from the world it runs in: to its
/// end (`run`, `test`), or, as the REPL replays calls, stopping where it
/// waits for input nobody gave yet, or before one verb too many.
public struct RunMode: Sendable, Equatable {
    /// Stop where the call would wait for keys, or for a dial's answer
    /// that the scenario does not give (`CallSummary.Wait`).
    public var pauseForInput: Bool
    /// Stop before the call would run one more verb than this, as paused
    /// and waiting for `.verb` (the REPL's `:step` and breakpoints); nil:
    /// no limit. Every verb counts, nested ones too, in the order they run.
    public var stopAfterVerbs: Int?

    public init(pauseForInput: Bool = false, stopAfterVerbs: Int? = nil) {
        self.pauseForInput = pauseForInput
        self.stopAfterVerbs = stopAfterVerbs
    }

    /// Every call runs to its end.
    public static let toTheEnd = RunMode()
}
