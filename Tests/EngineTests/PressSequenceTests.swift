import Engine
import Testing

/// `Press` is FreeSWITCH's `bind_digit_action`: keys arrive one at a time,
/// and a sequence such as `#0` matches keys pressed each within 1.5 s of
/// the previous (language.md, Press).
@Suite struct PressSequenceTests {
    static let script = """
        <Press digit="#0"><Say>operator</Say></Press>
        <Press digit="#"><Say>hash</Say></Press>
        <Press digit="5"><Say>five</Say></Press>
        <Pause length="20"/>
        <Say>after</Say>
        """

    func said(_ keys: [KeyPress]) -> [String?] {
        Fixture.run(Self.script, Fixture.scenario(keys: keys)).all(.say).map { $0[.text]?.string }
    }

    @Test func aSequenceMatchesKeysPressedOneAtATimeInTime() {
        #expect(said([KeyPress(digits: "#", at: 1), KeyPress(digits: "0", at: 2.4)]) == ["operator", "after"])
        #expect(said([KeyPress(digits: "#0", at: 1)]) == ["operator", "after"])
    }

    @Test func aKeyTooLateStartsAgain() {
        // `#` waits for a longer binding; at 2.5 s it fires alone, and the
        // late 0 matches nothing.
        let events = Fixture.run(
            Self.script, Fixture.scenario(keys: [KeyPress(digits: "#", at: 1), KeyPress(digits: "0", at: 3)]))
        #expect(events.all(.say).map { $0[.text]?.string } == ["hash", "after"])
        #expect(events.first(.say)?.time == 2.5)
        #expect(events.all(.key).map { $0[.digits]?.string } == ["#", "0"])
        #expect(events.all(.key).map { $0[.effect]?.string } == ["binding", "none"])
    }

    @Test func aKeyNoLongerBindingStartsWithFiresAtOnce() {
        let events = Fixture.run(Self.script, Fixture.scenario(keys: [KeyPress(digits: "5", at: 1)]))
        #expect(events.first(.say)?.time == 1)
        #expect(events.first(.say)?[.text]?.string == "five")
    }

    @Test func keysThatMatchNothingAreTracedAsTheyCome() {
        let events = Fixture.run(Self.script, Fixture.scenario(keys: [KeyPress(digits: "79", at: 1)]))
        #expect(events.all(.key).map { $0[.digits]?.string } == ["7", "9"])
        #expect(events.all(.say).map { $0[.text]?.string } == ["after"])
    }

    @Test func aWrongSecondKeyEndsTheWait() {
        // `#` then `7`: no binding starts with `#7`, so the keys do nothing
        // (FreeSWITCH's dmachine reports a failed match, no fallback to `#`).
        let events = Fixture.run(Self.script, Fixture.scenario(keys: [KeyPress(digits: "#7", at: 1)]))
        #expect(events.all(.key).map { $0[.digits]?.string } == ["#7"])
        #expect(events.all(.say).map { $0[.text]?.string } == ["after"])
    }

    @Test func theOtherLegCollectsItsOwnKeys() {
        let events = Fixture.run(
            """
            <Press digit="12" dtmf_leg="b"><Say>b</Say></Press>
            <Pause length="10"/>
            """,
            Fixture.scenario(keys: [
                KeyPress(digits: "1", at: 1, leg: .b), KeyPress(digits: "2", at: 1.5, leg: .a),
                KeyPress(digits: "2", at: 2, leg: .b),
            ]))
        #expect(events.first(.say)?.time == 2)
        #expect(events.all(.key).map { "\($0[.leg]?.string ?? "")\($0[.digits]?.string ?? "")" } == ["a2", "b12"])
    }
}

/// A key bound to a `<Dial>`, pressed while another Dial is connected: the
/// caller is never in two conversations at once.
@Suite struct DialFromABindingTests {
    let script = """
        <Press digit="1"><Dial>1004</Dial></Press>
        <Dial>1002</Dial>
        <Say>after</Say>
        """

    @Test func theNewDialHangsUpTheConnectedOne() {
        let answers: [String: Answer] = [
            "1002": Answer(status: .answered, talk: 60, ring: 1),
            "1004": Answer(status: .answered, talk: 10, ring: 1),
        ]
        let events = Fixture.run(script, Fixture.scenario(keys: [KeyPress(digits: "1", at: 11)], answers: answers))
        let results = events.all(.dialResult)
        #expect(results.map { $0.line } == [3, 2])  // the first Dial's result comes first, at the key
        #expect(results.first?.time == 11)
        #expect(results.first?[.talk]?.number == 10)
        #expect(results.first?[.note]?.string?.hasPrefix("hung up: the caller dialled again") == true)
        #expect(results.last?.time == 22)
        #expect(events.first(.say)?.time == 22)
        // Never two conversations: the second is answered after the first ended.
        #expect(events.all(.dialAnswered).map(\.time) == [1, 12])
    }

    @Test func aDeniedDialLeavesTheConversationAlone() {
        let events = Fixture.run(
            """
            <Press digit="1"><Dial>00441234567890</Dial></Press>
            <Dial>1002</Dial>
            """,
            Fixture.scenario(
                keys: [KeyPress(digits: "1", at: 11)], answers: ["1002": Answer(status: .answered, talk: 60, ring: 1)]))
        #expect(events.first(.denied) != nil)
        let results = events.all(.dialResult)
        #expect(results.map { $0[.status]?.string } == ["failed", "completed"])
        #expect(results.last?.time == 61)
        #expect(results.last?[.talk]?.number == 60)
    }
}
