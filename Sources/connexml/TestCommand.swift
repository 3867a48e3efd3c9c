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

    @Argument(help: "Folders, scripts or scenario files (default: the current folder).")
    var paths: [String] = []

    @Option(help: "The directory file (YAML) for every sample (default: directory.yaml beside each script, else the bundled one).")
    var directory: String?

    @Option(help: "Run only the samples whose name contains this text.")
    var filter: String?

    @Flag(help: "Rewrite the expected traces that differ or are missing, after a deliberate change.")
    var update = false

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Flag(help: "Report, per script, the verbs and branches the samples never exercised.")
    var coverage = false

    @Option(help: "Output format of --coverage: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let found = SampleDiscovery.find(paths.isEmpty ? ["."] : paths)
        for orphan in found.orphans {
            Terminal.writeError("\(orphan): no script for this scenario (expected NAME.xml beside NAME[.CASE].scenario.yaml)\n")
        }
        let samples = found.samples.filter { filter == nil || $0.name.contains(filter!) }
        guard !samples.isEmpty else {
            print("no samples found" + (filter.map { " matching '\($0)'" } ?? ""))
            print("0 passed, 0 failed")
            throw ExitStatus.problemsFound
        }

        let showProgress = Terminal.isTerminal(.standardError) && samples.count >= 20
        let runner = SampleRunner(inputs: CallInputs(directory: directory))
        let results = runner.run(samples) { done in
            if showProgress, done % 10 == 0 || done == samples.count {
                Terminal.writeError("\r[\(done)/\(samples.count)] samples run")
            }
        }
        if showProgress { Terminal.writeError("\r\u{1B}[K") }

        var passed = 0, failed = 0, updated = 0
        let renderer = DiagnosticRenderer(showSource: false)
        for result in results {
            switch result.outcome {
            case .passed:
                passed += 1
            case .differs(let diff) where !update:
                failed += 1
                print("FAIL \(result.sample.name): the trace differs from \(result.sample.expectedTrace)")
                print(diff)
            case .missingTrace where !update:
                failed += 1
                print("FAIL \(result.sample.name): no expected trace \(result.sample.expectedTrace) (record it with --update)\n")
            case .differs, .missingTrace:
                do {
                    try result.actualTrace.write(toFile: result.sample.expectedTrace, atomically: true, encoding: .utf8)
                    updated += 1
                    passed += 1
                    print("updated \(result.sample.expectedTrace)")
                } catch {
                    failed += 1
                    print("FAIL \(result.sample.name): cannot write \(result.sample.expectedTrace): \(error.localizedDescription)")
                }
            case .invalid(let diagnostics):
                failed += 1
                print("FAIL \(result.sample.name): the sample is invalid")
                print(renderer.render(diagnostics))
            }
        }
        if let junit {
            do {
                try JUnitReport.xml(results).write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                Terminal.writeError("cannot write \(junit): \(error.localizedDescription)\n")
                throw ExitStatus.couldNotRun
            }
        }
        if coverage { printCoverage(results, inputs: runner.inputs) }
        if updated > 0 { print("updated \(updated) expected trace\(updated == 1 ? "" : "s")") }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.problemsFound }
    }

    private func printCoverage(_ results: [SampleRunner.Result], inputs: CallInputs) {
        var byScript: [String: ScriptCoverage] = [:]
        for result in results {
            let path = result.sample.script
            if byScript[path] == nil {
                guard let script = inputs.load(script: path, scenario: nil).script else { continue }
                byScript[path] = ScriptCoverage(script.script)
            }
            byScript[path]!.record(result.events)
        }
        let scripts = byScript.keys.sorted().map { byScript[$0]! }
        if format == .json {
            let body: [String: Any] = ["scripts": scripts.map(\.json)]
            let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
            print(String(decoding: data, as: UTF8.self))
        } else {
            for script in scripts { print(script.text, terminator: "") }
            let complete = scripts.filter(\.complete).count
            print("coverage: \(complete) of \(scripts.count) scripts have every verb and branch exercised")
        }
    }
}
