import Foundation
import Testing
import XMLParsing

/// `connexml test` when a sample crashes the process running it: the sample
/// fails, alone, and the run goes on to its summary. The crashes are made
/// with the workers' fault-injection hook (CONNEXML_TEST_CRASH, see
/// `InjectedCrash`), since every real crash gets fixed.
@Suite struct TestCrashIsolationTests {
    typealias Folder = TestCommandTests.Folder

    /// `flows/menu.xml` with `count` scenarios, menu.s00 ... (alternating
    /// keys, so the traces differ), traces recorded.
    func recordedSamples(_ count: Int) throws -> Folder {
        let folder = try Folder()
        try folder.write("flows/menu.xml", TestCommandTests.menu)
        for index in 0..<count {
            try folder.write(Self.scenarioFile(index), TestCommandTests.scenario(index % 2 == 0 ? "\"1\"" : ""))
        }
        let record = try Connexml.run(["test", "--update", folder.path])
        #expect(record.status == 0)
        #expect(record.stdout.hasSuffix("updated \(count) expected trace\(count == 1 ? "" : "s")\n\(count) passed, 0 failed\n"))
        return folder
    }

    static func name(_ index: Int) -> String { String(format: "menu.s%02d", index) }
    static func scenarioFile(_ index: Int) -> String { "flows/\(name(index)).scenario.yaml" }

    /// `connexml test ARGUMENTS` with the workers told to crash on `sample`.
    func test(_ arguments: [String], crashing sample: String, kind: String = "overflow") throws -> Connexml.Output {
        try Connexml.shell(
            "CONNEXML_TEST_CRASH=\(quoted(sample)) CONNEXML_TEST_CRASH_KIND=\(kind) \"$CONNEXML\" test "
                + arguments.map(quoted).joined(separator: " "))
    }

