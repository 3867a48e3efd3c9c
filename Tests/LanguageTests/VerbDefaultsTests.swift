import Language
import Testing

/// Each verb's typed model, with its documented defaults when attributes
/// are left out, and the explicit values when given.
@Suite struct VerbDefaultsTests {
    @Test func pause() {
        guard case .pause(let p) = onlyVerb("<Pause/>") else {
            Issue.record()
            return
        }
        #expect(p.length.value == 5)
        #expect(!p.length.isExplicit)
        guard case .pause(let q) = onlyVerb("<Pause length=\"12\"/>") else {
            Issue.record()
            return
        }
        #expect(q.length.value == 12)
        #expect(q.length.isExplicit)
    }

    @Test func say() {
        guard case .say(let s) = onlyVerb("<Say>Hello {{ From }}</Say>") else {
            Issue.record()
            return
        }
        #expect(s.loop.value == 1)
        #expect(s.text.parts == [.text("Hello "), .variable("From")])
    }

    @Test func play() {
        guard case .play(let p) = onlyVerb("<Play loop=\"3\">user/greeting.wav</Play>") else {
            Issue.record()
            return
        }
        #expect(p.loop.value == 3)
        #expect(p.file.value == "user/greeting.wav")
        #expect(check(verbs: "<Play>https://cdn.example.com/a.mp3</Play>").errors.isEmpty)
        #expect(check(verbs: "<Play>greeting.wav</Play>").codes == ["relative-url"])  // see FidelityTests
        #expect(check(verbs: "<Play>ftp://example.com/a.wav</Play>").codes == ["invalid-value"])
        #expect(check(verbs: "<Play/>").codes == ["missing-text"])
    }

    @Test func reject() {
        guard case .reject(let r) = onlyVerb("<Reject/>") else {
            Issue.record()
            return
        }
        #expect(r.reason.value == .rejected)
    }

    @Test func redirect() {
        guard case .redirect(let r) = onlyVerb("<Redirect>https://example.com/next.xml</Redirect>") else {
            Issue.record()
            return
        }
        #expect(r.method.value == .POST)
        #expect(r.url.value == "https://example.com/next.xml")
        #expect(check(verbs: "<Redirect>file:next.xml</Redirect>").errors.isEmpty)
        #expect(check(verbs: "<Redirect>flows/next.xml</Redirect>").errors.isEmpty)
        #expect(check(verbs: "<Redirect>ftp://example.com/x.xml</Redirect>").codes == ["invalid-value"])
        #expect(check(verbs: "<Redirect></Redirect>").codes == ["missing-text"])
    }

    @Test func gatherDefaults() {
        guard case .gather(let g) = onlyVerb("<Gather/>") else {
            Issue.record()
            return
        }
        #expect(g.action == nil)
        #expect(g.method.value == .POST)
        #expect(g.actionOnEmptyResult.value == false)
        #expect(g.numDigits == nil)
        #expect(g.minDigits.value == 1)
        #expect(g.maxDigits.value == 128)
        #expect(g.finishOnKey.value == "#")
        #expect(g.timeout.value == 5)
        #expect(g.prompts.isEmpty)
    }

    @Test func gatherPromptsAndCrossChecks() {
        guard
            case .gather(let g) = onlyVerb(
                """
                <Gather action="menu.xml" numDigits="2" finishOnKey="" actionOnEmptyResult="true">
                  <Say>Enter</Say><Play>ivr/beep.wav</Play>
                </Gather>
                """)
        else {
            Issue.record()
            return
        }
        #expect(g.prompts.count == 2)
        #expect(g.finishOnKey.value == "")
        #expect(g.numDigits?.value == 2)
        #expect(check(verbs: "<Gather minDigits=\"4\" maxDigits=\"3\"/>").codes == ["invalid-value"])
        #expect(check(verbs: "<Gather numDigits=\"9\" maxDigits=\"3\"/>").codes == ["invalid-value"])
        #expect(check(verbs: "<Gather actionOnEmptyResult=\"true\"/>").codes == ["no-effect"])
        #expect(check(verbs: "<Gather><Pause/></Gather>").codes == ["invalid-child"])
        #expect(check(verbs: "<Gather><Dial>1001</Dial></Gather>").codes == ["invalid-child"])
        #expect(check(verbs: "<Gather>Press 1</Gather>").codes == ["stray-text"])
        #expect(check(verbs: "<Gather input=\"speech\"/>").codes == ["unsupported-attribute"])
    }

    @Test func enqueue() {
        guard case .enqueue(let e) = onlyVerb("<Enqueue>support</Enqueue>") else {
            Issue.record()
            return
        }
        #expect(e.queue.literal == "support")
        #expect(check(verbs: "<Enqueue/>").codes == ["missing-text"])
    }

    @Test func dialDefaults() {
        guard case .dial(let d) = onlyVerb("<Dial>+441234567890</Dial>") else {
            Issue.record()
            return
        }
        #expect(d.timeout.value == 30)
        #expect(d.ringTone.value == .us)
        #expect(d.hangupOnStar.value == false)
        #expect(d.callerId == nil)
        #expect(d.fromDisplayName == nil)
        #expect(d.hangupOnStarContext == nil)
        guard case .number(let n) = d.destination else {
            Issue.record()
            return
        }
        #expect(n.number.value == "+441234567890")
    }

