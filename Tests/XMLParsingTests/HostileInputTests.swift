import Diagnostics
import Testing

@testable import XMLParsing

/// Documents written to attack the parser are refused with a clear error.
/// (How fast, and in how little memory, is shown by the command-line tests
/// that run the binary under a memory cap, and by scripts/bench-check.sh.)
@Suite struct HostileInputTests {
    @Test func externalEntityReadingALocalFileIsRefused() throws {
        let d = try parseFailure(
            """
            <?xml version="1.0"?>
            <!DOCTYPE Response [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <Response><Say>&secret;</Say></Response>
            """)
        #expect(d.code == "doctype-not-allowed")
        #expect(d.position == at(2, 1))
        #expect(!d.message.contains("root:"))
    }

    @Test func externalDTDIsNeverLoaded() throws {
        let d = try parseFailure(
            """
            <!DOCTYPE Response SYSTEM "http://127.0.0.1:9/evil.dtd">
            <Response/>
            """)
        #expect(d.code == "doctype-not-allowed")
    }

    @Test func entityExpansionBombIsRefusedBeforeExpanding() throws {
        var declarations = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for level in 1...9 {
            let refs = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "\n<!ENTITY lol\(level) \"\(refs)\">"
        }
        let d = try parseFailure(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE Response [\n\(declarations)\n]>\n<Response><Say>&lol9;</Say></Response>")
        #expect(d.code == "doctype-not-allowed")
    }

    @Test func hundredThousandLevelsOfNestingAreRefused() throws {
        let depth = 100_000
        let text = "<Response>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</Response>"
        let d = try parseFailure(text)
        #expect(d.code == "too-deeply-nested")
        #expect(d.message.contains("\(ParseLimits.localFile.maximumDepth)"))
    }

    @Test func nestingExactlyAtTheLimitIsAccepted() throws {
        let depth = ParseLimits.localFile.maximumDepth - 1  // plus <Response>
        let text = "<Response>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</Response>"
        _ = try parseDocument(text)
        let tooDeep =
            "<Response>" + String(repeating: "<a>", count: depth + 1) + String(repeating: "</a>", count: depth + 1)
            + "</Response>"
        #expect(try parseFailure(tooDeep).code == "too-deeply-nested")
    }

    @Test func fileOverTheSizeLimitIsRefusedUnparsed() throws {
        let limits = ParseLimits(maximumBytes: 1024, maximumDepth: 64)
        let big = "<Response><Say>" + String(repeating: "x", count: 2000) + "</Say></Response>"
        let d = try parseFailure(big, limits: limits)
        #expect(d.code == "file-too-large")
        #expect(d.position == nil)
        let small = "<Response><Say>" + String(repeating: "x", count: 100) + "</Say></Response>"
        guard case .document = XMLParser.parse(Array(small.utf8), file: "t", limits: limits) else {
            Issue.record("a document under the limit must parse")
            return
        }
    }

    @Test func fetchedDocumentsHaveTheTwiMLLimit() {
        #expect(ParseLimits.fetched.maximumBytes == 64 * 1024)
        #expect(ParseLimits.localFile.maximumBytes == 16 * 1024 * 1024)
    }

    @Test func parsingIsSafeFromManyTasksAtOnce() async throws {
        let good = Array("<Response><Say loop=\"2\">Hi</Say></Response>".utf8)
        let bad = Array("<Response><Say>a & b</Say></Response>".utf8)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<200 {
                group.addTask {
                    switch XMLParser.parse(i % 2 == 0 ? good : bad, file: "t\(i).xml") {
                    case .document(let d): return i % 2 == 0 && d.root.childElements.count == 1
                    case .failure(let ds):
                        return i % 2 == 1 && ds.first?.code == "bare-ampersand" && ds.first?.file == "t\(i).xml"
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 200)
        #expect(outcomes.allSatisfy { $0 })
    }
}
