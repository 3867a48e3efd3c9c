// Runs compiled scripts for many calls with a sink that only counts events,
// and prints calls per second and memory. Used by scripts/bench-run.sh.
//
//   CallBenchmark CALLS SAMPLE...
//
// A SAMPLE is a script (NAME.xml, run with NAME.scenario.yaml beside it
// when there is one) or a scenario (NAME[.CASE].scenario.yaml, run with
// NAME.xml), as `connexml test` pairs them.
import Engine
import Fetching
import Foundation
import Policy

func residentKilobytes() -> (current: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0
    }
    return (field("VmRSS"), field("VmHWM"))
}

func load(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    return [UInt8](data)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, let calls = Int(arguments[0]), calls > 0 else {
    print("usage: CallBenchmark CALLS SCRIPT...")
    exit(2)
}
let directoryText = String(decoding: load("samples/directory.yaml"), as: UTF8.self)
let directory = DirectoryLoader.load(text: directoryText, file: "samples/directory.yaml").directory!

print("calls per sample: \(calls) a round, best of 3 rounds; one core (calls run one after another)")
print("RSS@1k: resident memory after the first 1,000 calls; RSS@end: after the last")
print(
    "sample".padding(toLength: 44, withPad: " ", startingAt: 0), "verbs/call", "events/call", "calls/s", "RSS@1k KB",
    "RSS@end KB", "peak KB")
/// The script and scenario of a sample, as `connexml test` pairs them.
func files(of sample: String) -> (script: String, scenario: String?) {
    let suffix = ".scenario.yaml"
    guard sample.hasSuffix(suffix) else {
        let beside = String(sample.dropLast(4)) + suffix
        return (sample, FileManager.default.fileExists(atPath: beside) ? beside : nil)
    }
    let stem = String(sample.dropLast(suffix.count))
    if FileManager.default.fileExists(atPath: stem + ".xml") { return (stem + ".xml", sample) }
    return ((stem as NSString).deletingPathExtension + ".xml", sample)  // NAME.CASE → NAME.xml
}

for sample in arguments.dropFirst() {
    let (path, scenarioPath) = files(of: sample)
    let script: CompiledScript
    switch CompiledScript.compile(bytes: load(path), file: path) {
    case .success(let compiled): script = compiled
    case .failure(let failure):
        print("\(path): does not check: \(failure.diagnostics.first?.message ?? "")")
        exit(1)
    }
    var file = ScenarioFile()
    if let scenarioPath {
        let loaded = ScenarioLoader.load(
            bytes: load(scenarioPath), file: scenarioPath,
            folder: (scenarioPath as NSString).deletingLastPathComponent, directory: directory)
        guard let valid = loaded.file else {
            print("\(scenarioPath): invalid: \(loaded.diagnostics.first?.message ?? "")")
            exit(1)
        }
        file = valid
    }
    var scenario = file.scenario
    scenario.sid = scenario.sid ?? "CA-bench"
    let driver = CallDriver(directory: directory, for: file)
    // Three rounds of CALLS calls; the machine is shared and noisy, so the
    // best round is the figure (memory is read across all of them).
    var best = 0.0
    var verbs = 0
    var events = 0
    var rssAfterThousand = 0
    for round in 1...3 {
        var sink = CountingSink()
        verbs = 0
        let started = DispatchTime.now().uptimeNanoseconds
        for call in 1...calls {
            verbs += driver.run(script, scenario: scenario, sink: &sink).verbsRun
            if round == 1, call == min(1000, calls) { rssAfterThousand = residentKilobytes().current }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        best = max(best, Double(calls) / seconds)
        events = sink.count
    }
    let memory = residentKilobytes()
    print(
        (sample as NSString).lastPathComponent.padding(toLength: 44, withPad: " ", startingAt: 0),
        String(
            format: "%10.1f %11.1f %8.0f %10d %10d %8d", Double(verbs) / Double(calls), Double(events) / Double(calls),
            best, rssAfterThousand, memory.current, memory.peak))
}
