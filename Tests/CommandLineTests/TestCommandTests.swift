import Foundation
import Testing
import XMLParsing

/// `connexml test` on folders of samples made for each test.
@Suite struct TestCommandTests {
    /// A fresh folder with a script, scenarios for it, and optionally traces.
    final class Folder {
        let url: URL
        var path: String { url.path }

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
    }

    static let menu = """
        <Response>
          <Gather numDigits="1" timeout="3"><Say>Press 1</Say></Gather>
          <Condition field="${gather_result}" expression="^1$">
            <Say>One</Say>
          </Condition>
          <Say>Bye</Say>
        </Response>
        """

    static func scenario(_ keys: String) -> String {
        "call: {from: \"1001\", start: \"2026-01-05T09:30:00Z\", sid: CA-t}\ndtmf: [\(keys)]\n"
    }

    /// A folder with menu.xml, menu.one and menu.none scenarios, traces recorded.
    func recordedMenu() throws -> Folder {
        let folder = try Folder()
        try folder.write("flows/menu.xml", Self.menu)
        try folder.write("flows/menu.one.scenario.yaml", Self.scenario("\"1\""))
        try folder.write("flows/menu.none.scenario.yaml", Self.scenario(""))
        let record = try Connexml.run(["test", "--update", folder.path])
        #expect(record.status == 0)
        #expect(record.stdout.contains("updated 2 expected traces"))
        return folder
    }

