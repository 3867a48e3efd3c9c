/// What a call is and never changes while it runs: the engine, the world
/// (scenario), how the driver runs it, and its first document. One object:
/// a call and its state hold one reference to it, where holding the values
/// themselves copied the scenario's many fields at every hand-off (making
/// the call, admitting it, starting its state) and destroyed each copy.
final class CallSetup: Sendable {
    let engine: Engine
    let scenario: Scenario
    let mode: RunMode
    /// The document the call starts with (`CallRun.script` then follows
    /// hand-overs).
    let script: CompiledScript

    init(engine: Engine, scenario: Scenario, mode: RunMode, script: CompiledScript) {
        self.engine = engine
        self.scenario = scenario
        self.mode = mode
        self.script = script
    }
}
