import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// scripts/http-server.py on a free loopback port, for one test: serves
/// samples/app (or another folder) and the /_test/ pages, and logs every
/// request. Shared by the test targets that need a web server.
public final class TestServer {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let process = Process()
    public let port: Int
    /// The server's own pid (`python3` may be a launcher script's child).
    let pid: Int32
    let log: URL

    public struct Request {
        public let method: String
        public let path: String
        public let query: [String: String]
        public let form: [String: String]
        public let contentType: String?
        public let acceptEncoding: String?
    }

    public init(root: URL = TestServer.packageRoot.appendingPathComponent("samples/app")) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-http-\(UUID().uuidString).jsonl")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.packageRoot.appendingPathComponent("scripts/http-server.py").path,
            "--root", root.path,
            "--log", log.path, "--max-seconds", "60",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line says the port.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        // "listening on PORT pid PID"
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 5, let port = Int(words[2]), let pid = Int32(words[4]) else {
            process.terminate()
            throw ServerDidNotStart()
        }
        self.port = port
        self.pid = pid
    }

    deinit {
        // SIGKILL, without waiting on Foundation's run loop (which can hang
        // in a test process); the server also stops by itself.
        kill(pid, SIGKILL)
        kill(process.processIdentifier, SIGKILL)
        try? FileManager.default.removeItem(at: log)
    }

    public struct ServerDidNotStart: Error {}

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests it received, in order.
    public func requests() -> [Request] {
        records().filter { $0["event"] == nil }.map { object in
            Request(
                method: object["method"] as? String ?? "", path: object["path"] as? String ?? "",
                query: object["query"] as? [String: String] ?? [:], form: object["form"] as? [String: String] ?? [:],
                contentType: object["content_type"] as? String, acceptEncoding: object["accept_encoding"] as? String)
        }
    }

    private func records() -> [[String: Any]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }
}
