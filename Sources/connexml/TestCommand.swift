import ArgumentParser
import Diagnostics
import Foundation

/// `connexml test [PATH...]`: the expected traces of samples are the tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run sample calls and compare their traces with the expected ones.",
        discussion: """
            A sample is NAME.xml with NAME.scenario.yaml (or NAME.CASE.scenario.yaml) beside it; its expected \
            trace is NAME.trace (NAME.CASE.trace). Folders are searched recursively; default: the current one.
            Exit status: 0 all passed, 1 something failed (or nothing was found), 2 a bad option.
            """
    )

    @Argument(
        help: "Folders, scripts or scenario files (default: the current folder).",
        completion: .file(extensions: ["xml", "yaml", "yml"]))
    var paths: [String] = []

    @Option(
        help: "The directory file (YAML) for every sample (default: directory.yaml beside each script, else the bundled one).",
        completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    @Option(help: "Run only the samples whose name contains this text.")
    var filter: String?

    @Flag(help: "Rewrite the expected traces that differ or are missing, after a deliberate change.")
    var update = false

    @Option(help: "Also write a JUnit XML report to this file.", completion: .file())
    var junit: String?

    @Flag(help: "Report, per script, the verbs and branches the samples never exercised.")
    var coverage = false

    @Option(help: "Output format of --coverage: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var colour: ColourOptions

    /// Set by the runner on the processes it starts to run samples
    /// (`SampleWorker`); people never use it.
    @Flag(help: .hidden)
    var worker = false

    private var options: SampleRunner.Options { SampleRunner.Options(update: update, coverage: coverage) }

    func run() throws {
        if worker {
            SampleWorker.serve(SampleRunner(inputs: CallInputs(directory: directory), options: options))
            return
        }
        let found = SampleDiscovery.find(paths.isEmpty ? ["."] : paths)
        for orphan in found.orphans {
            Terminal.writeError(
                "\(PrintableText.line(orphan)): no script for this scenario (expected NAME.xml beside NAME[.CASE].scenario.yaml)\n"
            )
        }
        let samples = found.samples.filter { filter == nil || $0.name.contains(filter!) }
        guard !samples.isEmpty else {
            print("no samples found" + (filter.map { " matching '\($0)'" } ?? ""))
            print("0 passed, 0 failed")
            throw ExitStatus.problemsFound
        }

        let showProgress = Terminal.isTerminal(.standardError) && samples.count >= 20
        // Each sample runs in a worker process, so that one that crashes
        // fails alone: the worker gets what the runner was told.
        let pool = SampleWorkerPool(
            arguments: ["test", "--worker"] + (directory.map { ["--directory=\($0)"] } ?? [])
                + (update ? ["--update"] : []) + (coverage ? ["--coverage"] : []))
        let results: [SampleRunner.Result]
        do {
            results = try pool.run(samples) { done in
                if showProgress, done % 10 == 0 || done == samples.count {
                    Terminal.writeError("\r[\(done)/\(samples.count)] samples run")
                }
            }
        } catch {
            if showProgress { Terminal.writeError("\r\u{1B}[K") }
            Terminal.writeError("connexml test: \(error)\n")
            throw ExitStatus.couldNotRun
        }
        if showProgress { Terminal.writeError("\r\u{1B}[K") }

        var passed = 0
        var failed = 0
        var updated = 0
        let palette = colour.palette(for: .standardOutput)
        let renderer = DiagnosticRenderer(showSource: false, palette: palette)
        let fail = palette.paint("FAIL", .error)
        for result in results {
            switch result.outcome {
            case .passed:
                passed += 1
            case .differs(let diff) where !update:
                failed += 1
                print(
                    "\(fail) \(PrintableText.line(result.sample.name)): the trace differs from \(PrintableText.line(result.sample.expectedTrace))"
                )
                print(Self.coloured(diff: PrintableText.lines(diff), palette))
            case .missingTrace where !update:
                failed += 1
                print(
                    "\(fail) \(PrintableText.line(result.sample.name)): no expected trace \(PrintableText.line(result.sample.expectedTrace)) (record it with --update)\n"
                )
            case .differs, .missingTrace:
                do {
                    try result.actualTrace.write(toFile: result.sample.expectedTrace, atomically: true, encoding: .utf8)
                    updated += 1
                    passed += 1
                    print("updated \(PrintableText.line(result.sample.expectedTrace))")
                } catch {
                    failed += 1
                    print(
                        "\(fail) \(PrintableText.line(result.sample.name)): cannot write \(PrintableText.line(result.sample.expectedTrace)): \(error.localizedDescription)"
                    )
                }
            case .invalid(let diagnostics):
                failed += 1
                print("\(fail) \(PrintableText.line(result.sample.name)): the sample is invalid")
                print(renderer.render(diagnostics))
            case .crashed(let crash):
                failed += 1
                print(fail + crashReport(result.sample, crash).dropFirst("FAIL".count))
            }
        }
        if let junit {
            do {
                try JUnitReport.xml(results).write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                Terminal.writeError("cannot write \(PrintableText.line(junit)): \(error.localizedDescription)\n")
                throw ExitStatus.couldNotRun
            }
        }
        if coverage { printCoverage(results, inputs: CallInputs(directory: directory)) }
        if updated > 0 { print("updated \(updated) expected trace\(updated == 1 ? "" : "s")") }
        print(
            palette.paint("\(passed) passed", passed > 0 && failed == 0 ? .success : .bold) + ", "
                + palette.paint("\(failed) failed", failed > 0 ? .error : .bold))
        if failed > 0 { throw ExitStatus.problemsFound }
    }

    /// A diff (already escaped) with removed lines red and added lines green.
    static func coloured(diff: String, _ palette: Palette) -> String {
        guard palette.enabled else { return diff }
        return diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("---") || line.hasPrefix("+++") || line.hasPrefix("@@") { return palette.paint(String(line), .dim) }
            if line.hasPrefix("-") { return palette.paint(String(line), .removed) }
            if line.hasPrefix("+") { return palette.paint(String(line), .added) }
            return String(line)
        }.joined(separator: "\n")
    }

    /// What a user needs to find the crash: the sample's files, what the
    /// worker said as it died, and the command that runs the call alone.
    private func crashReport(_ sample: Sample, _ crash: SampleCrash) -> String {
        var out = "FAIL \(sample.name): \(crash.summary)\n"
        out += "  script \(sample.script), scenario \(sample.scenario)\n"
        for line in crash.output.split(separator: "\n") { out += "  | \(line)\n" }
        let directoryOption = directory.map { " --directory \(Self.quoted($0))" } ?? ""
        out += "  to run it alone: connexml run --offline\(directoryOption) \(Self.quoted(sample.script))"
        out += " --scenario \(Self.quoted(sample.scenario))\n"
        // Paths and names come from the file system: escaped like all output.
        return PrintableText.lines(out)
    }

    /// A path as the shell reads it back.
    private static func quoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-+,:@".unicodeScalars.contains($0)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func printCoverage(_ results: [SampleRunner.Result], inputs: CallInputs) {
        var byScript: [String: ScriptCoverage] = [:]
        for result in results {
            let path = result.sample.script
            if byScript[path] == nil {
                guard let script = inputs.load(script: path, scenario: nil).script else { continue }
                byScript[path] = ScriptCoverage(script.script)
            }
            byScript[path]!.record(result.coverage)
        }
        let scripts = byScript.keys.sorted().map { byScript[$0]! }
        if format == .json {
            print(MachineJSON.text(CoverageReport(scripts: scripts.map(CoverageReport.Script.init))))
        } else {
            for script in scripts { print(script.text, terminator: "") }
            let complete = scripts.filter(\.complete).count
            print("coverage: \(complete) of \(scripts.count) scripts have every verb and branch exercised")
        }
    }
}

/// `test --coverage --format json`: the scripts in path order, each with the
/// verbs that never ran and every branch's outcomes covered and missing.
private struct CoverageReport: Encodable {
    struct Script: Encodable {
        struct Verbs: Encodable { let total: Int, ran: Int, never: [Verb] }
        struct Verb: Encodable { let line: Int, verb: String }
        struct Branch: Encodable { let line: Int, verb: String, covered: [String], missing: [String] }
        let file: String, samples: Int, verbs: Verbs, branches: [Branch]

        init(_ coverage: ScriptCoverage) {
            file = coverage.file
            samples = coverage.samples
            let never = coverage.neverRan.map { Verb(line: $0.line, verb: $0.name) }
            verbs = Verbs(total: coverage.verbs.count, ran: coverage.verbs.count - never.count, never: never)
            branches = coverage.branches.map {
                Branch(line: $0.line, verb: $0.verb, covered: $0.outcomes.filter($0.covered.contains), missing: $0.missing)
            }
        }
    }

    let scripts: [Script]
}
