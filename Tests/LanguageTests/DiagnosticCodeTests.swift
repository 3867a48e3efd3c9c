import Diagnostics
import Foundation
import Language
import Testing

/// Codes are values declared beside the code that emits them
/// (`extension DiagnosticCode { static let invalidValue … }`), and the
/// catalog lists each of them. Read from the sources: a code written as a
/// string at a call site, or declared and left out of the catalog, fails.
@Suite struct DiagnosticCodeTests {
    static let languageSources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Language")

    static func sources() throws -> [(file: String, text: String)] {
        let files = FileManager.default.enumerator(at: languageSources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func noCodeIsWrittenAsTextWhereItIsEmitted() throws {
        let literal = try NSRegularExpression(pattern: #"\b(error|warning)\(\s*"[a-z-]+""#)
        var offenders: [String] = []
        for (file, text) in try Self.sources() {
            let range = NSRange(text.startIndex..., in: text)
            offenders += literal.matches(in: text, range: range).map { "\(file): \((text as NSString).substring(with: $0.range))" }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test func everyDeclaredCodeIsInTheCatalog() throws {
        let declaration = try NSRegularExpression(pattern: #"static let \w+: DiagnosticCode = "([a-z-]+)""#)
        var declared: Set<String> = []
        for (_, text) in try Self.sources() {
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                declared.insert((text as NSString).substring(with: match.range(at: 1)))
            }
        }
        let catalog = Set(ScriptDiagnostics.entries.map(\.code.rawValue))
        #expect(declared.count > 25, "the declarations were not found: \(declared)")
        #expect(declared.subtracting(catalog).isEmpty, "declared but not in the catalog: \(declared.subtracting(catalog).sorted())")
    }
}
