import Engine
import Language
import Testing

/// The engine marks the event where a verb branches with the verb's own
/// outcome (`TraceEvent.outcome`): what coverage and the call-flow graph
/// read instead of matching event names and fields.
@Suite struct OutcomeTests {
    /// The outcomes marked, in order, as (event, outcome) names.
    func marks(_ xml: String, _ scenario: Scenario = Fixture.scenario()) -> [String] {
        Fixture.run(xml, scenario).compactMap { event in event.outcome.map { "\(event.name.rawValue) \($0.name)" } }
    }

    @Test func aDialIsMarkedWithItsStatus() {
        #expect(marks("<Dial>1002</Dial>", Fixture.scenario(answers: ["1002": Answer(status: .busy)])) == ["dial.result busy"])
        #expect(marks("<Dial>1002</Dial>") == ["dial.result no-answer"])
        var gone = Fixture.scenario(answers: ["1002": Answer(status: .answered, ring: 5)])
        gone.hangupAt = 2
        #expect(marks("<Dial>1002</Dial>", gone) == ["dial.result canceled"])
    }

    @Test func aDeniedDialIsDeniedNotFailed() {
        // 1001, an agent, may not dial abroad: DialCallStatus is failed all the same.
        let events = Fixture.run("<Dial>+441234567890</Dial>")
        #expect(events.first(.denied)?.outcome == Dial.Outcome.denied)
        #expect(events.first(.dialResult)?[.status] == .string("failed"))
        #expect(events.first(.dialResult)?.outcome == nil)
    }

    @Test func gatherConditionAndKeysAreMarked() {
        #expect(marks("<Gather numDigits=\"1\"/>", Fixture.scenario(keys: [KeyPress(digits: "5")])) == ["gather digits"])
        #expect(marks("<Gather timeout=\"1\"/>") == ["gather no input"])
        #expect(marks("<Condition field=\"${To}\" expression=\"^100$\"><Say>x</Say></Condition>") == ["condition true"])
        #expect(marks("<Condition field=\"${To}\" expression=\"^9$\"><Say>x</Say></Condition>") == ["condition false"])
        let keys = Fixture.scenario(keys: [KeyPress(digits: "1", at: 1), KeyPress(digits: "2", at: 3)])
        #expect(marks("<Press digit=\"1\"><Say>one</Say></Press><Pause length=\"5\"/>", keys) == ["key pressed"])
    }

    @Test func aTransferIsMarkedWhereItBranches() {
        // 1003, an operator, may transfer; 1001, an agent, may not.
        #expect(marks("<Transfer>1004</Transfer>", Fixture.scenario(from: "1003")) == ["transfer transferred"])
        #expect(marks("<Transfer>1004</Transfer>") == ["denied denied"])
        #expect(
            marks(
                "<Transfer attended=\"true\">1004</Transfer>",
                Fixture.scenario(from: "1003", answers: ["1004": Answer(status: .busy)])) == ["transfer.result busy"])
        #expect(
            marks(
                "<Transfer attended=\"true\">1004</Transfer>",
                Fixture.scenario(from: "1003", answers: ["1004": Answer(status: .answered)])) == ["transfer.result transferred"])
    }
}
