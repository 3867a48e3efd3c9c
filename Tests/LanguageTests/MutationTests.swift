import Diagnostics
import Foundation
import Language
import TestSupport
import Testing
import XMLParsing

/// Hostile and broken input never crashes the checker: every bundled script,
/// mutated at random many times over, gives either a script or diagnostics
/// with positions inside the text.
@Suite struct MutationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var scripts: [String] {
        let folder = packageRoot.appendingPathComponent("samples")
        let all = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return all.filter { $0.hasSuffix(".xml") }.sorted()
            .compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    static let pieces: [String] = [
        "<", ">", "/", "&", "\"", "'", "=", " ", "\n", "<!--", "-->", "<![CDATA[", "]]>", "&amp;",
        "<Say>", "</Say>", "<Dial>", "</Dial>", "{{", "}}", "${", "é", "\u{0}", "\t", "<?", "?>",
        "<Condition hour=\"25\">", "</Condition>", "<Press digit=\"1\">", "</Press>", "x=\"1\"",
    ]

    func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let at = Int.random(in: 0...scalars.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                scalars.insert(contentsOf: Self.pieces.randomElement(using: &random)!.unicodeScalars, at: at)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, at + Int.random(in: 1...8, using: &random))
                if at < end { scalars.removeSubrange(at..<end) }
            default:
                if at < scalars.count { scalars[at] = Self.pieces.randomElement(using: &random)!.unicodeScalars.first! }
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func mutatedScriptsNeverCrashTheChecker() {
        var random = SeededRandom(seed: 20_261_128)
        let scripts = Self.scripts
        #expect(scripts.count > 50)
        var outcomes = (scripts: 0, failures: 0)
        for round in 0..<3000 {
            let text = mutate(scripts[round % scripts.count], &random)
            let result = ScriptChecker.check(bytes: Array(text.utf8), file: "m.xml")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if result.script != nil { outcomes.scripts += 1 } else { outcomes.failures += 1 }
            #expect(result.script != nil || result.diagnostics.hasErrors, "round \(round): no script and no error")
            for d in result.diagnostics {
                if let p = d.position { #expect(p.line >= 1 && p.line <= lines + 1, "round \(round): \(d)") }
            }
        }
        // Both kinds happen: the mutations are neither all fatal nor all harmless.
        #expect(outcomes.scripts > 50 && outcomes.failures > 500, "\(outcomes)")
    }

    @Test func trickyButWellFormedInputIsLocatedExactly() throws {
        let text = "<Response><Say a=\"1 > 2\" b='<x/>'>hi</Say><!-- <Play> --><?pi <Say>?><Pause length=\"1\"/></Response>"
        guard
            case .document(let document) = XMLParser.parse(
                Array(text.replacingOccurrences(of: "'<x/>'", with: "'&lt;x/&gt;'").utf8), file: "t")
        else {
            Issue.record("should parse")
            return
        }
        let pause = try #require(document.root.childElements.last)
        #expect(pause.name == "Pause")
        let expectedColumn =
            text.replacingOccurrences(of: "'<x/>'", with: "'&lt;x/&gt;'").distance(
                from: text.startIndex,
                to: text.replacingOccurrences(of: "'<x/>'", with: "'&lt;x/&gt;'").range(of: "<Pause")!.lowerBound) + 1
        #expect(pause.position == SourcePosition(line: 1, column: expectedColumn))
        #expect(pause.attribute("length")?.position.column == expectedColumn + 7)
    }
}
