import Diagnostics
import Language
import Policy

/// Every code the tool can print: the scripts' and the directory's.
/// `check --ignore` accepts only warning codes from here.
enum AllDiagnostics {
    static let entries: [CatalogEntry] = ScriptDiagnostics.entries + DirectoryDiagnostics.entries

    static func entry(for code: DiagnosticCode) -> CatalogEntry? { entries.first { $0.code == code } }
}
