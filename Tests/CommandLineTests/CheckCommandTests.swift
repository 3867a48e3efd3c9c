import Foundation
import Testing

@testable import connexml

@Suite struct CheckCommandTests {
    @Test func sourceLineAndCaretOnRequest() throws {
        let result = try Connexml.run(["check", "--show-source", "samples/invalid/bare-ampersand.xml"])
        #expect(
            result.stdout == """
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
        let result = try Connexml.run([
            "check", "--format", "json", "samples/invalid/unknown-attributes.xml", "samples/scripts/ivr-menu.xml",
        ])
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

    /// A folder of scripts in a fresh temporary folder, readable by anyone
    /// (the permission tests run the check as another user).
    private func scriptFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-check-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/ok", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let valid = Connexml.packageRoot.appendingPathComponent("samples/scripts/ivr-menu.xml").path
        for path in ["ok/menu.xml", "sub/menu.xml", "secret.xml"] {
            try FileManager.default.copyItem(atPath: valid, toPath: "\(folder)/\(path)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        return folder
    }

    /// `connexml check FOLDER` as a user that permissions apply to: root
    /// reads everything, so as root (CI) the check runs as nobody.
    private func checkWithoutPrivileges(_ folder: String) throws -> Connexml.Output {
        guard getuid() == 0 else { return try Connexml.run(["check", "--no-show-source", folder]) }
        return try Connexml.shell(
            "setpriv --reuid=65534 --regid=65534 --clear-groups \"$CONNEXML\" check --no-show-source '\(folder)'")
    }

    @Test func anUnreadableFolderOrFileIsReportedNotSkipped() throws {
        let folder = try scriptFolder()
        defer {
            _ = chmod(folder + "/sub", 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        #expect(chmod(folder + "/sub", 0) == 0)
        #expect(chmod(folder + "/secret.xml", 0) == 0)
        let result = try checkWithoutPrivileges(folder)
        #expect(
            result.stdout == """
                \(folder)/secret.xml: error: cannot be opened for reading: Permission denied [unreadable-file]
                \(folder)/sub: error: this folder cannot be read, so its scripts are not checked: Permission denied [unreadable-file]
                checked 2 files: 2 errors, 0 warnings

                """, "\(result.stderr)")
        #expect(result.status == 2)
    }

    @Test func linksThatLeadNowhereAreReportedAndFolderLinksNotFollowed() throws {
        let folder = try scriptFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder + "/broken.xml", withDestinationPath: "nowhere.xml")
        try manager.createSymbolicLink(atPath: folder + "/loop-a.xml", withDestinationPath: "loop-b.xml")
        try manager.createSymbolicLink(atPath: folder + "/loop-b.xml", withDestinationPath: "loop-a.xml")
        try manager.createSymbolicLink(atPath: folder + "/ok/linked.xml", withDestinationPath: "menu.xml")  // checked
        try manager.createSymbolicLink(atPath: folder + "/ok/up", withDestinationPath: "..")  // not followed
        try manager.createSymbolicLink(atPath: folder + "/notes", withDestinationPath: "missing")  // not a script
        let result = try Connexml.run(["check", "--no-show-source", folder])
        #expect(
            result.stdout == """
                \(folder)/broken.xml: error: a broken symbolic link: what it points to does not exist [unreadable-file]
                \(folder)/loop-a.xml: error: a symbolic link that loops: it never reaches a file [unreadable-file]
                \(folder)/loop-b.xml: error: a symbolic link that loops: it never reaches a file [unreadable-file]
                checked 4 files: 3 errors, 0 warnings

                """)
        #expect(result.status == 2)
    }

    @Test func aFolderWithNothingWrongStillSaysSo() throws {
        let folder = try scriptFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Connexml.run(["check", folder])
        #expect(result.stdout == "checked 3 files: no problems\n")
        #expect(result.status == 0)
    }

    @Test func everyDiagnosticCodeIsDocumentedInTheReadme() throws {
        // The codes are documented in docs/checking.md.
        let readme = try String(contentsOf: Connexml.packageRoot.appendingPathComponent("docs/checking.md"), encoding: .utf8)
        let codes = try Connexml.run([
            "check", "--format", "json", "--directory",
            "samples/invalid-directories/everything-wrong.yaml", "samples/invalid",
        ]).stdout
        // Every code the samples produce, and every code in the catalog, is in the table of docs/checking.md.
        let produced = Set(codes.matches(of: /"code":"([a-z-]+)"/).map { String($0.output.1) })
        #expect(produced.count >= 25)
        for code in produced { #expect(readme.contains("| `\(code)` |"), "docs/checking.md does not document \(code)") }
        for entry in AllDiagnostics.entries {
            #expect(
                readme.contains("| `\(entry.code)` | \(entry.severity.rawValue) |"),
                "docs/checking.md does not document \(entry.code)")
        }
        // And nothing is emitted that the catalog does not know.
        let catalog = Set(AllDiagnostics.entries.map(\.code.rawValue))
        #expect(produced.subtracting(catalog).isEmpty)
    }
}
