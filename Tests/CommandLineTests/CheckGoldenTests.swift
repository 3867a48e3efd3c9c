import Foundation
import Testing

/// The diagnostics of every script in samples/invalid/ (and every directory
/// in samples/invalid-directories/), checked verbatim against the .expected
/// file beside it. After a deliberate change, re-record
/// with CONNEXML_UPDATE_GOLDEN=1 swift test --filter CheckGoldenTests.
@Suite struct CheckGoldenTests {
    static let invalidFolder = Connexml.packageRoot.appendingPathComponent("samples/invalid")

    static var invalidScripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: invalidFolder.path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test func thereAreGoldenSamples() {
        #expect(Self.invalidScripts.count >= 20)
    }

    @Test(arguments: invalidScripts)
    func diagnosticsMatchVerbatim(_ name: String) throws {
        let script = "samples/invalid/\(name)"
        let result = try Connexml.run(["check", "--no-show-source", script])
        let expectedURL = Self.invalidFolder.appendingPathComponent(name.replacingOccurrences(of: ".xml", with: ".expected"))
        if ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.stdout == expected)
        // Status 1 exactly when an error was reported.
        #expect(result.status == (expected.contains(": error: ") ? 1 : 0))
        #expect(result.stderr.isEmpty)
    }

    static let invalidDirectories = Connexml.packageRoot.appendingPathComponent("samples/invalid-directories")

    @Test(
        arguments: ((try? FileManager.default.contentsOfDirectory(atPath: invalidDirectories.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted())
    func directoryDiagnosticsMatchVerbatim(_ name: String) throws {
        let result = try Connexml.run(["check", "--no-show-source", "--directory", "samples/invalid-directories/\(name)"])
        let expectedURL = Self.invalidDirectories.appendingPathComponent(
            name.replacingOccurrences(of: ".yaml", with: ".expected"))
        if ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(result.stdout == (try String(contentsOf: expectedURL, encoding: .utf8)))
        #expect(result.status == 1)
    }

    @Test func theSampleDirectoryChecksClean() throws {
        let result = try Connexml.run(["check", "--directory", "samples/directory.yaml"])
        #expect(result.stdout == "checked 1 file: no problems\n")
        #expect(result.status == 0)
    }

    @Test func everyValidSampleChecksClean() throws {
        let result = try Connexml.run(["check", "samples/scripts"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("checked "))
        #expect(result.stdout.hasSuffix(": no problems\n"))
    }
}
