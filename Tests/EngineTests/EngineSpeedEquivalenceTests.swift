import Foundation
import Testing

@testable import Engine

/// What the engine's speed work replaced must give the very same answers:
/// words counted eight bytes at a time, variables kept as a short list over
/// the shared starting ones, events to a sink that wants no fields given as
/// their name and time only.
@Suite struct EngineSpeedEquivalenceTests {
    /// The rule, byte by byte, as it was written before.
    static func wordsOneByteAtATime(_ text: String) -> Int {
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        return words
    }

    @Test func wordsCountedEightBytesAtATimeAsOneAtATime() {
        let pieces = [" ", "\t", "\n", "\r", "a", "bc", "é", "日本", "\u{0B}", "\u{0C}", "\u{00}", "\u{7F}", "!", "  ", "\r\n"]
        // Fixed edge cases: words across the eight-byte chunks, white space
        // that only looks like it (vertical tab, form feed, NUL).
        var texts = [
            "", " ", "a", "12345678", "1234567 8", "1234567  8 9", "        x", "x        ", "a\u{0B}b c\u{0C}d",
            "Welcome to Acme, 1001.", "For sales press 1, for support press 2.", String(repeating: "ab ", count: 40),
        ]
        // And many more, from a fixed seed (a test must not vary from run to run).
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5000 {
            var text = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(seed >> 59) * 2 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            texts.append(text)
        }
        for text in texts {
            #expect(SpokenWords.count(text) == Self.wordsOneByteAtATime(text), "\(text.debugDescription)")
        }
        // A string made through Foundation (native on Linux, so this is the
        // same path; on a platform with bridged strings it would be the copied one).
        let foreign = NSString(string: "one two  three\tfour").description
        #expect(SpokenWords.count(foreign) == 4)
    }

    @Test func variablesSetOverStartingOnesAndAgain() {
        let script = Fixture.compile(
            """
            <Response>
              <Set name="From" value="changed"/>
              <Set name="mark" value="1"/>
              <Set name="mark" value="2"/>
              <Set name="copy" value="{{ From }}-{{ mark }}-{{ To }}"/>
            </Response>
            """)
        var sink = CountingSink()
        var summary = Engine(directory: Fixture.directory).run(script, scenario: Fixture.scenario(), sink: &sink)
        #expect(
            summary.variables == [
                "From": "changed", "To": "100", "Extension": "100", "CallSid": "CA-test", "mark": "2",
                "copy": "changed-2-100",
            ])
        // The summary's variables stay settable, and summaries compare by them.
        var other = summary
        #expect(other == summary)
        other.variables["mark"] = "3"
        #expect(other != summary)
        #expect(other.variables["mark"] == "3" && other.variables["copy"] == "changed-2-100")
        summary.variables = [:]
        #expect(summary.variables.isEmpty)
    }

    @Test func aCountingSinkCountsEveryEventACollectingSinkGets() throws {
        let root = Fixture.packageRoot.appendingPathComponent("samples/calls")
        for name in ["twenty-verbs", "ivr-menu", "operator-barge", "gather-interrupted"] {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("\(name).xml")))
            guard case .success(let script) = CompiledScript.compile(bytes: bytes, file: "\(name).xml") else {
                Issue.record("\(name).xml does not compile")
                continue
            }
            let scenario = Fixture.scenario(keys: [KeyPress(digits: "1"), KeyPress(digits: "9", at: 30)])
            let engine = Engine(directory: Fixture.directory)
            var counting = CountingSink()
            var collecting = CollectingSink()
            let counted = engine.run(script, scenario: scenario, sink: &counting)
            let collected = engine.run(script, scenario: scenario, sink: &collecting)
            #expect(counting.count == collecting.events.count, "\(name)")
            #expect(counting.count > 3, "\(name)")
            #expect(counted == collected, "\(name)")
        }
    }

    /// A scenario shares its fields with its copies until one changes: the
    /// change is that copy's alone, field by field.
    @Test func aScenarioCopyChangesAlone() {
        var original = Fixture.scenario(keys: [KeyPress(digits: "1")], answers: ["1002": Answer(status: .busy)])
        original.variables = ["a": "1"]
        original.hangupAt = 12
        var copy = original
        copy.from = "2002"
        copy.keys.append(KeyPress(digits: "2", at: 5))
        copy.answers["1003"] = Answer(status: .failed)
        copy.variables["b"] = "2"
        copy.loggedIn = ["1004"]
        copy.audioSeconds["x.wav"] = 3
        copy.hangupAt = nil
        copy.sid = "CA-copy"
        copy.bargeTalk = 5
        #expect(original.from == "1001" && copy.from == "2002")
        #expect(original.keys == [KeyPress(digits: "1")] && copy.keys.count == 2)
        #expect(original.answers.count == 1 && copy.answers.count == 2)
        #expect(original.variables == ["a": "1"] && copy.variables == ["a": "1", "b": "2"])
        #expect(original.loggedIn.isEmpty && copy.loggedIn == ["1004"])
        #expect(original.audioSeconds.isEmpty && copy.audioSeconds["x.wav"] == 3)
        #expect(original.hangupAt == 12 && copy.hangupAt == nil)
        #expect(original.sid == "CA-test" && copy.sid == "CA-copy")
        #expect(original.bargeTalk == 60 && copy.bargeTalk == 5)
        // Unchanged fields read the same in both.
        #expect(copy.start == original.start && copy.timeZone == original.timeZone && copy.to == original.to)
    }
}
