import Foundation
import Testing

/// Hostile documents through the real binary, under a cap on memory (and a
/// generous cap on time that only a hang would reach): each is refused with
/// its diagnostic, and the binary neither runs out of memory nor crashes.
@Suite(.serialized) struct HostileFileTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-hostile-\(getpid())")

    static func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A refusal needs far less than this at its peak, and an expansion far
    /// more. Seen on the debug binary: 31 MiB for the small files, 45 MiB
    /// for the 17 MiB one; under AddressSanitizer (shadow memory,
    /// quarantine) 54 and 108 MiB.
    static let peakResidentLimit = 256 << 20

    /// Runs `check` on `path` with its peak resident memory measured (and
    /// asserted under `peakResidentLimit`) and, without a sanitizer, under
    /// `ulimit -v` too: 512 MiB of address space beyond what the binary maps
    /// at start, so an expansion fails fast instead of filling the machine.
    /// ASan and TSan reserve terabytes of address space at start, so under
    /// them (scripts/sanitize.sh) only the measured peak bounds the run.
    func runCapped(_ path: String) throws -> Connexml.Output {
        let cap = PeakMemory.underSanitizer ? "" : "ulimit -v 1048576; "
        let run = try PeakMemory.run("\(cap)timeout 60 \"$CONNEXML\" check --no-show-source '\(path)'", folder: Self.folder)
        #expect(
            run.peakResidentBytes < Self.peakResidentLimit,
            "\(path): peak resident memory \(run.peakResidentBytes >> 20) MiB, over \(Self.peakResidentLimit >> 20) MiB")
        return run.output
    }

    @Test func entityBomb() throws {
        var declarations = #"<!ENTITY a0 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">"#
        for level in 1...12 {
            declarations += "\n<!ENTITY a\(level) \"\(String(repeating: "&a\(level - 1);", count: 16))\">"
        }
        let path = try Self.write(
            "bomb.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE Response [\n\(declarations)\n]>\n<Response><Say>&a12;</Say></Response>\n")
        let result = try runCapped(path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[doctype-not-allowed]"))
    }

    @Test func externalEntity() throws {
        let path = try Self.write(
            "xxe.xml", "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Response><Say>&x;</Say></Response>\n")
        let result = try runCapped(path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[doctype-not-allowed]"))
        #expect(!result.stdout.contains("root:"))
    }

    @Test func deepNesting() throws {
        let depth = 100_000
        let path = try Self.write(
            "deep.xml",
            "<Response>" + String(repeating: "<Say>", count: depth) + String(repeating: "</Say>", count: depth) + "</Response>")
        let result = try runCapped(path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[too-deeply-nested]"))
    }

    @Test func overTheSizeLimit() throws {
        // 17 MiB of valid-looking XML: refused by size after reading at most
        // the limit plus one byte.
        let chunk = String(repeating: "<Say>padding padding padding</Say>\n", count: 1024)
        var text = "<Response>\n"
        while text.utf8.count < 17 << 20 { text += chunk }
        let path = try Self.write("large.xml", text + "</Response>\n")
        let result = try runCapped(path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: the document is larger than the limit of 16777216 bytes [file-too-large]"))
    }
}
