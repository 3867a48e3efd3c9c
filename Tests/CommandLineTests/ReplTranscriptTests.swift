import Foundation
import Testing

/// The REPL session of docs/repl.md, replayed: its inputs piped in, its output
/// expected word for word (the start of a call placed "now" aside).
@Suite struct ReplTranscriptTests {
    /// The first block under the REPL's heading with a prompt in it.
    static func transcript(in readme: String) -> [String]? {
        guard let section = readme.range(of: "# Trying call flows: `connexml repl`") else { return nil }
        var lines: [String] = []
        var inBlock = false
        for line in readme[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("```") {
                if inBlock, lines.contains(where: { $0.hasPrefix("connexml> ") }) { return lines }
                inBlock.toggle()
                lines = []
                continue
            }
            if inBlock { lines.append(line) }
        }
        return nil
    }

    /// Calls placed without `at` start now: their start is not compared.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: #"start=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "start=…", options: .regularExpression)
    }

    @Test func theReadmeSessionReplays() throws {
        // CONNEXML_README: another copy of the page (a section being written).
        let path =
            ProcessInfo.processInfo.environment["CONNEXML_README"]
            ?? Connexml.packageRoot.appendingPathComponent("docs/repl.md").path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let transcript = try #require(Self.transcript(in: readme), "no REPL session in \(path)")
        let prompts = ["connexml> ", "...> "]
        let inputs = transcript.compactMap { line in prompts.first { line.hasPrefix($0) }.map { String(line.dropFirst($0.count)) }
        }
        let expected = transcript.filter { line in !prompts.contains { line.hasPrefix($0) } }.map { $0 + "\n" }.joined()
        #expect(inputs.count >= 5)
        // In a folder of its own (the session saves files), with the samples.
        let folder = try ReplSessions.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("samples"),
            withDestinationURL: Connexml.packageRoot.appendingPathComponent("samples"))
        let result = try ReplSessions.run(inputs, in: folder)
        #expect(Self.normalised(result.stdout) == Self.normalised(expected))
        #expect(result.stderr.isEmpty)
    }
}
