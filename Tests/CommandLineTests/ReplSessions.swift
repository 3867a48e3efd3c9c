import Foundation

/// Runs `connexml repl` with piped input, as scripts and CI drive it.
enum ReplSessions {
    /// The session's input lines, in the package root or in `folder`.
    static func run(_ lines: [String], in folder: URL? = nil, arguments: [String] = []) throws -> Connexml.Output {
        let input = lines.joined(separator: "\n") + "\n"
        guard let folder else { return try Connexml.run(["repl"] + arguments, input: input) }
        let command = "cd \(quoted(folder.path)) && \"$CONNEXML\" repl " + arguments.map(quoted).joined(separator: " ")
        return try Connexml.shell("printf '%s' \(quoted(input)) | { \(command); }")
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A folder holding `script` as `name`.
    static func folder(with script: String, named name: String = "flow.xml") throws -> URL {
        let folder = try temporaryFolder()
        try script.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder
    }

    /// The output cut after each status line ("-- ..."): what each input
    /// that moved the call showed, in order.
    static func chunks(_ output: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.hasPrefix("-- ") {
                chunks.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { chunks.append(current) }
        return chunks
    }
}
