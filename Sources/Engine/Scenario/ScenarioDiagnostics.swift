import Diagnostics
import YAMLFields

/// Every diagnostic code that loading a scenario (or the world given on the
/// command line) can emit.
public enum ScenarioDiagnostics {
    public static let entries: [CatalogEntry] = [
        .init(code: ScenarioLoader.code(.syntax), severity: .error, meaning: "the scenario is not valid YAML (or not UTF-8)"),
        .init(
            code: ScenarioLoader.code(.tooLarge), severity: .error, meaning: "the scenario file is over the size limit (1 MiB)"),
        .init(code: ScenarioLoader.code(.structure), severity: .error, meaning: "a field of the wrong kind, or an unknown key"),
        .init(
            code: ScenarioLoader.code(.missingField), severity: .error,
            meaning: "a required field (a call's id, an answer's status, keys) is absent"),
        .init(
            code: ScenarioLoader.code(.invalidValue), severity: .error,
            meaning: "a malformed time, time zone, status, key or number of seconds"),
        .init(code: ScenarioLoader.code(.duplicate), severity: .error, meaning: "a key given twice"),
        .init(
            code: ScenarioLoader.code(.unknownUser), severity: .error,
            meaning: "a `logged_in` name that is not a SIP user of the directory"),
        .init(
            code: ScenarioLoader.code(.overCapacity), severity: .error,
            meaning: "more `logged_in` users of one profile than its capacity"),
        .init(
            code: ScenarioLoader.code(.tooManyProblems), severity: .error,
            meaning: "reporting stopped after the limit of problems per file"),
        .init(
            code: .invalidOption, severity: .error, meaning: "a `run` option with a malformed value (--dtmf, --at, --timezone)"),
    ]
}

extension DiagnosticCode {
    /// A `run` option with a malformed value: the command line reports it,
    /// beside the scenario's own codes, since options change the world too.
    public static let invalidOption: DiagnosticCode = "invalid-option"
}
