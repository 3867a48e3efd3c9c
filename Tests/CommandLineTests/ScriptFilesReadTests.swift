import Foundation
import Testing

@testable import connexml

/// `ScriptFiles.read` reads a file of known length in one go, straight into
/// its bytes, and anything else (standard input, a file that says nothing
/// of its length) in chunks: both give every byte, and neither reads more
/// than one byte past the limit.
@Suite struct ScriptFilesReadTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "connexml-read-\(ProcessInfo.processInfo.processIdentifier)")

    static func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test(arguments: [0, 1, 4095, 4096, 1 << 20, (1 << 20) + 3, 3 << 20])
    func everyByteOfAFileOfKnownLength(count: Int) throws {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = try Self.write("known-\(count).bin", bytes)
        #expect(try ScriptFiles.read(path, limit: 16 << 20) == bytes)
    }

    @Test func atMostOneBytePastTheLimit() throws {
        let path = try Self.write("long.bin", [UInt8](repeating: 0x41, count: 10_000))
        #expect(try ScriptFiles.read(path, limit: 100).count == 101)
        #expect(try ScriptFiles.read(path, limit: 9_999).count == 10_000)
        #expect(try ScriptFiles.read(path, limit: 10_000).count == 10_000)
    }

    /// /proc files say they are empty and are not: read in chunks.
    @Test func aFileThatDoesNotSayItsLength() throws {
        let bytes = try ScriptFiles.read("/proc/self/status", limit: 1 << 20)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
    }

    @Test func refusals() throws {
        #expect(throws: ScriptFiles.Unreadable.self) { try ScriptFiles.read("/nonexistent/x.xml", limit: 100) }
        #expect(throws: ScriptFiles.Unreadable.self) { try ScriptFiles.read(Self.folder.path, limit: 100) }
    }
}
