import Engine
import Foundation
import FuzzSupport
import Policy

/// The engine: a script and a world, run to the end against the sample
/// directory. The input is the script, a NUL, then the world: a scenario in
/// YAML when it loads as one, else bytes that decide a random world (caller,
/// keys and when they come, how destinations answer, when the caller hangs
/// up, calls in progress). Hand-overs get the same script again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (scriptBytes, worldBytes) = split(fuzzBytes(data, size), at: [0])
    guard case .success(let script) = CompiledScript.compile(bytes: scriptBytes, file: "fuzz.xml") else { return 0 }
    let directory = SampleDirectory.directory
    let loaded = ScenarioLoader.load(bytes: worldBytes ?? [], file: "fuzz.scenario.yaml").scenario
    var input = FuzzInput(worldBytes ?? [])
    let scenario = loaded ?? RandomWorld.scenario(&input, directory: directory)
    // A random world sometimes pauses where the call would wait (the REPL's mode).
    let mode = loaded == nil && input.int(in: 0...3) == 0 ? RunMode(pauseForInput: true) : .toTheEnd
    let engine = Engine(directory: directory)
    var sink = CollectingSink()
    let summary = engine.run(script, scenario: scenario, mode: mode, documents: SameDocument(script), sink: &sink)
    checkCall(sink.events, summary, engine: engine, directory: directory)
    return 0
}

/// A world decided by bytes, over the sample directory's users and numbers.
enum RandomWorld {
    static let people = ["1001", "1002", "1003", "1004", "2001", "2002", "+447700900123", "+15550100", "9999", ""]
    static let numbers = ["1002", "1003", "01234567890", "+441234567891", "00441234567890", "112", "67890", "160", "sales", "support"]
    static let keys: [Character] = Array("0123456789*#ABCD")

    static func scenario(_ input: inout FuzzInput, directory: Directory) -> Scenario {
        var scenario = Scenario()
        scenario.from = input.element(of: people)
        scenario.to = input.element(of: numbers)
        scenario.customer = input.element(of: [nil, "acme", "globex", "initech"])
        scenario.profile = input.element(of: [nil] + directory.profiles.map(\.name) + ["nobody"])
        // Around the turn of a year, a week, a day: where calendars go wrong.
        scenario.start = Date(timeIntervalSince1970: input.element(of: [0, 1_767_225_540, 1_767_571_800, 1_798_761_599, 253_402_300_000]))
            .addingTimeInterval(input.seconds(in: 0...86_400))
        scenario.timeZone = TimeZone(identifier: input.element(of: ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"]))!
        scenario.variables = ["Digits": input.text(from: keys, maximum: 4), "name": input.text(from: ["a", "{", "}", "$", " "], maximum: 6)]
        for _ in 0..<input.int(in: 0...8) {
            let at: Double? = input.bool() ? input.seconds(in: 0...200) : nil
            scenario.keys.append(KeyPress(digits: input.text(from: keys, maximum: 5), at: at, leg: input.bool() ? .a : .b))
        }
        let statuses = Answer.Status.allCases
        for number in numbers where input.bool() {
            scenario.answers[number] = Answer(status: input.element(of: statuses), talk: input.seconds(in: 0...600), ring: input.seconds(in: 0...120))
        }
        scenario.defaultAnswer = Answer(status: input.element(of: statuses), talk: input.seconds(in: 0...600), ring: input.seconds(in: 0...120))
        for id in 0..<input.int(in: 0...3) {
            let parties = (0..<input.int(in: 1...3)).map { _ in input.element(of: people) }
            scenario.callsInProgress.append(CallInProgress(id: "c\(id)", parties: parties, started: input.seconds(in: 0...3600)))
        }
        scenario.bargeTarget = input.bool() ? "c\(input.int(in: 0...3))" : nil
        scenario.bargeTalk = input.seconds(in: 0...600)
        scenario.loggedIn = (0..<input.int(in: 0...3)).map { _ in input.element(of: people) }
        if input.bool() { scenario.hangupAt = input.seconds(in: 0...600) }
        return scenario
    }
}
