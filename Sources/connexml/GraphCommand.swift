import ArgumentParser
import Diagnostics
import Engine
import Fetching
import FlowGraph
import Foundation
import Language
import Policy
import XMLParsing

/// `connexml graph SCRIPT`: the call flow as a picture (FlowGraph), with
/// the overlays only the command can make: coverage from running samples,
/// the path of a trace file.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a script's call flow as a graph: DOT, SVG (through Graphviz) or Mermaid.",
        discussion: """
            Each verb is a node, each way the call can go on an edge labelled with the outcome or condition. \
            Redirects and Gather actions are followed into local documents (one cluster each); remote URLs \
            are leaves, never fetched; a missing or invalid document is a node that says so.
            --coverage DIR runs the samples under DIR (as connexml test --coverage) and draws in red, dashed, \
            what they never exercised. --trace FILE draws in blue the path of one call \
            (connexml run --format json). --directory FILE lists on Dial, Transfer and Barge nodes \
            the profiles that pass.
            SVG needs Graphviz's dot (Debian: apt-get install graphviz). Without --format, -o FILE.svg \
            writes SVG and -o FILE.mmd Mermaid.
            Exit status: 0 drawn, 1 the script (or directory, or trace) is invalid, 2 a file cannot be read \
            or dot is missing.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, mermaid
    }

    @Argument(help: "The script to draw.", completion: .file(extensions: ["xml"]))
    var script: String

    @Option(help: "dot, svg or mermaid (default: from the -o file's extension, else dot).")
    var format: Format?

    @Option(help: "Colour what the samples under this folder never exercise.", completion: .directory)
    var coverage: String?

    @Option(help: "Highlight the path of the call in this JSON Lines trace.", completion: .file(extensions: ["jsonl", "json"]))
    var trace: String?

    @Option(
        help: "The directory file (YAML): Dial, Transfer and Barge nodes list the profiles that pass.",
        completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    private var effectiveFormat: Format {
        if let format { return format }
        switch output.map({ ($0 as NSString).pathExtension.lowercased() }) {
        case "svg": return .svg
        case "mmd", "mermaid": return .mermaid
        default: return .dot
        }
    }

    func run() throws {
        let documents = GraphDocuments()
        let main = try documents.main(script)
        var loadedDirectory: Directory?
        if let directory {
            let loaded = DirectoryFiles.load(path: directory)
            guard let found = loaded.directory else { try fail(loaded.diagnostics) }
            loadedDirectory = found
        }
        let builder = FlowGraphBuilder(directory: loadedDirectory) { reference, file in documents.load(reference, from: file) }
        var graph = builder.build(main.script, key: main.key, title: main.title)
        if let coverage { try GraphCoverage(folder: coverage, directory: directory).apply(to: &graph, documents) }
        if let trace { try highlight(trace, on: &graph) }

        let text: String
        switch effectiveFormat {
        case .dot: text = DOTRenderer.render(graph)
        case .mermaid: text = MermaidRenderer.render(graph)
        case .svg: text = try Graphviz.svg(DOTRenderer.render(graph))
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Terminal.writeError("connexml graph: cannot write \(PrintableText.line(output)): \(error.localizedDescription)\n")
            throw ExitStatus.couldNotRun
        }
    }

    /// The largest `--trace` file read (docs/limits.md).
    static let maximumTraceBytes = 256 << 20

    private func highlight(_ path: String, on graph: inout FlowGraph) throws {
        let bytes: [UInt8]
        do throws(ScriptFiles.Unreadable) {
            bytes = try ScriptFiles.read(path, limit: Self.maximumTraceBytes)
        } catch {
            try fail([error.diagnostic])
        }
        // `read` stops one byte past the limit: a longer trace is refused,
        // never drawn from its first part.
        guard bytes.count <= Self.maximumTraceBytes else {
            Terminal.writeError(
                "\(PrintableText.line(path)): error: the trace is larger than the limit of \(Self.maximumTraceBytes >> 20) MiB\n")
            throw ExitStatus.problemsFound
        }
        do {
            // The engine reads its own trace back (names, fields, the
            // outcomes it marked); the graph gets typed marks.
            let events = try TraceJSONReader.events(String(decoding: bytes, as: UTF8.self))
            let steps = events.compactMap { event in
                event.file.flatMap { file in
                    event.line.map { TraceStep(file: file, line: $0, verb: event.name.verb, outcome: event.outcome) }
                }
            }
            graph.highlight(steps, key: GraphDocuments.key)
        } catch {
            Terminal.writeError("\(PrintableText.line(path)):\(error.line): error: \(PrintableText.line(error.message))\n")
            throw ExitStatus.problemsFound
        }
    }
}

/// Prints `diagnostics` on standard error and exits: 2 when a file could
/// not be read, 1 when it is invalid.
private func fail(_ diagnostics: [Diagnostic]) throws -> Never {
    Terminal.writeError(DiagnosticRenderer(showSource: false).render(diagnostics))
    throw diagnostics.contains { $0.code == .unreadableFile } ? ExitStatus.couldNotRun : ExitStatus.problemsFound
}

/// The documents of a graph, read and checked as `check` reads them; kept
/// by key for the coverage overlay.
final class GraphDocuments {
    struct Loaded {
        let key: String
        let title: String
        let script: Script
    }

    private(set) var scripts: [String: Script] = [:]

    func main(_ path: String) throws -> Loaded {
        let result: ScriptChecker.Result
        do throws(ScriptFiles.Unreadable) {
            result = try read(path)
        } catch {
            try fail([error.diagnostic])
        }
        guard let script = result.script else { try fail(result.diagnostics) }
        let key = Self.key(path)
        scripts[key] = script
        return Loaded(key: key, title: script.file, script: script)
    }

    /// A hand-over from `file` to a local `reference`: a relative path or a
    /// `file:` URL resolves against the folder of `file`, as `run` does.
    func load(_ reference: String, from file: String) -> LoadedDocument {
        let title = Self.normalized(HandOverDocuments.localPath(of: reference, from: file))
        let key = Self.key(title)
        let result: ScriptChecker.Result
        do throws(ScriptFiles.Unreadable) {
            result = try read(title)
        } catch {
            let missing = ScriptFiles.kind(of: title) == .missing
            return .unavailable(
                key: key, title: title, reason: (missing ? "missing: " : "unreadable: ") + error.diagnostic.message)
        }
        guard let script = result.script else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let first = errors.first.map { d in " (line \(d.position.map { "\($0.line)" } ?? "?"): \(d.message))" } ?? ""
            return .unavailable(
                key: key, title: title,
                reason: "invalid: \(errors.count) error\(errors.count == 1 ? "" : "s")" + first)
        }
        scripts[key] = script
        return .script(key: key, title: title, script)
    }

    private func read(_ path: String) throws(ScriptFiles.Unreadable) -> ScriptChecker.Result {
        let bytes = try ScriptFiles.read(path, limit: ParseLimits.localFile.maximumBytes)
        return ScriptChecker.check(bytes: bytes, file: ScriptFiles.displayName(of: path))
    }

    /// What identifies a file however it is named: its absolute path,
    /// links resolved. Trace and coverage files are named relative to the
    /// current folder, as the command's arguments are.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `a/./b/../c.xml` → `a/c.xml`, still relative when it was.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}

/// `--coverage DIR`: the samples under DIR run as `connexml test
/// --coverage` runs them, and `ScriptCoverage`'s verdict drawn per document.
struct GraphCoverage {
    let folder: String
    let directory: String?

    func apply(to graph: inout FlowGraph, _ documents: GraphDocuments) throws {
        let found = SampleDiscovery.find([folder])
        guard !found.samples.isEmpty else {
            Terminal.writeError(
                "connexml graph: no samples under \(PrintableText.line(folder)) (NAME.xml with NAME.scenario.yaml)\n")
            throw ExitStatus.problemsFound
        }
        let runner = SampleRunner(
            inputs: CallInputs(directory: directory), options: SampleRunner.Options(update: false, coverage: true))
        var marks: [[CoverageMark]] = []
        for sample in found.samples {
            let report = runner.run(sample)
            if case .invalid = report.outcome {
                Terminal.writeError(
                    "connexml graph: the sample \(PrintableText.line(sample.name)) is invalid, so it counts for nothing (connexml test says why)\n"
                )
            }
            marks.append(report.coverage)
        }
        // The files as the samples named them, by key.
        var names: [String: Set<String>] = [:]
        for mark in marks.joined() { names[GraphDocuments.key(mark.file), default: []].insert(mark.file) }

        for (key, script) in documents.scripts.sorted(by: { $0.key < $1.key }) {
            // A document named two ways is covered by either name: what
            // neither name exercised is missing.
            var missing: [Int: Set<String>]?
            var neverRan: Set<Int>?
            for name in names[key].map(Array.init)?.sorted() ?? [script.file] {
                var coverage = ScriptCoverage(Script(file: name, before: script.before, verbs: script.verbs))
                for sampleMarks in marks { coverage.record(sampleMarks) }
                var byLine: [Int: Set<String>] = [:]
                for branch in coverage.branches { byLine[branch.line, default: []].formUnion(branch.missing) }
                missing =
                    missing.map { old in old.merging(byLine) { $0.intersection($1) }.filter { byLine[$0.key] != nil } } ?? byLine
                let lines = Set(coverage.neverRan.map(\.line))
                neverRan = neverRan?.intersection(lines) ?? lines
            }
            for (line, outcomes) in missing ?? [:] where !outcomes.isEmpty {
                graph.markNeverTaken(document: key, line: line, outcomes: outcomes.sorted())
            }
            for line in neverRan ?? [] { graph.markNeverRan(document: key, line: line) }
        }
    }
}
