import Engine
import Policy
import Testing

/// Keys while barging mean what FreeSWITCH's eavesdrop makes them mean
/// (language.md, Barge): 2 talks to the barged channel A, 1 to the other
/// half B, 3 to both, 0 back to listening, * leaves; other keys do nothing.
@Suite struct BargeKeyTests {
    func barge(_ keys: String...) -> [TraceEvent] {
        var scenario = Fixture.scenario(from: "1003", keys: keys.enumerated().map { KeyPress(digits: $1, at: Double($0 + 1)) })
        scenario.callsInProgress = [CallInProgress(id: "c1", parties: ["1002", "+441234567890"], started: 0)]
        return Fixture.run("<Dial><Barge whisper=\"ab\">sales</Barge></Dial>", scenario)
    }

    @Test func eachKeyRestatesWhoHearsTheBarger() {
        let events = barge("2", "1", "3", "0", "*")
        #expect(events.all(.barge).map { $0[.heardBy]?.list } == [["a", "b"], ["a"], ["b"], ["a", "b"], []])
        #expect(events.first(.bargeLeave)?.time == 5)
    }

    @Test func otherKeysAreTracedWithNoEffect() {
        let events = barge("5", "#", "*")
        #expect(events.all(.key).map { $0[.digits]?.string } == ["5", "#"])
        #expect(events.all(.key).allSatisfy { $0[.effect]?.string == "none" })
        #expect(events.all(.barge).count == 1)
    }
}
