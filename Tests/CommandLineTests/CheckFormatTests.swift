import Diagnostics
import Foundation
import Testing

@testable import connexml

/// `check --format github` and `--format sarif`: verbatim against golden
/// files (samples/invalid/ci-formats.*), and the escaping and structure
/// rules each format has. After a deliberate change, re-record with
/// CONNEXML_UPDATE_GOLDEN=1 swift test --filter CheckFormatTests.
@Suite struct CheckFormatTests {
    /// Errors and a warning, with hints, from two scripts.
    static let scripts = ["samples/invalid/attribute-as-text.xml", "samples/invalid/unclosed-comment.xml"]

    func expectGolden(_ format: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try Connexml.run(["check", "--format", format] + Self.scripts)
        let golden = Connexml.packageRoot.appendingPathComponent("samples/invalid/ci-formats.\(format)")
        if ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)), sourceLocation: sourceLocation)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, sourceLocation: sourceLocation)
        return result.stdout
    }

    // MARK: github

    @Test func githubAnnotationsMatchVerbatim() throws {
        let output = try expectGolden("github")
        let lines = output.split(separator: "\n")
        #expect(lines.last?.hasPrefix("checked 2 files: ") == true)
        for line in lines.dropLast() {
            #expect(
                line.hasPrefix("::error file=samples/invalid/") || line.hasPrefix("::warning file=samples/invalid/"), "\(line)")
        }
    }

    @Test func githubEscapesPropertiesAndMessages() {
        #expect(GitHubAnnotations.property("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af")
        #expect(GitHubAnnotations.message("50%: a, b\r\n") == "50%25: a, b%0D%0A")
        // '%' first: an encoding already in the text stays as written.
        #expect(GitHubAnnotations.message("%0A") == "%250A")
    }

    @Test func githubAnnotationWithoutPositionOrColumn() {
        let whole = Diagnostic(.error, "unreadable-file", "no such file", file: "gone.xml", at: nil)
        #expect(GitHubAnnotations.annotation(whole) == "::error file=gone.xml,title=unreadable-file::no such file\n")
        let lineOnly = Diagnostic(
            .warning, "unreachable", "never runs", file: "a.xml", at: SourcePosition(line: 4, column: 0), hint: "remove it")
        #expect(
            GitHubAnnotations.annotation(lineOnly) == "::warning file=a.xml,line=4,title=unreachable::never runs%0Aremove it\n")
    }

    @Test func aMessageCannotStartAnotherWorkflowCommand() {
        let hostile = Diagnostic(
            .warning, "unknown-element", "<x>\n::error file=forged.xml::forged\r\u{1B}[2J",
            file: "a,b.xml\n::error::x", at: SourcePosition(line: 1, column: 2))
        let line = GitHubAnnotations.annotation(hostile)
        #expect(line.filter { $0 == "\n" || $0 == "\r" }.count == 1)  // only the final line feed
        #expect(line.hasPrefix("::warning file=a%2Cb.xml\\n%3A%3Aerror%3A%3Ax,line=1,col=2,title=unknown-element::"))
        #expect(!line.unicodeScalars.contains("\u{1B}"))
    }

    @Test func githubFormatOfAFileWithCommasColonsAndPercents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("a,b:c%.xml")
        try "<Response>\n  <Say loop=\"10%\">hi</Say>\n</Response>\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Connexml.run(["check", "--format", "github", script.path])
        #expect(result.status == 1)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first.hasPrefix("::error file=\(folder.path)/a%2Cb%3Ac%25.xml,line=2,col=8,title=invalid-value::loop=\"10%25\""),
            "\(first)")
    }

    // MARK: sarif

    @Test func sarifMatchesVerbatimAndIsWellFormed() throws {
        let output = try expectGolden("sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-2.1.0.json") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "connexml")
        #expect(driver["version"] as? String == connexml.Connexml.configuration.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIds).count == rules.count)
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 6)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIds[index] == result["ruleId"] as? String)
            #expect(["error", "warning"].contains(result["level"] as? String))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(Self.scripts.contains(uri))
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
    }

    @Test func sarifURIsAndStandardInput() throws {
        let diagnostics = [
            Diagnostic(.error, "bare-ampersand", "bare", file: "/tmp/my calls/a#1.xml", at: SourcePosition(line: 2, column: 0)),
            Diagnostic(
                .warning, "unreachable", "never", file: ScriptFiles.displayName(of: "-"), at: SourcePosition(line: 3, column: 1)),
            Diagnostic(.warning, "not-in-the-catalog", "?", file: "b.xml", at: nil),
        ]
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(SarifReport.render(diagnostics, toolVersion: "9").utf8)) as? [String: Any]
        )
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let first = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((first["artifactLocation"] as? [String: Any])?["uri"] as? String == "file:///tmp/my%20calls/a%231.xml")
        #expect((first["region"] as? [String: Any])?["startColumn"] == nil)  // column unknown
        #expect(results[1]["locations"] == nil)  // standard input: no file to point at
        let third = try #require((results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(third["region"] == nil)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["bare-ampersand", "not-in-the-catalog", "unreachable"])
        #expect(rules[1]["shortDescription"] == nil)
    }

    @Test func strictMakesSarifResultsErrors() throws {
        let result = try Connexml.run(["check", "--strict", "--format", "sarif", "samples/invalid/attribute-as-text.xml"])
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let levels = (run["results"] as? [[String: Any]] ?? []).compactMap { $0["level"] as? String }
        #expect(levels.count == 5)
        #expect(Set(levels) == ["error"])
        // The rules are the catalog's (attribute-as-text, unexpected-text): --strict changes results only.
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == 2)
    }
}
