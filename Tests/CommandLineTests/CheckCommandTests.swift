import Foundation
import Testing
@testable import connexml

@Suite struct CheckCommandTests {
    @Test func sourceLineAndCaretOnRequest() throws {
        let result = try Connexml.run(["check", "--show-source", "samples/invalid/bare-ampersand.xml"])
        #expect(result.stdout == """
            samples/invalid/bare-ampersand.xml:2:44: error: a bare '&' is not allowed in XML [bare-ampersand]
                  <Redirect>https://example.com/next?step=2&lang=en</Redirect>
                                                           ^
            samples/invalid/bare-ampersand.xml:2:44: note: write '&amp;' instead, also inside URLs: ?a=1&amp;b=2
            checked 1 file: 1 error, 0 warnings

            """)
        #expect(result.status == 1)
    }

    @Test func noSourceLinesWhenOutputIsNotATerminal() throws {
        let result = try Connexml.run(["check", "samples/invalid/bare-ampersand.xml"])
        #expect(!result.stdout.contains("^"))
    }

    @Test func jsonForTools() throws {
        let result = try Connexml.run(["check", "--format", "json", "samples/invalid/unknown-attributes.xml", "samples/scripts/ivr-menu.xml"])
        #expect(result.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(report?["files"] as? Int == 2)
        #expect(report?["errors"] as? Int == 1)
        #expect(report?["warnings"] as? Int == 5)
        let first = (report?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["file"] as? String == "samples/invalid/unknown-attributes.xml")
        #expect(first?["line"] as? Int == 2)
        #expect(first?["column"] as? Int == 8)
        #expect(first?["severity"] as? String == "warning")
        #expect(first?["code"] as? String == "unsupported-attribute")
    }

    @Test func exitStatuses() throws {
        #expect(try Connexml.run(["check", "samples/scripts/ivr-menu.xml"]).status == 0)
        #expect(try Connexml.run(["check", "samples/invalid/unreachable.xml"]).status == 0)  // warnings only
        #expect(try Connexml.run(["check", "samples/invalid/bad-values.xml"]).status == 1)
        let missing = try Connexml.run(["check", "no/such/file.xml", "samples/scripts/ivr-menu.xml"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no/such/file.xml: error: no such file [unreadable-file]"))
        #expect(try Connexml.run(["check", "--format", "yaml", "samples/scripts/ivr-menu.xml"]).status == 2)
        #expect(try Connexml.run(["check"]).status == 2)
        #expect(try Connexml.run(["frobnicate"]).status == 2)
        #expect(try Connexml.run(["--help"]).status == 0)
    }

    @Test func strictMakesWarningsErrors() throws {
        let result = try Connexml.run(["check", "--strict", "samples/invalid/unreachable.xml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains(": error: <Say> is never reached [unreachable]"))
    }

    @Test func ignoreHidesWarningsByCode() throws {
        let result = try Connexml.run(["check", "--strict", "--ignore", "unreachable", "samples/invalid/unreachable.xml"])
        #expect(result.status == 0)
        #expect(result.stdout == "checked 1 file: no problems\n")
        let error = try Connexml.run(["check", "--ignore", "invalid-value", "samples/invalid/bad-values.xml"])
        #expect(error.status == 2)
        #expect(error.stderr.contains("'invalid-value' is an error, and errors cannot be ignored"))
        let typo = try Connexml.run(["check", "--ignore", "unreachabel", "samples/scripts/ivr-menu.xml"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'unreachable'?"))
    }

    @Test func standardInput() throws {
        let result = try Connexml.run(["check", "-"], input: "<Response><say>x</say></Response>")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<stdin>:1:11: error: unknown element <say> [unknown-element]"))
    }

    @Test func foldersAreSearchedForScripts() throws {
        let result = try Connexml.run(["check", "samples/invalid"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("samples/invalid/wrong-root.xml:1:1: error:"))
        #expect(result.stdout.contains("checked \(CheckGoldenTests.invalidScripts.count) files"))
    }

    @Test func everyDiagnosticCodeIsDocumentedInTheReadme() throws {
        let readme = try String(contentsOf: Connexml.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let codes = try Connexml.run(["check", "--format", "json", "--directory",
                                      "samples/invalid-directories/everything-wrong.yaml", "samples/invalid"]).stdout
        // Every code the samples produce, and every code in the catalog, is in the README's table.
        let produced = Set(codes.matches(of: /"code":"([a-z-]+)"/).map { String($0.output.1) })
        #expect(produced.count >= 25)
        for code in produced { #expect(readme.contains("| `\(code)` |"), "README does not document \(code)") }
        for entry in AllDiagnostics.entries {
            #expect(readme.contains("| `\(entry.code)` | \(entry.severity.rawValue) |"), "README does not document \(entry.code)")
        }
        // And nothing is emitted that the catalog does not know.
        let catalog = Set(AllDiagnostics.entries.map(\.code.rawValue))
        #expect(produced.subtracting(catalog).isEmpty)
    }
}
