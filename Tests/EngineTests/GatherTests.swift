import Engine
import Testing

@Suite struct GatherTests {
    @Test func timeoutWithoutActionOnEmptyResultGoesOn() {
        let events = Fixture.run(
            """
            <Gather action="next.xml" timeout="7"><Say>Enter your PIN</Say></Gather>
            <Say>No input: {{ gather_result }}.</Say>
            """)
        let gather = events.first(.gather)!
        #expect(gather[.outcome]?.string == "timeout")
        #expect(gather[.digits]?.string == "")
        // The prompt (3 words: 1.2 s) then 7 s of waiting.
        #expect(gather.time == 8.2)
        #expect(events.all(.say).last?[.text]?.string == "No input: .")
        #expect(!events.names.contains("document"))
    }

    @Test func timeoutWithActionOnEmptyResultRequestsTheAction() {
        let documents = MemoryDocuments(["next.xml": "<Response><Say>Next {{ Digits }}</Say></Response>"])
        let events = Fixture.run(
            """
            <Gather action="next.xml" actionOnEmptyResult="true" timeout="2"/>
            <Say>Not reached.</Say>
            """, documents: documents)
        #expect(events.first(.document)?[.url]?.string == "next.xml")
        #expect(events.all(.say).map { $0[.text]?.string } == ["Next "])
        #expect(documents.requests.first?.parameters.contains { $0 == ("Digits", "") } == true)
    }

    @Test func finishOnKeyEndsInputAndIsNotPartOfTheResult() {
        let events = Fixture.run("<Gather/>", Fixture.scenario(keys: [KeyPress(digits: "12#3")]))
        let gather = events.first(.gather)!
        #expect(gather[.digits]?.string == "12")
        #expect(gather[.outcome]?.string == "finish_key")
        #expect(gather[.finishOnKey]?.string == "#")  // shown even when the script left it out
        #expect(gather[.timeout]?.number == 5)
    }

    @Test func anotherFinishKeyOrNone() {
        let star = Fixture.run("<Gather finishOnKey=\"*\"/>", Fixture.scenario(keys: [KeyPress(digits: "4#2*")]))
        #expect(star.first(.gather)?[.digits]?.string == "4#2")
        let none = Fixture.run("<Gather finishOnKey=\"\" timeout=\"3\"/>", Fixture.scenario(keys: [KeyPress(digits: "4#")]))
        #expect(none.first(.gather)?[.digits]?.string == "4#")
        #expect(none.first(.gather)?[.outcome]?.string == "timeout")
    }

    @Test func numDigitsAndMaxDigitsStopEarly() {
        let num = Fixture.run("<Gather numDigits=\"2\"/>", Fixture.scenario(keys: [KeyPress(digits: "1234")]))
        #expect(num.first(.gather)?[.digits]?.string == "12")
        #expect(num.first(.gather)?[.outcome]?.string == "num_digits")
        let max = Fixture.run("<Gather maxDigits=\"3\"/>", Fixture.scenario(keys: [KeyPress(digits: "1234")]))
        #expect(max.first(.gather)?[.digits]?.string == "123")
        #expect(max.first(.gather)?[.outcome]?.string == "max_digits")
    }

    @Test func firstKeyInterruptsThePrompts() {
        let events = Fixture.run(
            "<Gather numDigits=\"1\"><Say>one two three four five six seven eight nine ten</Say><Play>ivr/x.wav</Play></Gather>",
            Fixture.scenario(keys: [KeyPress(digits: "5", at: 1.5)]))
        #expect(events.first(.interrupted)?.time == 1.5)
        #expect(!events.names.contains("play"))  // the second prompt never starts
        #expect(events.first(.gather)?.time == 1.5)
    }

    @Test func keysOfTheNextPromptAreLeftForIt() {
        let events = Fixture.run(
            """
            <Gather numDigits="1"/>
            <Gather numDigits="2"/>
            """, Fixture.scenario(keys: [KeyPress(digits: "1"), KeyPress(digits: "42")]))
        #expect(events.all(.gather).map { $0[.digits]?.string } == ["1", "42"])
    }

    @Test func tooFewDigitsCountAsNoInput() {
        let events = Fixture.run("<Gather minDigits=\"4\" timeout=\"2\"/>", Fixture.scenario(keys: [KeyPress(digits: "12")]))
        #expect(events.first(.gather)?[.digits]?.string == "")
    }
}