    private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @Test func aCrashingSampleFailsAloneAndTheSummaryAndReportStillCome() throws {
        let folder = try recordedSamples(6)
        let report = folder.path + "/report.xml"
        let result = try test(["--junit", report, folder.path], crashing: "flows/menu.s02")
        #expect(result.status == 1)
        let crashed = "\(folder.path)/flows/menu.s02"
        #expect(result.stdout.contains("FAIL \(crashed): crashed"))
        #expect(result.stdout.contains("  script \(folder.path)/flows/menu.xml, scenario \(crashed).scenario.yaml\n"))
        #expect(
            result.stdout.contains(
                "  to run it alone: connexml run --offline \(folder.path)/flows/menu.xml --scenario \(crashed).scenario.yaml\n"))
        // Only that one failed; the summary is there.
        #expect(result.stdout.components(separatedBy: "FAIL ").count == 2)
        #expect(result.stdout.hasSuffix("5 passed, 1 failed\n"))

        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: report)))
        guard case .document(let document) = XMLParser.parse(bytes, file: report) else {
            Issue.record("the JUnit report is not well-formed XML")
            return
        }
        let suite = try #require(document.root.childElements.first)
        #expect(suite.attribute("tests")?.value == "6")
        #expect(suite.attribute("failures")?.value == "1")
        let cases = suite.childElements.filter { $0.name == "testcase" }
        let failed = cases.filter { $0.childElements.contains { $0.name == "failure" } }
        #expect(failed.compactMap { $0.attribute("name")?.value } == ["menu.s02"])
        let failure = try #require(failed.first?.childElements.first)
        #expect(failure.attribute("type")?.value == "crash")
        #expect(failure.attribute("message")?.value.hasPrefix("crashed") == true)
        #expect(failure.text.contains("scenario \(crashed).scenario.yaml"))
    }

    @Test func aTrapIsNamedWithTheRuntimesMessage() throws {
        let folder = try recordedSamples(3)
        let result = try test([folder.path], crashing: "menu.s01", kind: "trap")
        #expect(result.status == 1)
        // SIGILL on x86, SIGTRAP on ARM.
        #expect(result.stdout.contains("FAIL \(folder.path)/flows/menu.s01: crashed with SIG"))
        #expect(result.stdout.contains("a Swift runtime trap)\n"))
        #expect(
            result.stdout.contains("  | ")
                && result.stdout.contains(
                    "Fatal error: injected crash in \(folder.path)/flows/menu.s01 (CONNEXML_TEST_CRASH)")
        )
        #expect(result.stdout.hasSuffix("2 passed, 1 failed\n"))
    }

    @Test func aWorkerThatExitsFailsItsSample() throws {
        let folder = try recordedSamples(3)
        let result = try test([folder.path], crashing: "menu.s00", kind: "exit")
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(folder.path)/flows/menu.s00: crashed: its worker exited with status 3\n"))
        #expect(result.stdout.hasSuffix("2 passed, 1 failed\n"))
    }

    /// Samples go to workers in batches: the ones after a crash, in its
    /// batch and later ones, still run, whichever worker takes them.
    @Test(arguments: [0, 1, 20, 39])
    func noSampleIsLostAfterACrash(crashing index: Int) throws {
        let folder = try recordedSamples(40)
        let report = folder.path + "/report.xml"
        let result = try test(["--junit", report, folder.path], crashing: Self.name(index))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("FAIL \(folder.path)/flows/\(Self.name(index)): crashed"))
        #expect(result.stdout.hasSuffix("39 passed, 1 failed\n"))
        let junit = try String(contentsOfFile: report, encoding: .utf8)
        for other in 0..<40 {
            let line = junit.split(separator: "\n").first { $0.contains("name=\"\(Self.name(other))\"") }
            #expect(line != nil, "sample \(other) is missing from the report")
            #expect(line?.hasSuffix("/>") == (other != index), "sample \(other)")
        }
    }

    @Test func updateRecordsTheOthersAndNotTheCrashedOne() throws {
        let folder = try recordedSamples(4)
        for index in 0..<4 { try FileManager.default.removeItem(atPath: folder.path + "/flows/\(Self.name(index)).trace") }
        let result = try test(["--update", folder.path], crashing: "menu.s03")
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(folder.path)/flows/menu.s03: crashed"))
        #expect(result.stdout.hasSuffix("updated 3 expected traces\n3 passed, 1 failed\n"))
        #expect(try folder.read("flows/menu.s00.trace").contains("text=One"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/flows/menu.s03.trace"))
    }

    @Test func coverageStillComesWithACrash() throws {
        let folder = try recordedSamples(3)
        let result = try test(["--coverage", folder.path], crashing: "menu.s01")
        #expect(result.status == 1)
        // s00 pressed 1 (true), s02 too; s01, no input, crashed: "false" stays uncovered.
        #expect(result.stdout.contains("coverage of \(folder.path)/flows/menu.xml (3 samples): 4 of 4 verbs ran"))
        #expect(result.stdout.contains("L2 <Gather>: digits; never: no input"))
        #expect(result.stdout.contains("L3 <Condition>: true; never: false"))
        #expect(result.stdout.hasSuffix("2 passed, 1 failed\n"))
    }

    @Test func onlyWorkersHonourTheHook() throws {
        let folder = try recordedSamples(1)
        let script = folder.path + "/flows/menu.xml"
        let scenario = folder.path + "/" + Self.scenarioFile(0)
        let run = try Connexml.shell(
            "CONNEXML_TEST_CRASH=menu.s00 \"$CONNEXML\" run --offline \(quoted(script)) --scenario \(quoted(scenario))")
        #expect(run.status == 0)
        #expect(run.stdout.contains("call.end"))
    }

    @Test func theWorkerOptionIsNotInTheHelp() throws {
        let help = try Connexml.run(["test", "--help"])
        #expect(help.stdout.contains("--junit"))
        #expect(!help.stdout.contains("--worker"))
    }
}