    @Test func dialNouns() {
        func destination(_ xml: String) -> Dial.Destination? {
            guard case .dial(let d) = onlyVerb("<Dial>\(xml)</Dial>") else { return nil }
            return d.destination
        }
        guard case .client(let c) = destination("<Client>1002</Client>") else {
            Issue.record()
            return
        }
        #expect(c.username.literal == "1002")
        #expect(c.statusCallbackMethod.value == .POST)
        guard case .queue(let q) = destination("<Queue>support</Queue>") else {
            Issue.record()
            return
        }
        #expect(q.action == nil)
        guard case .conference(let room) = destination("<Conference>standup</Conference>") else {
            Issue.record()
            return
        }
        #expect(room.room.literal == "standup")
        guard case .voicemail(let v) = destination("<Voicemail/>") else {
            Issue.record()
            return
        }
        #expect(v.inbox.value == false)
        #expect(v.user == nil)
        guard case .llmAgent(let agent) = destination("<LLM-Agent appId=\"bot\">Be kind.</LLM-Agent>") else {
            Issue.record()
            return
        }
        #expect(agent.appId?.literal == "bot")
        guard case .number(let n) = destination("<Number>{{ substring Extension 5 }}</Number>") else {
            Issue.record()
            return
        }
        #expect(n.number.value == nil)  // a template: known when the call runs
    }

    @Test func bargeDefaultsAreMarkedAsDefaults() {
        guard case .dial(let d) = onlyVerb("<Dial><Barge/></Dial>"), case .barge(let b) = d.destination else {
            Issue.record()
            return
        }
        #expect(b.group == nil)
        #expect(b.whisper.value == .ab && !b.whisper.isExplicit)
        #expect(b.bridge.value == .ab && !b.bridge.isExplicit)
        #expect(b.commands.value == true && !b.commands.isExplicit)

        guard case .dial(let e) = onlyVerb("<Dial><Barge whisper=\"a\" commands=\"false\">sales</Barge></Dial>"),
            case .barge(let explicit) = e.destination
        else {
            Issue.record()
            return
        }
        #expect(explicit.group?.literal == "sales")
        #expect(explicit.whisper.value == .a && explicit.whisper.isExplicit)
        #expect(explicit.commands.value == false && explicit.commands.isExplicit)
    }

    @Test func bargeCommandIsAnAliasWithAWarning() {
        let checked = check(verbs: "<Dial><Barge command=\"false\">sales</Barge></Dial>")
        #expect(checked.codes == ["attribute-alias"])
        guard case .dial(let d) = checked.verbs.first, case .barge(let b) = d.destination else {
            Issue.record()
            return
        }
        #expect(b.commands.value == false)
    }

    @Test func press() {
        guard case .press(let p) = onlyVerb("<Press digit=\"#0\" context=\"menu\"><Enter>support</Enter></Press>") else {
            Issue.record()
            return
        }
        #expect(p.digits == "#0")
        #expect(p.context == "menu")
        #expect(p.leg.value == .a)
        #expect(p.verbs.count == 1)
        #expect(check(verbs: "<Press><Hangup/></Press>").codes == ["missing-attribute"])
        #expect(check(verbs: "<Press digit=\"x\"><Hangup/></Press>").codes == ["invalid-value"])
        #expect(check(verbs: "<Press digit=\"1\"/>").codes == ["no-effect"])
        #expect(check(verbs: "<Press digit=\"1\"><Press digit=\"2\"><Hangup/></Press></Press>").codes == ["misplaced-element"])
    }

    @Test func transferEnterSet() {
        guard case .transfer(let t) = onlyVerb("<Transfer>1003</Transfer>") else {
            Issue.record()
            return
        }
        #expect(t.attended.value == false)
        #expect(t.target.value == "1003")
        guard case .enter(let e) = onlyVerb("<Enter>agent_call</Enter>") else {
            Issue.record()
            return
        }
        #expect(e.context.value == "agent_call")
        guard case .set(let s) = onlyVerb("<Set name=\"x\" value=\"{{ From }}\"/>") else {
            Issue.record()
            return
        }
        #expect(s.header.value == false)
        #expect(s.name.literal == "x")
        #expect(s.value.variables == ["From"])
    }

    @Test func beforeBlocksRunFirstWhereverTheyStand() {
        let checked = check(
            verbs: """
                <Say>one</Say>
                <Before><Set name="a" value="1"/></Before>
                <Say>two</Say>
                <Before><Set name="b" value="2"/></Before>
                """)
        #expect(checked.errors.isEmpty)
        #expect(checked.script?.before.map { $0.name.literal } == ["a", "b"])
        #expect(checked.verbs.count == 2)
        #expect(check(verbs: "<Before><Say>x</Say></Before>").codes == ["invalid-child"])
    }

    @Test func startStreamParameter() {
        guard
            case .start(let s) = onlyVerb(
                """
                <Start><Stream url="wss://s.example/a"><Parameter name="k" value="v"/></Stream></Start>
                """)
        else {
            Issue.record()
            return
        }
        #expect(s.streams.count == 1)
        #expect(s.streams[0].mixType.value == .mono)
        #expect(s.streams[0].statusCallbackMethod.value == .POST)
        #expect(s.streams[0].parameters.map { $0.name.literal } == ["k"])
        #expect(check(verbs: "<Start><Stream/></Start>").codes == ["missing-attribute"])
        #expect(check(verbs: "<Start/>").codes == ["missing-child"])
    }

    @Test func hangupAndEchoAreEmpty() {
        guard case .hangup = onlyVerb("<Hangup/>") else {
            Issue.record()
            return
        }
        guard case .echo = onlyVerb("<Echo/>") else {
            Issue.record()
            return
        }
        #expect(check(verbs: "<Hangup>now</Hangup>").codes == ["unexpected-text"])
        #expect(check(verbs: "<Echo><Say>x</Say></Echo>").codes == ["unexpected-child"])
    }
}
