import Foundation
import Testing

@testable import FlowGraph

/// Text from a script, or a file name, that would break a picture or lie
/// in it: carriage returns (as "\r\n", one Character, and alone) and a
/// right-to-left override (U+202E, a format character) that makes the
/// rest of a label read backwards. Neither format lets them through.
@Suite struct HostileLabelTests {
    static let hostile = "left\r\nright\rend \u{202E}txt.exe"
    static let title = "in\r\nvoice\r\u{202E}lmx.xml"

    static let script = """
        <Response>
          <Say>left&#13;&#10;right&#13;end &#x202E;txt.exe</Say>
        </Response>
        """

    /// A graph whose document title and spoken text are both hostile.
    static func graph() -> FlowGraph {
        FlowGraphBuilder { _, _ in .unavailable(key: "", title: "", reason: "") }
            .build(Documents.script(script, file: "main.xml"), key: "main.xml", title: title)
    }

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 == "\r" || $0.properties.generalCategory == .format }
    }

    @Test func quotingDropsCarriageReturnsAndOverridesInBothFormats() {
        #expect(DOTRenderer.quoted("a\r\nb") == #""a\nb""#)
        #expect(DOTRenderer.quoted("a\rb") == #""ab""#)
        #expect(DOTRenderer.quoted("a\u{202E}b") == #""ab""#)
        #expect(MermaidRenderer.quoted("a\r\nb") == #""a<br/>b""#)
        #expect(MermaidRenderer.quoted("a\rb") == #""ab""#)
        #expect(MermaidRenderer.quoted("a\u{202E}b") == #""ab""#)
        // Emoji sequences keep their joiners; accents stay.
        #expect(DOTRenderer.quoted("👩\u{200D}💻 café") == "\"👩\u{200D}💻 café\"")
    }

    @Test func shortTextDropsFormatCharacters() {
        #expect(ShortText.of("abc\u{202E}def\u{2066}g") == "abcdefg")
        #expect(ShortText.of("one\r\ntwo\rthree") == "one two three")
    }

    @Test func labelsAndTitlesAreOneCleanLineInDOT() {
        let graph = Self.graph()
        #expect(graph.documents.first?.title == "in voice lmx.xml")
        #expect(graph.verb(2)?.summary == "“left right end txt.exe”")
        let dot = DOTRenderer.render(graph)
        #expect(Self.isClean(dot))
        #expect(dot.contains(#"label="in voice lmx.xml"; style="rounded""#))
        #expect(dot.contains(#"d0_1 [label="L2 Say\n“left right end txt.exe”"];"#))
    }

    @Test func labelsAndTitlesAreOneCleanLineInMermaid() {
        let mermaid = MermaidRenderer.render(Self.graph())
        #expect(Self.isClean(mermaid))
        #expect(mermaid.contains("  subgraph doc0[\"in voice lmx.xml\"]\n"))
        #expect(mermaid.contains("    d0_1[\"L2 Say<br/>“left right end txt.exe”\"]\n"))
    }

    /// What a label cannot be cleaned of before quoting (a template's text
    /// is not cut to a box) is cleaned by the quoting.
    @Test func quotingIsTheLastGuardForEveryLabel() {
        let graph = Self.graph()
        let dot = DOTRenderer.quoted(Self.hostile)
        let mermaid = MermaidRenderer.quoted(Self.hostile)
        #expect(Self.isClean(dot) && Self.isClean(mermaid))
        #expect(dot == #""left\nrightend txt.exe""#)
        #expect(!DOTRenderer.render(graph).isEmpty)
    }

    @Test(.enabled(if: Graphviz.path != nil, "needs Graphviz's dot"))
    func graphvizDrawsThemWithoutTheOverride() throws {
        let svg = try Graphviz.svg(DOTRenderer.render(Self.graph()))
        #expect(svg.contains("left right end txt.exe"))
        #expect(svg.contains("in voice lmx.xml"))
        #expect(Self.isClean(svg))
    }
}

/// Graphviz's `dot`, when installed.
enum Graphviz {
    static let path = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func svg(_ dot: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        // Small graphs: the pipes do not fill.
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "dot: status \(process.terminationStatus): \(String(decoding: said, as: UTF8.self))")
        }
        return String(decoding: svg, as: UTF8.self)
    }
}
