import Engine
import Testing

/// The variables a call starts with are built once per scenario and reused
/// by its calls (StartingVariables): a call of another scenario, or one
/// that set variables, must never show through.
@Suite struct StartingVariablesTests {
    let script = Fixture.compile("<Response><Set name=\"mark\" value=\"{{ greeting }}\"/></Response>")

    func variables(of scenario: Scenario) -> [String: String] {
        var sink = CountingSink()
        return Engine(directory: Fixture.directory).run(script, scenario: scenario, sink: &sink).variables
    }

    @Test func eachScenarioStartsWithItsOwn() {
        var first = Fixture.scenario()
        first.variables = ["greeting": "hello"]
        var second = first
        second.variables = ["greeting": "bye"]
        second.sid = "CA-second"
        var third = second
        third.from = "1002"
        third.to = "200"

        #expect(
            variables(of: first) == [
                "From": "1001", "To": "100", "Extension": "100", "CallSid": "CA-test", "greeting": "hello", "mark": "hello",
            ])
        #expect(variables(of: first)["mark"] == "hello")  // the same scenario again
        #expect(
            variables(of: second) == [
                "From": "1001", "To": "100", "Extension": "100", "CallSid": "CA-second", "greeting": "bye", "mark": "bye",
            ])
        #expect(
            variables(of: third) == [
                "From": "1002", "To": "200", "Extension": "200", "CallSid": "CA-second", "greeting": "bye", "mark": "bye",
            ])
        var unset = third
        unset.sid = nil
        unset.variables = [:]
        #expect(variables(of: unset) == ["From": "1002", "To": "200", "Extension": "200", "CallSid": "CA-unset", "mark": ""])
    }
}
