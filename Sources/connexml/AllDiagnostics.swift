import Diagnostics
import Engine
import Language
import Policy

/// Every code the tool can print: the scripts', the directory's, the scenarios'.
/// `check --ignore` accepts only warning codes from here.
enum AllDiagnostics {
    static let entries: [CatalogEntry] = ScriptDiagnostics.entries + DirectoryDiagnostics.entries + ScenarioDiagnostics.entries

    static func entry(for code: DiagnosticCode) -> CatalogEntry? { entries.first { $0.code == code } }
}
