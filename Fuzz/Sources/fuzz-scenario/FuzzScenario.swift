import Engine
import FuzzSupport
import Foundation

/// The scenario loader (YAML text): any text gives a scenario or
/// diagnostics. A scenario that loads then runs one of the call samples
/// against the sample directory: the one its first line names
/// (`# script: NAME.xml`, as the seeds have), else one picked by its size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = ScenarioLoader.load(bytes: bytes, file: "fuzz.scenario.yaml")
    invariant((result.scenario != nil) == !result.diagnostics.hasErrors,
              "a scenario came back with errors, or none without any")
    guard let scenario = result.scenario else { return 0 }
    let firstLine = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    let named = firstLine.hasPrefix("# script: ") ? String(firstLine.dropFirst(10)) : nil
    let name = named.flatMap { SampleScripts.calls[$0] != nil ? $0 : nil }
        ?? SampleScripts.names[bytes.count % SampleScripts.names.count]
    let script = SampleScripts.calls[name]!
    let directory = SampleDirectory.directory
    let engine = Engine(directory: directory)
    var sink = CollectingSink()
    let summary = engine.run(script, scenario: scenario, documents: SameDocument(script), sink: &sink)
    checkCall(sink.events, summary, engine: engine, directory: directory)
    return 0
}
