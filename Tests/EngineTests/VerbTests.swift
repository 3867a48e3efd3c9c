import Engine
import Foundation
import Policy
import Testing

@Suite struct VerbTests {
    @Test func aDeniedDialIsFollowedByTheNextVerbs() {
        let events = Fixture.run(
            """
            <Dial>00441234567890</Dial>
            <Say>Status {{ DialCallStatus }}</Say>
            <Hangup/>
            """)
        #expect(events.names == ["call.start", "answer", "dial", "denied", "dial.result", "say", "hangup", "call.end"])
        #expect(events.first(.dialResult)?[.status]?.string == "failed")
        #expect(events.first(.say)?[.text]?.string == "Status failed")
        #expect(events.end[.reason]?.string == "hangup")
        #expect(events.end[.denials]?.number == 1)
    }

    @Test func dialOutcomesSetDialCallStatusAndAdvanceTheClock() {
        let answers: [String: Answer] = [
            "11": Answer(status: .answered, talk: 20, ring: 3), "22": Answer(status: .busy),
            "33": Answer(status: .failed),
        ]
        let events = Fixture.run(
            """
            <Dial>11</Dial><Dial>22</Dial><Dial>33</Dial><Dial timeout="12">44</Dial>
            """, Fixture.scenario(answers: answers))
        #expect(events.all(.dialResult).map { $0[.status]?.string } == ["completed", "busy", "failed", "no-answer"])
        #expect(events.all(.dialResult).map(\.time) == [23, 24, 24, 36])
    }

    @Test func rejectIsNeverAnswered() {
        let events = Fixture.run("<Reject/>")
        #expect(events.names == ["call.start", "reject", "call.end"])
        #expect(events.end[.reason]?.string == "rejected")
    }

    @Test func pauseAndTemplatedValuesCheckedAtRunTime() {
        var scenario = Fixture.scenario()
        scenario.variables = ["wait": "7", "bad": "999"]
        let events = Fixture.run("<Pause length=\"{{ wait }}\"/><Pause length=\"{{ bad }}\"/><Pause/>", scenario)
        #expect(events.all(.pause).map { $0[.length]?.number } == [7, 5])
        #expect(events.first(.error)?[.message]?.string?.contains("length=\"999\" is not valid") == true)
        #expect(events.end[.duration]?.number == 12)
    }

    @Test func sipHeadersNeedTheFlagAndCleanValues() {
        let directory = DirectoryLoader.load(
            text: """
                customers: [{name: c}]
                profiles: [{name: p, flags: [sip_headers], dial: [{allow: "_X."}]}]
                users: [{username: u, profile: p, customer: c}]
                """, file: "d"
        ).directory!
        var scenario = Fixture.scenario(from: "u", answers: ["12": Answer(status: .answered)])
        scenario.variables = ["evil": "x\r\nVia: attacker"]
        let events = Fixture.run(
            """
            <Set name="X-Good" value="1" header="true"/>
            <Set name="X-Bad" value="{{ evil }}" header="true"/>
            <Dial>12</Dial>
            """, scenario, directory: directory)
        #expect(events.first(.error)?[.message]?.string?.contains("X-Bad refused") == true)
        guard case .object(let headers)? = events.first(.dial)?[.headers] else {
            Issue.record()
            return
        }
        #expect(headers.map(\.key.name) == ["X-Good"])
        // Without the flag: denied.
        let denied = Fixture.run("<Set name=\"X-Good\" value=\"1\" header=\"true\"/>")
        #expect(denied.first(.denied)?[.flag]?.string == "sip_headers")
    }

    @Test func substringPastTheEndDialsWhatIsThere() {
        var scenario = Fixture.scenario(answers: ["90": Answer(status: .answered)])
        scenario.variables = ["Extension": "1234567890"]
        let events = Fixture.run("<Dial><Number>{{ substring Extension 8 10 }}</Number></Dial>", scenario)
        #expect(events.first(.dial)?[.target]?.string == "90")
    }

    @Test func aCompiledScriptRunsManyIndependentCalls() {
        let script = Fixture.compile("<Response><Gather numDigits=\"1\"/><Say>{{ gather_result }}</Say></Response>")
        let engine = Engine(directory: Fixture.directory)
        for digit in ["1", "2", "3"] {
            var sink = CollectingSink()
            engine.run(script, scenario: Fixture.scenario(keys: [KeyPress(digits: digit)]), sink: &sink)
            #expect(sink.events.first(.say)?[.text]?.string == digit)
        }
        #expect(engine.capacity.activeUsers(of: "agent") == 0)  // every call released its user
    }

