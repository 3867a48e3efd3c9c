import Foundation
import Testing

/// `connexml graph`, as a user runs it. The golden pictures are under
/// samples/graphs/expected; after a deliberate change, re-record them with
/// CONNEXML_UPDATE_GOLDEN=1 swift test --filter GraphCommandTests, and
/// review the diff (docs/images/front-desk.svg is rewritten with them).
@Suite struct GraphCommandTests {
    static let expected = "samples/graphs/expected"
    static var updating: Bool { ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" }

    static let goldens: [(file: String, arguments: [String])] = [
        ("ivr-menu.dot", ["samples/calls/ivr-menu.xml"]),
        ("ivr-menu.mmd", ["samples/calls/ivr-menu.xml", "--format", "mermaid"]),
        ("business-hours.dot", ["samples/calls/business-hours.xml"]),
        ("redirect-chain.dot", ["samples/calls/redirect-chain.xml"]),
        ("redirect-chain.mmd", ["samples/calls/redirect-chain.xml", "--format", "mermaid"]),
        ("redirect-loop.dot", ["samples/calls/redirect-loop.xml"]),
        ("redirect-broken-document.dot", ["samples/calls/redirect-broken-document.xml"]),
        ("gather-menu.dot", ["samples/calls/gather-menu.xml"]),
        ("agent-call-keys.dot", ["samples/calls/agent-call-keys.xml"]),
        ("agent-call-keys.mmd", ["samples/calls/agent-call-keys.xml", "--format", "mermaid"]),
        ("barge-sales.dot", ["samples/calls/barge-sales.xml", "--directory", "samples/directory.yaml"]),
        ("app-menu.dot", ["samples/app/menu.xml"]),
        ("app-menu.mmd", ["samples/app/menu.xml", "--format", "mermaid"]),
        ("missing-document.dot", ["samples/graphs/missing-document.xml"]),
        ("missing-document.mmd", ["samples/graphs/missing-document.xml", "--format", "mermaid"]),
        ("front-desk.dot", ["samples/graphs/front-desk.xml", "--directory", "samples/directory.yaml"]),
        ("front-desk.mmd", ["samples/graphs/front-desk.xml", "--directory", "samples/directory.yaml", "--format", "mermaid"]),
        ("front-desk.coverage.dot", ["samples/graphs/front-desk.xml", "--coverage", "samples/graphs"]),
        ("front-desk.coverage.mmd", ["samples/graphs/front-desk.xml", "--coverage", "samples/graphs", "--format", "mermaid"]),
    ]

    @Test(arguments: goldens.map(\.file))
    func matchesItsGolden(_ file: String) throws {
        let arguments = try #require(Self.goldens.first { $0.file == file }).arguments
        let result = try Connexml.run(["graph"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Self.compare(result.stdout, with: file)
    }

    /// The path of one call, from the JSON Lines trace `run` writes.
    @Test func aTraceHighlightsThePathOfOneCall() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-graph-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: trace) }
        let run = try Connexml.run([
            "run", "--offline", "samples/graphs/front-desk.xml", "--scenario",
            "samples/graphs/front-desk.barge.scenario.yaml", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        try run.stdout.write(to: trace, atomically: true, encoding: .utf8)
        let result = try Connexml.run(["graph", "samples/graphs/front-desk.xml", "--trace", trace.path])
        #expect(result.status == 0, "\(result.stderr)")
        try Self.compare(result.stdout, with: "front-desk.trace-barge.dot")
        // The barge the operator joined, and the hand-overs on the way to it.
        let taken = result.stdout.split(separator: "\n").filter { $0.contains("->") && $0.contains("#1f6fd1") }
        #expect(taken.count >= 8)
        #expect(taken.contains { $0.contains("label=\"digits\"") && $0.contains("style=bold") })
    }

    @Test func outputGoesToAFileAndItsExtensionPicksTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mermaid = folder.appendingPathComponent("flow.mmd")
        let result = try Connexml.run(["graph", "samples/calls/ivr-menu.xml", "-o", mermaid.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: mermaid, encoding: .utf8).hasPrefix("flowchart TD\n"))
    }

    @Test func anInvalidScriptIsReportedNotDrawn() throws {
        let invalid = try Connexml.run(["graph", "samples/invalid/lowercase-verbs.xml"])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.isEmpty)
        #expect(invalid.stderr.contains("samples/invalid/lowercase-verbs.xml:"))
        let missing = try Connexml.run(["graph", "no/such/script.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        let badTrace = try Connexml.run(["graph", "samples/calls/ivr-menu.xml", "--trace", "samples/calls/ivr-menu.sales.trace"])
        #expect(badTrace.status == 1)
        #expect(badTrace.stderr.hasPrefix("samples/calls/ivr-menu.sales.trace:1: error: not JSON"))
        let noSamples = try Connexml.run(["graph", "samples/calls/ivr-menu.xml", "--coverage", "samples/invalid"])
        #expect(noSamples.status == 1)
        #expect(noSamples.stderr.contains("no samples under samples/invalid"))
    }

    /// File names are labels too: a carriage return or a right-to-left
    /// override (U+202E) in the script's name, or in the name of a document
    /// it hands over to, neither breaks the output nor reaches it.
    @Test func hostileFileNamesAreCleanTitles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("main\r\u{202E}lmx.xml")
        try "<Response>\n<Say>Hi.</Say>\n<Redirect>next&#x202E;lmx.xml</Redirect>\n</Response>\n"
            .write(to: main, atomically: true, encoding: .utf8)
        try "<Response>\n<Say>Next.</Say>\n</Response>\n"
            .write(to: folder.appendingPathComponent("next\u{202E}lmx.xml"), atomically: true, encoding: .utf8)
        func isClean(_ text: String) -> Bool {
            !text.unicodeScalars.contains { $0 == "\r" || $0.properties.generalCategory == .format }
        }
        var formats = ["dot", "mermaid"]
        if Self.dot != nil { formats.append("svg") }
        for format in formats {
            let result = try Connexml.run(["graph", main.path, "--format", format])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(isClean(result.stdout), "\(format)")
            #expect(result.stdout.contains("main lmx.xml"), "\(format)")
            // The document handed over to was found, and drawn.
            #expect(result.stdout.contains("Next."), "\(format)")
        }
    }

    /// docs/graph.md shows a golden Mermaid picture as it is.
    @Test func theDocumentationShowsTheMermaidGolden() throws {
        let page = try String(contentsOf: Connexml.packageRoot.appendingPathComponent("docs/graph.md"), encoding: .utf8)
        let golden = try String(
            contentsOf: Connexml.packageRoot.appendingPathComponent("\(Self.expected)/redirect-chain.mmd"),
            encoding: .utf8)
        #expect(page.contains("```mermaid\n" + golden + "```\n"))
    }

    /// Without Graphviz, SVG is refused with the package to install.
    @Test func svgWithoutGraphvizNamesThePackage() throws {
        let result = try Connexml.shell(#"PATH=/nonexistent "$CONNEXML" graph samples/calls/ivr-menu.xml --format svg"#)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("apt-get install graphviz"))
    }

    // MARK: With Graphviz

    static let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Every script of the samples, drawn and rendered by Graphviz without
    /// a word on standard error.
    @Test(.enabled(if: dot != nil, "Graphviz's dot is not installed (apt-get install graphviz)"))
    func graphvizRendersEverySample() throws {
        var scripts: [String] = []
        for folder in ["samples/calls", "samples/app", "samples/graphs"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Connexml.packageRoot.appendingPathComponent(folder).path)
            scripts += names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        }
        #expect(scripts.count >= 35)
        for script in scripts {
            let result = try Connexml.shell(#"set -o pipefail; "$CONNEXML" graph "# + script + #" | dot -Tsvg -o /dev/null"#)
            #expect(result.status == 0, "\(script): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(script): \(result.stderr)")
        }
    }

    @Test(.enabled(if: dot != nil, "Graphviz's dot is not installed (apt-get install graphviz)"))
    func svgIsDrawnByGraphviz() throws {
        let result = try Connexml.run(["graph", "samples/graphs/front-desk.xml", "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<?xml"))
        #expect(result.stdout.contains("<svg"))
        // Graphviz writes '-' as &#45;.
        #expect(result.stdout.contains(">samples/graphs/front&#45;desk/menu.xml</text>"))
        #expect(result.stdout.contains("<title>cluster_2</title>"))
    }

    /// docs/images/front-desk.svg is what the command draws. Graphviz
    /// versions lay out differently, so it is compared only under the
    /// version that made it (named in the file), and rewritten with the
    /// goldens.
    @Test(.enabled(if: dot != nil, "Graphviz's dot is not installed (apt-get install graphviz)"))
    func theDocumentationPictureIsUpToDate() throws {
        let image = Connexml.packageRoot.appendingPathComponent("docs/images/front-desk.svg")
        let result = try Connexml.run([
            "graph", "samples/graphs/front-desk.xml", "--coverage", "samples/graphs",
            "--directory", "samples/directory.yaml", "--format", "svg",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        if Self.updating {
            try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
            try result.stdout.write(to: image, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: image, encoding: .utf8)
        func version(_ svg: String) -> Substring? {
            svg.split(separator: "\n").first { $0.contains("Generated by graphviz version") }
        }
        #expect(version(checkedIn) != nil)
        if version(checkedIn) == version(result.stdout) {
            #expect(
                checkedIn == result.stdout,
                "docs/images/front-desk.svg is out of date: CONNEXML_UPDATE_GOLDEN=1 swift test --filter GraphCommandTests")
        }
    }

    static func compare(_ actual: String, with file: String) throws {
        let url = Connexml.packageRoot.appendingPathComponent("\(expected)/\(file)")
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == golden, "\(file) differs: CONNEXML_UPDATE_GOLDEN=1 swift test --filter GraphCommandTests")
    }
}