    @Test func discoversAndPasses() throws {
        let folder = try recordedMenu()
        #expect(try folder.read("flows/menu.one.trace").contains("text=One"))
        let result = try Connexml.run(["test", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout == "2 passed, 0 failed\n")
        // A script alone names all its scenarios; a scenario file, just itself.
        #expect(try Connexml.run(["test", folder.path + "/flows/menu.xml"]).stdout == "2 passed, 0 failed\n")
        #expect(try Connexml.run(["test", folder.path + "/flows/menu.one.scenario.yaml"]).stdout == "1 passed, 0 failed\n")
    }

    @Test func aChangedFlowFailsWithAReadableDiff() throws {
        let folder = try recordedMenu()
        try folder.write("flows/menu.xml", Self.menu.replacingOccurrences(of: "<Say>One</Say>", with: "<Say>Uno</Say>"))
        let result = try Connexml.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "FAIL \(folder.path)/flows/menu.one: the trace differs from \(folder.path)/flows/menu.one.trace"))
        #expect(
            result.stdout.contains(
                "\n-    1.0  say            L4   text=One loop=1 duration=1\n+    1.0  say            L4   text=Uno loop=1 duration=1\n"
            ))
        #expect(result.stdout.contains("@@ -"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
        // --update takes the change in, and says so.
        let update = try Connexml.run(["test", "--update", folder.path])
        #expect(update.stdout.contains("updated \(folder.path)/flows/menu.one.trace"))
        #expect(try Connexml.run(["test", folder.path]).status == 0)
    }

    @Test func filterRunsASubset() throws {
        let folder = try recordedMenu()
        #expect(try Connexml.run(["test", "--filter", "none", folder.path]).stdout == "1 passed, 0 failed\n")
        let nothing = try Connexml.run(["test", "--filter", "nothing-like-this", folder.path])
        #expect(nothing.status == 1)
        #expect(nothing.stdout.contains("no samples found matching 'nothing-like-this'"))
    }

    @Test func invalidSamplesFailWithTheirDiagnosticsAndTheRunGoesOn() throws {
        let folder = try recordedMenu()
        try folder.write("broken.xml", "<Response><say>x</say></Response>")
        try folder.write("broken.scenario.yaml", Self.scenario(""))
        try folder.write("bad-world.xml", "<Response><Hangup/></Response>")
        try folder.write("bad-world.scenario.yaml", "call: {start: yesterday}\n")
        let result = try Connexml.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(folder.path)/broken: the sample is invalid"))
        #expect(result.stdout.contains("broken.xml:1:11: error: unknown element <say> [unknown-element]"))
        #expect(result.stdout.contains("[scenario-invalid-value]"))
        #expect(result.stdout.hasSuffix("2 passed, 2 failed\n"))
    }

    /// Samples run in worker processes: the options must reach them.
    @Test func theDirectoryOptionReachesTheSamples() throws {
        let folder = try recordedMenu()
        let missing = folder.path + "/no-such-directory.yaml"
        let result = try Connexml.run(["test", "--directory", missing, folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(folder.path)/flows/menu.one: the sample is invalid"))
        #expect(result.stdout.contains(missing))
        #expect(result.stdout.hasSuffix("0 passed, 2 failed\n"))
    }

    @Test func aMissingTraceFailsUntilRecorded() throws {
        let folder = try Folder()
        try folder.write("a.xml", "<Response><Hangup/></Response>")
        try folder.write("a.scenario.yaml", Self.scenario(""))
        let result = try Connexml.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("no expected trace \(folder.path)/a.trace (record it with --update)"))
    }

    @Test func anEmptyFolderIsAFailure() throws {
        let folder = try Folder()
        let result = try Connexml.run(["test", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout == "no samples found\n0 passed, 0 failed\n")
        try folder.write("orphan.scenario.yaml", Self.scenario(""))
        #expect(try Connexml.run(["test", folder.path]).stderr.contains("orphan.scenario.yaml: no script for this scenario"))
    }

    @Test func junitReport() throws {
        let folder = try recordedMenu()
        try folder.write("flows/menu.xml", Self.menu.replacingOccurrences(of: "Bye", with: "Goodbye"))
        let report = folder.path + "/report.xml"
        _ = try Connexml.run(["test", "--junit", report, folder.path])
        // Parsed back with connexml's own XML layer.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: report)))
        guard case .document(let document) = XMLParser.parse(bytes, file: report) else {
            Issue.record("the JUnit report is not well-formed XML")
            return
        }
        #expect(document.root.name == "testsuites")
        let suite = try #require(document.root.childElements.first)
        #expect(suite.name == "testsuite")
        #expect(suite.attribute("tests")?.value == "2")
        #expect(suite.attribute("failures")?.value == "2")
        let cases = suite.childElements.filter { $0.name == "testcase" }
        #expect(cases.compactMap { $0.attribute("name")?.value }.sorted() == ["menu.none", "menu.one"])
        let one = try #require(cases.first { $0.attribute("name")?.value == "menu.one" })
        let failure = try #require(one.childElements.first { $0.name == "failure" })
        #expect(failure.text.contains("+    2.0  say            L6   text=Goodbye"))
        #expect(failure.attribute("message")?.value.contains("the trace differs") == true)
    }

    @Test func coverageReportsTheBranchesNoSampleTakes() throws {
        let folder = try Folder()
        try folder.write("menu.xml", Self.menu)
        try folder.write("menu.one.scenario.yaml", Self.scenario("\"1\""))
        _ = try Connexml.run(["test", "--update", folder.path])
        let text = try Connexml.run(["test", "--coverage", folder.path]).stdout
        #expect(text.contains("L2 <Gather>: digits; never: no input"))
        #expect(text.contains("L3 <Condition>: true; never: false"))
        #expect(text.contains("coverage: 0 of 1 scripts have every verb and branch exercised"))
        let json = try Connexml.run(["test", "--coverage", "--format", "json", folder.path]).stdout
        let line = try #require(json.split(separator: "\n").first)
        let body = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let script = try #require((body?["scripts"] as? [[String: Any]])?.first)
        let branches = try #require(script["branches"] as? [[String: Any]])
        let condition = try #require(branches.first { $0["verb"] as? String == "Condition" })
        #expect(condition["covered"] as? [String] == ["true"])
        #expect(condition["missing"] as? [String] == ["false"])
        // Adding the missing case covers it.
        try folder.write("menu.none.scenario.yaml", Self.scenario(""))
        _ = try Connexml.run(["test", "--update", folder.path])
        #expect(try Connexml.run(["test", "--coverage", folder.path]).stdout.contains("L3 <Condition>: true, false\n"))
    }

    /// Coverage takes each verb's outcomes from the verb (a Dial's canceled
    /// and denied, a blind Transfer's two) and the branch taken from the
    /// engine's mark on the event: a denied Dial is denied, not failed.
    @Test func coverageCountsEveryOutcomeTheVerbDeclares() throws {
        let folder = try Folder()
        try folder.write(
            "calls.xml",
            """
            <Response>
              <Dial>1002</Dial>
              <Dial>+441234567890</Dial>
              <Transfer>1004</Transfer>
            </Response>
            """)
        func scenario(_ from: String, _ rest: String) -> String {
            "call: {from: \"\(from)\", start: \"2026-01-05T09:30:00Z\", sid: CA-t}\n" + rest
        }
        // The caller hangs up while 1002 rings: canceled.
        try folder.write(
            "calls.gone.scenario.yaml", scenario("1003", "answers:\n  \"1002\": {status: answered, ring: 5}\nhangup_at: 2\n"))
        // An agent may neither dial abroad nor transfer.
        try folder.write("calls.agent.scenario.yaml", scenario("1001", ""))
        // The operator: 1002 busy, abroad unanswered, the blind transfer made.
        try folder.write("calls.operator.scenario.yaml", scenario("1003", "answers:\n  \"1002\": {status: busy}\n"))
        #expect(try Connexml.run(["test", "--update", folder.path]).status == 0)
        let text = try Connexml.run(["test", "--coverage", folder.path]).stdout
        #expect(text.contains("L2 <Dial>: busy, no-answer, canceled; never: completed, failed, denied\n"), "\(text)")
        #expect(text.contains("L3 <Dial>: no-answer, denied; never: completed, busy, failed, canceled\n"), "\(text)")
        #expect(text.contains("L4 <Transfer>: transferred, denied\n"), "\(text)")
    }
}
