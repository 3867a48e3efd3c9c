import Engine
import Foundation
import Testing

@testable import connexml

/// `run`'s call options and the REPL's `:call` words are checked and
/// applied by one parser (CallOptions), with the one check of keys.
@Suite struct CallOptionsTests {
    @Test func keysAreCheckedOnceForEveryone() {
        #expect(KeyPress.isPhoneKeys("0123456789*#"))
        #expect(!KeyPress.isPhoneKeys(""))
        #expect(!KeyPress.isPhoneKeys("1a"))
        var scenario = Scenario()
        #expect(CallOptions(keys: "1,42#").apply(to: &scenario).isEmpty)
        #expect(scenario.keys.map(\.digits) == ["1", "42#"])
        let problems = CallOptions(keys: "1,4x").apply(to: &scenario)
        #expect(problems.map(\.option) == [.keys])
        #expect(scenario.keys.map(\.digits) == ["1", "42#"], "a wrong option changes nothing")
    }

    @Test func theReplsWordsBecomeTheSameOptions() throws {
        let parsed = CallOptions.parse(replWords: ["1003", "to", "100", "tz", "Europe/London", "at", "2026-01-05T09:30:00Z"])
        let options = try #require(parsed.options)
        var scenario = Scenario()
        #expect(options.apply(to: &scenario).isEmpty)
        #expect(scenario.from == "1003" && scenario.to == "100" && scenario.timeZoneName == "Europe/London")
        #expect(scenario.start == ScenarioLoader.parseDate("2026-01-05T09:30:00Z"))
        #expect(CallOptions.parse(replWords: ["to"]).error?.hasPrefix("'to' needs a value") == true)
        #expect(CallOptions.parse(replWords: ["1003", "via", "x"]).error?.hasPrefix("unknown option 'via'") == true)
        var other = Scenario()
        #expect(CallOptions(timeZone: "Mars/Base").apply(to: &other).map(\.option) == [.timeZone])
    }

    @Test func runAndTheReplRefuseTheSameKeys() throws {
        let run = try Connexml.run(["run", "--dtmf", "1,x", Connexml.packageRoot.path + "/samples/calls/twenty-verbs.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("--dtmf: error: '1,x': keys are 0-9, * and #"), "\(run.stderr)")
    }
}
