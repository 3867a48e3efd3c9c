import Engine
import Fetching
import Testing

@testable import connexml

/// The outcomes the engine marks as it emits are read back the same from
/// the JSON Lines it renders (TraceJSONReader, TraceEvent.readOutcomes):
/// what `connexml graph --trace` relies on, checked on every sample.
@Suite struct TraceReadBackTests {
    static let samples = SampleDiscovery.find([Connexml.packageRoot.appendingPathComponent("samples").path]).samples

    @Test func everySampleTraceReadsBackWithTheSameOutcomes() throws {
        #expect(Self.samples.count > 40)
        let inputs = CallInputs(directory: nil)
        var marked: Set<String> = []
        for sample in Self.samples {
            let loaded = inputs.load(script: sample.script, scenario: sample.scenario)
            guard loaded.problems.isEmpty, let script = loaded.script, let directory = loaded.directory,
                let file = loaded.scenario
            else { continue }  // samples/invalid: nothing runs
            var scenario = file.scenario
            scenario.sid = scenario.sid ?? "CA-sample"
            var sink = CollectingSink()
            CallDriver(directory: directory, for: file).run(script, scenario: scenario, sink: &sink)
            let lines = sink.events.map(TraceRenderer.json)
            let read = try TraceJSONReader.events(lines.joined(separator: "\n") + "\n")
            try #require(read.count == sink.events.count, "\(sample.name)")
            for (emitted, (line, back)) in zip(sink.events, zip(lines, read)) {
                #expect(back.name == emitted.name && back.file == emitted.file && back.line == emitted.line, "\(sample.name)")
                // Every field read back as written (numbers as rendered: to the millisecond).
                #expect(TraceRenderer.json(back) == line, "\(sample.name)")
                #expect(
                    back.outcome == emitted.outcome,
                    "\(sample.name): \(emitted.name.rawValue) L\(emitted.line ?? 0) marked \(emitted.outcome?.name ?? "none"), read \(back.outcome?.name ?? "none")"
                )
                if let outcome = emitted.outcome { marked.insert("\(emitted.name.rawValue) \(outcome.name)") }
            }
        }
        // The samples exercise every kind of mark the reader reads back.
        for kind in [
            "condition true", "condition false", "gather digits", "gather no input", "dial.result busy", "denied denied",
            "key pressed", "transfer transferred", "transfer.result transferred",
        ] {
            #expect(marked.contains(kind), "no sample marks \(kind): \(marked.sorted())")
        }
    }

    @Test func aLineThatIsNotAnEventIsRefusedWithItsNumber() {
        #expect(throws: TraceJSONReader.Problem.self) { try TraceJSONReader.events("{\"time\":0,\"event\":\"say\"}\nL5 say\n") }
        do {
            _ = try TraceJSONReader.events("{\"time\":0,\"event\":\"say\"}\n\n{\"time\":1,\"event\":\"shout\"}\n")
            Issue.record("an unknown event was read")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("unknown event 'shout'"))
        }
    }

    /// A `play`'s audio `file` is a field, not the script's file.
    @Test func fileAndLineAreReadOnlyWhereTheRendererPutsThem() throws {
        let line = #"{"time":1.5,"event":"play","file":"main.xml","line":4,"file":"a \"b\".wav","loop":1,"list":["x","\u00e9"]}"#
        let event = try #require(try TraceJSONReader.events(line).first)
        #expect(event.file == "main.xml" && event.line == 4 && event.time == 1.5)
        #expect(event[.file] == .string("a \"b\".wav"))
        #expect(event[.loop] == .number(1))
        #expect(event.fields.last?.value == .list(["x", "é"]))
    }
}
