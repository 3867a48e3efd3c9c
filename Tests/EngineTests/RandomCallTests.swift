import Engine
import Fetching
import Foundation
import Language
import Policy
import Testing

/// Every call sample under random worlds — random keys at random times on
/// either leg, random answers, random hang-ups, paused or not — ends cleanly,
/// and its clock never runs backwards.
@Suite struct RandomCallTests {
    static var scripts: [CompiledScript] {
        let folder = Fixture.packageRoot.appendingPathComponent("samples/calls")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }
            .sorted()
        return files.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return try? CompiledScript.compile(bytes: [UInt8](data), file: folder.appendingPathComponent(name).path).get()
        }
    }

    /// Seeded, so a failing round can be replayed.
    struct Xorshift: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test func randomWorldsNeverBreakACall() {
        var random = Xorshift(state: 0x2026_1128)
        let scripts = Self.scripts
        #expect(scripts.count > 20)
        let engine = Engine(directory: Fixture.directory)
        let callers = ["1001", "1002", "1003", "1004", "2001", "+447700900123", "9999"]
        let statuses: [Answer.Status] = [.answered, .busy, .noAnswer, .failed]
        for round in 0..<2000 {
            let script = scripts[round % scripts.count]
            var scenario = Fixture.scenario(from: callers.randomElement(using: &random)!)
            scenario.customer = "acme"
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let digits = String(
                    (0..<Int.random(in: 1...4, using: &random)).map { _ in "0123456789*#".randomElement(using: &random)! })
                let at: Double? = Bool.random(using: &random) ? Double.random(in: 0...90, using: &random) : nil
                scenario.keys.append(KeyPress(digits: digits, at: at, leg: Bool.random(using: &random) ? .a : .b))
            }
            for target in ["1002", "1003", "01234567890", "+441234567891", "00441234567890", "112", "67890"]
            where Bool.random(using: &random) {
                scenario.answers[target] = Answer(
                    status: statuses.randomElement(using: &random)!,
                    talk: Double.random(in: 0...120, using: &random), ring: Double.random(in: 0...40, using: &random))
            }
            scenario.callsInProgress = [CallInProgress(id: "c1", parties: ["1001", "+441234567890"], started: 0)]
            if Bool.random(using: &random) { scenario.hangupAt = Double.random(in: 0...60, using: &random) }
            let mode = RunMode(pauseForInput: Int.random(in: 0..<4, using: &random) == 0)
            var sink = CollectingSink()
            let summary = engine.run(script, scenario: scenario, mode: mode, sink: &sink)
            let last = sink.events.last?.name
            #expect(
                last == .callEnd || (last == .callPaused && summary.reason == .paused),
                "round \(round): ended with \(last?.rawValue ?? "nothing")")
            let times = sink.events.map(\.time)
            #expect(times == times.sorted(), "round \(round) \(script.file): the clock ran backwards")
            #expect(sink.events.first?.name == .callStart)
        }
        // Every call released its capacity.
        for profile in ["agent", "operator", "supervisor", "ivr"] { #expect(engine.capacity.activeUsers(of: profile) == 0) }
    }
}
