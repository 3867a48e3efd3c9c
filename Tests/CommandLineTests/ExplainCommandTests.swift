import Foundation
import Testing

@testable import connexml

/// `connexml explain`, and every example in docs/policy.md's "Who may do what"
/// section, run as written and compared with the output shown there.
@Suite struct ExplainCommandTests {
    /// `$ connexml explain …` lines in docs/policy.md, each followed by its
    /// output up to the closing fence or the next `$` line.
    static var readmeExamples: [(command: String, output: String)] {
        let readme =
            (try? String(contentsOf: Connexml.packageRoot.appendingPathComponent("docs/policy.md"), encoding: .utf8)) ?? ""
        var examples: [(String, String)] = []
        var current: (String, [String])?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ connexml explain ") {
                if let c = current { examples.append((c.0, c.1.joined(separator: "\n") + "\n")) }
                current = (String(line.dropFirst(2)), [])
            } else if line.hasPrefix("```") || line.hasPrefix("$ ") {
                if let c = current { examples.append((c.0, c.1.joined(separator: "\n") + "\n")) }
                current = nil
            } else if current != nil {
                current!.1.append(String(line))
            }
        }
        return examples
    }

    @Test func theReadmeHasExamples() {
        #expect(Self.readmeExamples.count >= 6)
    }

    @Test(arguments: readmeExamples.map(\.command))
    func readmeExampleRunsAsShown(_ command: String) throws {
        let expected = Self.readmeExamples.first { $0.command == command }!.output
        // "connexml explain 1001 dial 00441234567  # exit 1": the words after
        // '#' say the exit status.
        let parts = command.split(separator: "#", maxSplits: 1)
        let words = parts[0].split(separator: " ").dropFirst().map(String.init)
        let status = parts.count > 1 ? Int32(parts[1].split(separator: " ").last ?? "0") ?? 0 : 0
        let result = try Connexml.run(words)
        #expect(result.stdout + result.stderr == expected)
        #expect(result.status == status)
    }

    @Test func json() throws {
        let result = try Connexml.run(["explain", "--format", "json", "1001", "dial", "00441234567"])
        #expect(result.status == 1)
        let body = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(body?["allowed"] as? Bool == false)
        #expect(body?["reason"] as? String == "dial_rule")
        #expect(body?["profile"] as? String == "agent")
        let rule = body?["rule"] as? [String: Any]
        #expect(rule?["index"] as? Int == 1)
        #expect(rule?["pattern"] as? String == "_00.")
        #expect(rule?["effect"] as? String == "deny")

        let barge = try Connexml.run(["explain", "--format", "json", "1003", "barge", "sales"])
        let bargeBody = try JSONSerialization.jsonObject(with: Data(barge.stdout.utf8)) as? [String: Any]
        #expect(bargeBody?["hears"] as? [String] == ["a", "b"])
        #expect(bargeBody?["heard_by"] as? [String] == ["a", "b"])
        #expect(bargeBody?["commands"] as? Bool == true)
    }

    @Test func couldNotAnswer() throws {
        let unknown = try Connexml.run(["explain", "4242", "dial", "1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "no SIP user '4242' in the bundled sample directory\n")
        let badDirectory = try Connexml.run([
            "explain", "--directory", "samples/invalid-directories/everything-wrong.yaml", "1001", "dial", "1",
        ])
        #expect(badDirectory.status == 2)
        #expect(badDirectory.stderr.contains("[directory-invalid-name]"))
        #expect(badDirectory.stderr.hasSuffix("has errors: nothing can be explained\n"))
        #expect(try Connexml.run(["explain", "--directory", "nope.yaml", "1001", "dial", "1"]).status == 2)
        #expect(try Connexml.run(["explain", "1001", "fly", "1"]).status == 2)
        #expect(try Connexml.run(["explain", "1001", "dial"]).status == 2)
        #expect(try Connexml.run(["explain", "1001", "flag", "tranfser"]).stderr.contains("did you mean 'transfer'?"))
    }

    @Test func theBundledDirectoryIsTheSampleFile() throws {
        let file = try String(contentsOf: Connexml.packageRoot.appendingPathComponent("samples/directory.yaml"), encoding: .utf8)
        #expect(
            BundledDirectory.text == file, "Sources/connexml/BundledDirectory.swift must embed samples/directory.yaml as it is")
    }
}
