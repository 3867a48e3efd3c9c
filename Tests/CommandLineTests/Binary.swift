import Foundation
import Testing

/// Runs the built `connexml` binary, as a user would, from the package root.
enum Connexml {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable SwiftPM built next to this test bundle.
    static let executable: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("connexml"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("connexml"),
            packageRoot.appendingPathComponent(".build/debug/connexml"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `connexml ARGUMENTS` in the package root with `input` on stdin.
    static func run(_ arguments: [String], input: String? = nil) throws -> Output {
        try runProcess(executable.path, arguments, input: input)
    }

    /// Runs a shell command line (for resource limits), with the binary's
    /// path in $CONNEXML.
    static func shell(_ script: String) throws -> Output {
        try runProcess("/bin/bash", ["-c", script], environment: ["CONNEXML": executable.path])
    }

    private static func runProcess(
        _ path: String, _ arguments: [String], input: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes before waiting, so a full pipe never blocks the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
