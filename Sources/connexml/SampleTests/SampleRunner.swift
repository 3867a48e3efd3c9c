import Diagnostics
import Engine
import Fetching
import Foundation

/// Runs one sample and compares its trace with the expected one. Workers
/// (`connexml test --worker`) call it; `SampleWorkerPool` spreads the
/// samples over them so that a sample that crashes takes down a worker, not
/// the run.
struct SampleRunner {
    enum Outcome: Sendable {
        case passed
        /// The trace differs: the unified diff.
        case differs(String)
        /// No expected trace yet.
        case missingTrace
        /// The script, directory or scenario is invalid: its diagnostics.
        case invalid([Diagnostic])
        /// The worker running the sample died.
        case crashed(SampleCrash)
    }

    /// What running a sample gives back, from a worker to the runner.
    struct Report: Sendable {
        let outcome: Outcome
        /// The trace the call produced, kept only for `--update` (and only
        /// when it differs or is missing): empty otherwise.
        let actualTrace: String
        /// What the call exercised, kept only for `--coverage`.
        let coverage: [CoverageMark]
        let seconds: Double
    }

    struct Result: Sendable {
        let sample: Sample
        let report: Report

        var outcome: Outcome { report.outcome }
        var actualTrace: String { report.actualTrace }
        var coverage: [CoverageMark] { report.coverage }
        var seconds: Double { report.seconds }
        var passed: Bool { if case .passed = outcome { true } else { false } }
    }

    /// What the runner needs back beyond pass or fail.
    struct Options: Sendable {
        /// `--update`: the actual traces that differ or are missing, not diffs.
        var update = false
        /// `--coverage`: what each call exercised.
        var coverage = false
    }

    let inputs: CallInputs
    let options: Options

    func run(_ sample: Sample) -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        func report(_ outcome: Outcome, _ actual: String = "", _ events: [TraceEvent] = []) -> Report {
            Report(
                outcome: outcome, actualTrace: options.update ? actual : "",
                coverage: options.coverage ? CoverageMark.marks(of: events) : [],
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        let loaded = inputs.load(script: sample.script, scenario: sample.scenario)
        guard loaded.problems.isEmpty, let script = loaded.script, let directory = loaded.directory,
            let file = loaded.scenario
        else {
            return report(.invalid(loaded.problems))
        }
        // A sample must be reproducible: a fixed call id unless it gives one.
        var scenario = file.scenario
        scenario.sid = scenario.sid ?? "CA-sample"
        let driver = CallDriver(directory: directory, for: file)
        var sink = CollectingSink()
        driver.run(script, scenario: scenario, sink: &sink)
        let actual = sink.events.map(TraceRenderer.text).joined(separator: "\n") + "\n"
        guard let data = FileManager.default.contents(atPath: sample.expectedTrace) else {
            return report(.missingTrace, actual, sink.events)
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return report(.passed, "", sink.events) }
        // --update rewrites the trace: nobody reads a diff then.
        let diff =
            options.update
            ? ""
            : UnifiedDiff.diff(expected: expected, actual: actual, expectedName: sample.expectedTrace, actualName: "actual")
        return report(.differs(diff), actual, sink.events)
    }
}
