// Runs compiled scripts for many calls with a sink that only counts events,
// and prints calls per second and memory. Used by scripts/bench-run.sh.
//
//   CallBenchmark CALLS SCRIPT...   (each SCRIPT may have NAME.scenario.yaml beside it)
import Engine
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

print("calls per script: \(calls); one core (calls run one after another)")
print("script".padding(toLength: 44, withPad: " ", startingAt: 0), "verbs/call", "events/call", "calls/s", "RSS@1k KB", "RSS@end KB", "peak KB")
for path in arguments.dropFirst() {
    let script: CompiledScript
    switch CompiledScript.compile(bytes: load(path), file: path) {
    case .success(let compiled): script = compiled
    case .failure(let failure):
        print("\(path): does not check: \(failure.diagnostics.first?.message ?? "")")
        continue
    }
    var scenario = Scenario()
    let scenarioPath = String(path.dropLast(4)) + ".scenario.yaml"
    if FileManager.default.fileExists(atPath: scenarioPath) {
        scenario = ScenarioLoader.load(bytes: load(scenarioPath), file: scenarioPath,
                                       folder: (scenarioPath as NSString).deletingLastPathComponent).scenario ?? scenario
    }
    scenario.sid = scenario.sid ?? "CA-bench"
    let engine = Engine(directory: directory, documents: LocalDocuments(mappings: scenario.documents, folder: scenario.folder))
    var sink = CountingSink()
    var verbs = 0
    var rssAfterThousand = 0
    let started = DispatchTime.now().uptimeNanoseconds
    for call in 1...calls {
        verbs += engine.run(script, scenario: scenario, sink: &sink).verbsRun
        if call == min(1000, calls) { rssAfterThousand = residentKilobytes().current }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let memory = residentKilobytes()
    print((path as NSString).lastPathComponent.padding(toLength: 44, withPad: " ", startingAt: 0),
          String(format: "%10.1f %11.1f %8.0f %10d %10d %8d", Double(verbs) / Double(calls), Double(sink.count) / Double(calls),
                 Double(calls) / seconds, rssAfterThousand, memory.current, memory.peak))
}
