import Foundation
import Policy
import Testing

@testable import Engine
@testable import connexml

/// `:save` writes the world with every field the scenario loader reads, so
/// the saved scenario replays the same call.
@Suite struct ScenarioWriterTests {
    /// Every field of the format set away from its default, with text that
    /// YAML would read as something else unless quoted.
    static func everyField() -> Scenario {
        var s = Scenario()
        s.from = "1001"
        s.to = "+15550123"
        s.start = Date(timeIntervalSince1970: 1_767_605_400)  // 2026-01-05T09:30:00Z
        s.startIsFixed = true
        s.timeZone = TimeZone(identifier: "Europe/London")!
        s.timeZoneName = "Europe/London"
        s.profile = "yes"
        s.customer = "null"
        s.sid = "CA 1: \"quoted\" \\ #hash"
        s.variables = [
            "lang": "en-GB", "empty": "", "count": "007", "line": "a\nb\u{202E}c", "ümlaut": "é", "null": "~", "": "no name",
            "- a: b #c": "[x]",
        ]
        s.keys = [KeyPress(digits: "1"), KeyPress(digits: "0#", at: 12.345678, leg: .b), KeyPress(digits: "*", at: 3)]
        s.answers = [
            "1003": Answer(status: .answered, talk: 45.5, ring: 2), "+15550199": Answer(status: .busy, talk: 30, ring: 0),
        ]
        s.defaultAnswer = Answer(status: .failed, talk: 1, ring: 0.25)
        s.callsInProgress = [CallInProgress(id: "call-1", parties: ["1001", "+15550100"], started: 1_767_605_000)]
        s.bargeTarget = "call-1"
        s.bargeTalk = 12.5
        s.loggedIn = ["1002", "true"]
        s.audioSeconds = ["welcome.wav": 3.25, "hold.mp3": 0]
        s.hangupAt = 99.9
        return s
    }

    /// The documents mappings of a scenario file (beside the world).
    static let documents = ["https://example.com/next.xml": "next.xml", "http://x/y": "<Response/>"]

    @Test func everyFieldRoundTrips() throws {
        let saved = Self.everyField()
        let yaml = try ScenarioWriter.yaml(saved, documents: Self.documents)
        let loaded = ScenarioLoader.load(text: yaml, file: "saved.scenario.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)\n\(yaml)")
        let file = try #require(loaded.file, "\(yaml)")
        #expect(file.documents == Self.documents)
        let back = file.scenario
        #expect(back.from == saved.from)
        #expect(back.to == saved.to)
        #expect(back.start == saved.start)
        #expect(back.startIsFixed)
        #expect(back.timeZone.identifier == saved.timeZone.identifier)
        #expect(back.timeZoneName == saved.timeZoneName)
        #expect(back.profile == saved.profile)
        #expect(back.customer == saved.customer)
        #expect(back.sid == saved.sid)
        #expect(back.variables == saved.variables)
        #expect(back.keys == saved.keys)
        #expect(back.answers == saved.answers)
        #expect(back.defaultAnswer == saved.defaultAnswer)
        #expect(back.callsInProgress.map(\.id) == saved.callsInProgress.map(\.id))
        #expect(back.callsInProgress.map(\.parties) == saved.callsInProgress.map(\.parties))
        #expect(back.callsInProgress.map(\.started) == saved.callsInProgress.map(\.started))
        #expect(back.bargeTarget == saved.bargeTarget)
        #expect(back.bargeTalk == saved.bargeTalk)
        #expect(back.loggedIn == saved.loggedIn)
        #expect(back.audioSeconds == saved.audioSeconds)
        #expect(back.hangupAt == saved.hangupAt)
    }

    /// Every top-level and call key the loader knows is written by
    /// `everyField`: a key added to the loader fails here until the writer
    /// (and this test's scenario) carry it too.
    @Test func writesEveryKeyTheLoaderKnows() throws {
        let yaml = try ScenarioWriter.yaml(Self.everyField(), documents: Self.documents)
        for key in ScenarioLoader.topLevelKeys {
            #expect(yaml.contains("\n\(key):"), "\(key) not written:\n\(yaml)")
        }
        for key in ScenarioLoader.callKeys {
            #expect(yaml.contains("\n  \(key):"), "call.\(key) not written:\n\(yaml)")
        }
    }

    /// A default world writes only the call: nothing the loader would add.
    @Test func defaultsAreLeftOut() throws {
        let yaml = try ScenarioWriter.yaml(Scenario())
        #expect(
            yaml == """
                # Saved from connexml repl.
                call:
                  from: "+15550100"
                  to: "100"
                  start: "1970-01-01T00:00:00Z"
                  timezone: "UTC"
                  sid: "CA-repl"

                """)
    }

    /// Text a terminal would act on is escaped in the file, and reads back the same.
    @Test func controlAndBidiCharactersAreEscaped() throws {
        var s = Scenario()
        s.variables = ["x": "\u{1B}[31mred\u{202E}"]
        let yaml = try ScenarioWriter.yaml(s)
        #expect(!yaml.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(ScenarioLoader.load(text: yaml, file: "x").scenario?.variables == s.variables)
    }

    /// The saved file is a scenario `connexml run` accepts.
    @Test func theSavedFileRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var s = Self.everyField()
        s.profile = nil
        s.customer = nil
        s.loggedIn = []
        s.callsInProgress = []
        s.bargeTarget = nil
        let scenarioFile = folder.appendingPathComponent("saved.scenario.yaml").path
        try ScenarioWriter.yaml(s, documents: Self.documents).write(toFile: scenarioFile, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("saved.xml").path
        try "<Response><Gather numDigits=\"1\"/><Hangup/></Response>".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try Connexml.run(["run", script, "--scenario", scenarioFile])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("digits=1"), "\(result.stdout)")
    }
}
