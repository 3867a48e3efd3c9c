import Diagnostics
import Engine
import Fetching
import Foundation
import Synchronization

/// Runs samples, in parallel across the cores, and compares their traces.
struct SampleRunner {
    enum Outcome: Sendable {
        case passed
        /// The trace differs: the unified diff.
        case differs(String)
        /// No expected trace yet.
        case missingTrace
        /// The script, directory or scenario is invalid: its diagnostics.
        case invalid([Diagnostic])
    }

    struct Result: Sendable {
        let sample: Sample
        let outcome: Outcome
        let actualTrace: String
        /// The events, for coverage.
        let events: [TraceEvent]
        let seconds: Double

        var passed: Bool { if case .passed = outcome { true } else { false } }
    }

    let inputs: CallInputs

    /// Runs every sample; `progress` is called (from any thread) after each.
    func run(_ samples: [Sample], progress: @Sendable (Int) -> Void = { _ in }) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: samples.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: samples.count) { index in
            let result = run(samples[index])
            results.withLock { $0[index] = result }
            progress(done.add(1, ordering: .relaxed).newValue)
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    func run(_ sample: Sample) -> Result {
        let started = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        let loaded = inputs.load(script: sample.script, scenario: sample.scenario)
        guard loaded.problems.isEmpty, let script = loaded.script, let directory = loaded.directory,
              var scenario = loaded.scenario else {
            return Result(sample: sample, outcome: .invalid(loaded.problems), actualTrace: "", events: [], seconds: seconds())
        }
        // A sample must be reproducible: a fixed call id unless it gives one.
        scenario.sid = scenario.sid ?? "CA-sample"
        let engine = Engine(directory: directory, documents: LocalDocuments(mappings: scenario.documents, folder: scenario.folder))
        var sink = CollectingSink()
        engine.run(script, scenario: scenario, sink: &sink)
        let actual = sink.events.map(TraceRenderer.text).joined(separator: "\n") + "\n"
        guard let data = FileManager.default.contents(atPath: sample.expectedTrace) else {
            return Result(sample: sample, outcome: .missingTrace, actualTrace: actual, events: sink.events, seconds: seconds())
        }
        let expected = String(decoding: data, as: UTF8.self)
        let outcome: Outcome = expected == actual ? .passed
            : .differs(UnifiedDiff.diff(expected: expected, actual: actual, expectedName: sample.expectedTrace, actualName: "actual"))
        return Result(sample: sample, outcome: outcome, actualTrace: actual, events: sink.events, seconds: seconds())
    }
}