    @Test func bargeKeysThatWouldMakeTheBargerHeardNeedWhisper() {
        let directory = DirectoryLoader.load(
            text: """
                customers: [{name: c}]
                profiles:
                  - {name: lead, flags: [barge, barge_commands], barge_group: g}
                  - {name: agent, barge_group: g}
                users:
                  - {username: l, profile: lead, customer: c}
                  - {username: a, profile: agent, customer: c}
                """, file: "d"
        ).directory!
        var scenario = Fixture.scenario(
            from: "l",
            keys: [
                KeyPress(digits: "1", at: 5), KeyPress(digits: "0", at: 6),
                KeyPress(digits: "*", at: 9),
            ])
        scenario.callsInProgress = [CallInProgress(id: "k", parties: ["a", "+1555"], started: 0)]
        let events = Fixture.run("<Dial><Barge>g</Barge></Dial>", scenario, directory: directory)
        let barges = events.all(.barge)
        #expect(barges.first?[.heardBy]?.list == [])  // whisper dropped: listen only
        #expect(barges.first?[.commands]?.bool == true)
        let denied = events.first(.denied)!
        #expect(denied[.action]?.string == "barge_key")
        #expect(denied[.flag]?.string == "whisper")
        #expect(denied.time == 5)
        #expect(barges.count == 2)  // joining, then key 0 (listen only again)
        #expect(events.first(.bargeLeave)?.time == 9)
    }
}

@Suite struct CallerHangupTests {
    @Test func theCallerHangsUpWhileAGatherWaits() {
        var scenario = Fixture.scenario()
        scenario.hangupAt = 3
        let events = Fixture.run("<Say>Hi</Say><Gather timeout=\"10\"/><Say>never</Say>", scenario)
        #expect(events.first(.callerHangup)?.time == 3)
        #expect(events.end[.reason]?.string == "caller-hangup")
        #expect(events.all(.say).count == 1)
    }

    @Test func theCallerHangsUpDuringAConversation() {
        var scenario = Fixture.scenario(answers: ["01234567890": Answer(status: .answered, talk: 60, ring: 2)])
        scenario.hangupAt = 20
        let events = Fixture.run("<Dial>01234567890</Dial><Say>never</Say>", scenario)
        #expect(events.first(.dialResult)?[.talk]?.number == 18)
        #expect(events.end[.duration]?.number == 20)
        #expect(events.end[.reason]?.string == "caller-hangup")
    }

    @Test func pausedCallsSayWhatTheyWaitFor() {
        let engine = Engine(directory: Fixture.directory)
        var sink = CollectingSink()
        let summary = engine.run(
            Fixture.compile("<Response><Say>Hi</Say><Dial>01234567890</Dial></Response>"), scenario: Fixture.scenario(),
            mode: RunMode(pauseForInput: true), sink: &sink)
        #expect(summary.reason == .paused)
        #expect(summary.waiting == .answer(target: "01234567890", line: 1))
        #expect(sink.events.last?.name == .callPaused)
    }
}

@Suite struct BindingsOutsideGatherTests {
    @Test func aBoundKeyCutsTheAudioAndRunsItsVerbs() {
        let events = Fixture.run(
            """
            <Press digit="0"><Say>Operator</Say><Hangup/></Press>
            <Say>one two three four five six seven eight nine ten eleven twelve</Say>
            <Say>never said</Say>
            """, Fixture.scenario(keys: [KeyPress(digits: "5", at: 1), KeyPress(digits: "0", at: 2)]))
        let keys = events.all(.key)
        #expect(keys.map { $0[.effect]?.string } == ["none", "binding"])
        #expect(keys.last?.time == 2)
        #expect(
            events.all(.say).map { $0[.text]?.string } == [
                "one two three four five six seven eight nine ten eleven twelve", "Operator",
            ])
        #expect(events.end[.reason]?.string == "hangup")
    }

    @Test func keysDuringPausesToo() {
        let events = Fixture.run(
            """
            <Press digit="#"><Set name="pressed" value="yes"/></Press>
            <Pause length="10"/>
            <Say>{{ pressed }}</Say>
            """, Fixture.scenario(keys: [KeyPress(digits: "#", at: 4)]))
        #expect(events.first(.say)?[.text]?.string == "yes")
        #expect(events.first(.say)?.time == 4)  // the pause was cut at the key
    }
}
