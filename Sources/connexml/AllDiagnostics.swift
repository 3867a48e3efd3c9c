import Diagnostics
import Language

/// Every code the tool can print: the scripts' and (later layers) the
/// directory's. `check --ignore` accepts only warning codes from here.
enum AllDiagnostics {
    static let entries: [CatalogEntry] = ScriptDiagnostics.entries

    static func entry(for code: DiagnosticCode) -> CatalogEntry? { entries.first { $0.code == code } }
}
