import Diagnostics

/// Every diagnostic code that loading a scenario (or the world given on the
/// command line) can emit.
public enum ScenarioDiagnostics {
    public static let entries: [CatalogEntry] = [
        .init(code: "scenario-syntax", severity: .error, meaning: "the scenario is not valid YAML (or not UTF-8)"),
        .init(code: "scenario-too-large", severity: .error, meaning: "the scenario file is over the size limit (1 MiB)"),
        .init(code: "scenario-structure", severity: .error, meaning: "a field of the wrong kind, or an unknown key"),
        .init(
            code: "scenario-missing-field", severity: .error,
            meaning: "a required field (a call's id, an answer's status, keys) is absent"),
        .init(
            code: "scenario-invalid-value", severity: .error,
            meaning: "a malformed time, time zone, status, key or number of seconds"),
        .init(code: "scenario-duplicate", severity: .error, meaning: "a key given twice"),
        .init(
            code: "scenario-too-many-problems", severity: .error,
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
