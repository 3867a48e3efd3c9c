import Diagnostics
import Foundation

/// Graphviz's `dot`, run on the DOT text.
enum Graphviz {
    static func svg(_ dot: String) throws -> String {
        guard let executable = find("dot") else {
            Terminal.writeError(
                "connexml graph: --format svg needs Graphviz's dot, which is not installed "
                    + "(Debian and Ubuntu: apt-get install graphviz); --format dot or mermaid need nothing\n")
            throw ExitStatus.couldNotRun
        }
        // Files, not pipes: a large graph can fill a pipe both ways at once.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("graph.dot")
        let output = folder.appendingPathComponent("graph.svg")
        try dot.write(to: input, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg", "-o", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let svg = try? String(contentsOf: output, encoding: .utf8) else {
            Terminal.writeError(
                "connexml graph: dot failed (status \(process.terminationStatus)): "
                    + PrintableText.lines(String(decoding: said, as: UTF8.self)) + "\n")
            throw ExitStatus.couldNotRun
        }
        return svg
    }

    /// The first executable `name` on PATH.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
