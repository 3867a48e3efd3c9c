/// One published diagnostic code: its severity and a one-line meaning. Each
/// layer lists the codes it emits; the command line joins the lists, and the
/// docs/checking.md documents them (a test keeps the two in step).
public struct CatalogEntry: Sendable {
    public let code: DiagnosticCode
    public let severity: Severity
    public let meaning: String

    public init(code: DiagnosticCode, severity: Severity, meaning: String) {
        self.code = code
        self.severity = severity
        self.meaning = meaning
    }
}
