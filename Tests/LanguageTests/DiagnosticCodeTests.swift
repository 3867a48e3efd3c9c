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

    /// The layers whose codes the script catalog lists: the checker's and
    /// the XML parser's.
    static func sources() throws -> [(file: String, text: String)] {
        let parsing = languageSources.deletingLastPathComponent().appendingPathComponent("XMLParsing")
        let files = [languageSources, parsing].flatMap {
            FileManager.default.enumerator(at: $0, includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        }
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func noCodeIsWrittenAsTextWhereItIsEmitted() throws {
        let literal = try NSRegularExpression(pattern: #"\b(error|warning)\(\s*"[a-z-]+""#)
        var offenders: [String] = []
        for (file, text) in try Self.sources() {
            let range = NSRange(text.startIndex..., in: text)
            offenders += literal.matches(in: text, range: range).map {
                "\(file): \((text as NSString).substring(with: $0.range))"
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test func everyDeclaredCodeIsInTheCatalog() throws {
        let declaration = try NSRegularExpression(pattern: #"static let \w+: DiagnosticCode\s*=\s*"([a-z-]+)""#)
        var declared: Set<String> = []
        for (_, text) in try Self.sources() {
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                declared.insert((text as NSString).substring(with: match.range(at: 1)))
            }
        }
        let catalog = Set(ScriptDiagnostics.entries.map(\.code.rawValue))
        #expect(declared.count > 25, "the declarations were not found: \(declared)")
        #expect(
            declared.subtracting(catalog).isEmpty, "declared but not in the catalog: \(declared.subtracting(catalog).sorted())")
    }

    /// What `check` says of each verb or noun, as its reference states it
    /// (`ElementReference.checks`), names every code its own file emits:
    /// a new diagnostic that the reference does not mention fails here.
    @Test func everyCodeAVerbEmitsIsInItsReference() throws {
        let sources = try Self.sources()
        let declaration = try NSRegularExpression(pattern: #"static let (\w+): DiagnosticCode\s*=\s*"([a-z-]+)""#)
        var codes: [String: String] = [:]
        for (_, text) in sources {
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes[(text as NSString).substring(with: match.range(at: 1))] = (text as NSString).substring(
                    with: match.range(at: 2))
            }
        }
        let emitted = try NSRegularExpression(pattern: #"\b(?:error|warning)\(\s*\.(\w+)"#)
        let named = try NSRegularExpression(pattern: #"static let elementName = "([A-Za-z-]+)""#)
        var checked = 0
        for url in try FileManager.default.contentsOfDirectory(
            at: Self.languageSources.appendingPathComponent("Verbs"), includingPropertiesForKeys: nil)
            + FileManager.default.contentsOfDirectory(
                at: Self.languageSources.appendingPathComponent("Nouns"), includingPropertiesForKeys: nil)
        {
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            let elements = named.matches(in: text, range: range).map { (text as NSString).substring(with: $0.range(at: 1)) }
            let said = elements.compactMap { LanguageSyntax.element($0)?.reference.checks.joined(separator: " ") }.joined(
                separator: " ")
            for match in emitted.matches(in: text, range: range) {
                let name = (text as NSString).substring(with: match.range(at: 1))
                let code = try #require(codes[name], "\(url.lastPathComponent): .\(name) is declared nowhere")
                checked += 1
                #expect(
                    said.contains("`\(code)`"),
                    "\(url.lastPathComponent) emits \(code), which the reference of \(elements) does not mention")
            }
        }
        #expect(checked > 15)
    }
}
