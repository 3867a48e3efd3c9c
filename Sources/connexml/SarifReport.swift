import Diagnostics
import Foundation

/// `check --format sarif`: SARIF 2.1.0, the format code-scanning dashboards
/// and editors' SARIF viewers read. One run; the driver's rules are the
/// catalog entries of the codes reported (their meaning and usual
/// severity), each result points at its rule, file, line and column.
/// Like `--format json`, the text is exact: JSON escapes what it must.
enum SarifReport {
    static func render(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        let codes = Array(Set(diagnostics.map(\.code))).sorted()
        let rules = codes.map { code in
            let entry = AllDiagnostics.entry(for: code)
            return Rule(
                id: code.rawValue,
                shortDescription: entry.map { Text(text: $0.meaning) },
                defaultConfiguration: entry.map { Configuration(level: $0.severity.rawValue) })
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let results = diagnostics.map { d in
            Result(
                ruleId: d.code.rawValue, ruleIndex: ruleIndex[d.code]!, level: d.severity.rawValue,
                message: Text(text: d.message + (d.hint.map { "\n" + $0 } ?? "")),
                locations: location(of: d).map { [$0] })
        }
        let log = Log(runs: [
            Run(
                tool: Tool(driver: Driver(name: "connexml", version: toolVersion, rules: rules)),
                results: results)
        ])
        return MachineJSON.text(log, pretty: true)
    }

    /// Standard input has no file to point at; an absolute path becomes a
    /// file: URI, a relative one stays relative (to where check ran, the
    /// repository root in CI).
    private static func location(of d: Diagnostic) -> Location? {
        guard d.file != ScriptFiles.displayName(of: "-") else { return nil }
        let path = d.file.addingPercentEncoding(withAllowedCharacters: uriPathCharacters) ?? d.file
        let uri = d.file.hasPrefix("/") ? "file://" + path : path
        let region = d.position.map { Region(startLine: $0.line, startColumn: $0.column > 0 ? $0.column : nil) }
        return Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri), region: region))
    }

    /// RFC 3986 path characters: unreserved, sub-delimiters, ':', '@', '/'.
    private static let uriPathCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/")

    private struct Log: Encodable {
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version
            case runs
        }
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
    }
    private struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }
    private struct Tool: Encodable { let driver: Driver }
    private struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }
    private struct Rule: Encodable {
        let id: String
        let shortDescription: Text?
        let defaultConfiguration: Configuration?
    }
    private struct Configuration: Encodable { let level: String }
    private struct Text: Encodable { let text: String }
    private struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]?
    }
    private struct Location: Encodable { let physicalLocation: PhysicalLocation }
    private struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    private struct ArtifactLocation: Encodable { let uri: String }
    private struct Region: Encodable {
        let startLine: Int
        let startColumn: Int?
    }
}
