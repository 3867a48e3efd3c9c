import Engine
import Foundation
import Policy
import Testing

/// Worlds and scripts chosen to break the engine: thousands of keys into
/// bindings, durations at the edge of what a Double holds, templated
/// attributes whose expansion is invalid. Each case crashed, hung or
/// misbehaved before its fix.
@Suite struct HostileWorldTests {
    @Test func tenThousandKeysIntoABindingThatPausesKeepTheStackFlat() {
        // Every key fires the binding while the previous binding's Pause
        // runs: each must take over, not nest (this overflowed the stack).
        let keys = (1...10_000).map { KeyPress(digits: "1", at: Double($0) * 0.5) }
        let events = Fixture.run(
            """
            <Press digit="1"><Pause length="1"/></Press>
            <Pause length="2"/>
            <Say>after</Say>
            """, Fixture.scenario(keys: keys))
        #expect(events.all(.key).count == 10_000)
        #expect(events.all(.key).allSatisfy { $0[.effect]?.string == "binding" })
        #expect(events.all(.pause).count == 10_001)
        #expect(events.first(.say)?[.text]?.string == "after")
        #expect(events.end[.reason]?.string == "completed")
    }

    @Test func aBoundKeyDuringABindingTakesOverThenTheScriptGoesOn() {
        let events = Fixture.run(
            """
            <Press digit="1"><Say>one one one one one one one one one one</Say><Say>rest of one</Say></Press>
            <Press digit="2"><Say>two</Say></Press>
            <Pause length="10"/>
            <Say>after</Say>
            """, Fixture.scenario(keys: [KeyPress(digits: "1", at: 1), KeyPress(digits: "2", at: 2)]))
        // 1 cuts the Pause; 2 cuts binding 1's first Say, whose remaining
        // verbs are dropped; the script goes on after the Pause.
        #expect(events.all(.say).map { $0[.text]?.string } == ["one one one one one one one one one one", "two", "after"])
        #expect(events.first(.say)?.time == 1)
        #expect(events.all(.say)[1].time == 2)
    }

    @Test func hugeDurationsGivenDirectlyNeverTrap() {
        // The scenario loader bounds durations; the engine must not trap
        // even when a program builds a Scenario by hand.
        var scenario = Fixture.scenario()
        scenario.audioSeconds = ["ivr/long.wav": 1e300]
        let events = Fixture.run(
            """
            <Play loop="100">ivr/long.wav</Play>
            <Condition hour="9-17"><Say>open</Say></Condition>
            """, scenario)
        #expect(events.end[.reason]?.string == "completed")
    }

    @Test func scenarioDurationsAreBounded() {
        for text in [
            "audio: {ivr/a.wav: 1e19}", "audio: {ivr/a.wav: .inf}", "audio: {ivr/a.wav: -1}", "audio: {ivr/a.wav: nan}",
            "hangup_at: 1e19", "barge_talk: 1e300", "dtmf: [{digits: '1', at: 1e19}]",
            "answers: {'1002': {status: answered, talk: 1e19}}",
        ] {
            let result = ScenarioLoader.load(text: text, file: "s.yaml")
            #expect(result.scenario == nil, "\(text)")
            #expect(result.diagnostics.map(\.code.rawValue) == ["scenario-invalid-value"], "\(text)")
            #expect(result.diagnostics.first?.position?.line == 1, "\(text)")
        }
        #expect(
            ScenarioLoader.load(text: "audio: {ivr/a.wav: 86400}", file: "s.yaml").scenario?.audioSeconds["ivr/a.wav"] == 86_400)
    }

    @Test func datesBeforeTheGregorianReformReadBackAsWritten() {
        for text in ["1500-03-01T00:00:00Z", "0001-01-01T00:00:00Z", "1582-10-10T12:00:00Z", "9999-12-31T23:59:59Z"] {
            var scenario = Fixture.scenario(at: text)
            scenario.sid = "CA"
            let start = Fixture.run("<Hangup/>", scenario).first(.callStart)
            #expect(start?[.start]?.string == text)
        }
        for bad in [
            "2026-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05 09:30:00Z",
            "2026-01-05T09:30:00", "+12026-01-05T09:30:00Z", "2026-01-05T09:30:00Zjunk",
        ] {
            #expect(ScenarioLoader.parseDate(bad) == nil, "\(bad)")
        }
        #expect(
            ScenarioLoader.parseDate("2026-01-05T10:30:00.250+01:00")?.timeIntervalSince1970
                == ScenarioLoader.parseDate("2026-01-05T09:30:00Z")!.timeIntervalSince1970 + 0.25)
    }

    @Test func agreesWithFoundationAfterTheReform() {
        let formatter = ISO8601DateFormatter()
        for seconds in stride(from: -12_219_292_800.0, to: 32_503_680_000, by: 7_777_777.7) {  // 1582-10-15 … 3000
            let date = Date(timeIntervalSince1970: seconds.rounded(.down))
            let text = formatter.string(from: date)
            #expect(ScenarioLoader.parseDate(text) == date, "\(text)")
        }
    }

    @Test func loggedInUsersMustExistAndFitTheCapacity() {
        let unknown = ScenarioLoader.load(text: "logged_in: ['1003', '1099']", file: "s.yaml", directory: Fixture.directory)
        #expect(unknown.scenario == nil)
        #expect(unknown.diagnostics.map(\.code.rawValue) == ["scenario-unknown-user"])
        #expect(unknown.diagnostics.first?.position?.column == 21)
        // A profile of capacity 1 with two users.
        let directory = DirectoryLoader.load(
            text: """
                customers: [{name: acme}]
                profiles: [{name: desk, capacity: 1, dial: []}]
                users:
                  - {username: "1", profile: desk, customer: acme}
                  - {username: "2", profile: desk, customer: acme}
                """, file: "d.yaml"
        ).directory!
        let over = ScenarioLoader.load(text: "logged_in:\n  - '1'\n  - '1'\n  - '2'\n", file: "s.yaml", directory: directory)
        #expect(over.diagnostics.map(\.code.rawValue) == ["scenario-over-capacity"])
        #expect(over.diagnostics.first?.position?.line == 4)  // the same user twice counts once
        // Without a directory (the loader alone) names are not judged.
        #expect(ScenarioLoader.load(text: "logged_in: ['1099']", file: "s.yaml").scenario != nil)
    }

    @Test func templatedDialAttributesTakeEffectAsExpanded() {
        var scenario = Fixture.scenario()
        scenario.variables = ["t": "7", "star": "true"]
        scenario.keys = [KeyPress(digits: "*", at: 10)]
        scenario.answers = ["1002": Answer(status: .answered, talk: 60, ring: 1)]
        let events = Fixture.run(
            """
            <Dial timeout="{{ t }}">1099</Dial>
            <Dial hangupOnStar="{{ star }}">1002</Dial>
            """, scenario)
        let results = events.all(.dialResult)
        #expect(results.first?[.status]?.string == "no-answer")
        #expect(results.first?.time == 7)  // the expanded timeout, not the default 30
        #expect(events.contains { $0[.effect]?.string == "hangupOnStar: the callee is hung up" })
        #expect(results.last?.time == 10)
    }

    @Test func anInvalidTemplatedIdentitySkipsTheDial() {
        var scenario = Fixture.scenario(from: "1003")
        scenario.variables = ["cid": "not a number", "name": "<bad>"]
        for xml in ["<Dial callerId=\"{{ cid }}\">1002</Dial>", "<Dial fromDisplayName=\"{{ name }}\">1002</Dial>"] {
            let events = Fixture.run(xml, scenario)
            #expect(events.first(.error)?[.message]?.string?.hasSuffix("the verb is skipped") == true, "\(xml)")
            #expect(events.first(.dial) == nil, "\(xml)")
            #expect(events.first(.dialAnswered) == nil, "\(xml)")
        }
    }

    @Test func hangupOnStarHasNoEffectInAConference() {
        let events = Fixture.run(
            "<Dial hangupOnStar=\"true\"><Conference>room</Conference></Dial><Say>after</Say>",
            Fixture.scenario(from: "1003", keys: [KeyPress(digits: "*", at: 5)]))
        #expect(events.first(.key)?[.effect]?.string == "none")
        #expect(events.first(.dialResult)?.time == 30)
    }
}
