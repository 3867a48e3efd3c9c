import Engine
import Policy
import Testing

/// Every attribute that may be a template, of every verb and noun: the
/// expanded value is what takes effect, and an expansion that is not a
/// valid value skips the verb — nothing of it happens, as its error event
/// says. (A bug class: an attribute resolved for the trace, then the raw
/// value used for the effect.)
@Suite struct TemplatedAttributeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        /// The script, with `{{ v }}` where the attribute's value goes.
        let xml: String
        let valid: String
        let invalid: String
        /// An event the verb emits when it runs; absent when skipped.
        let ran: TraceEvent.Name
        /// What the valid value must have changed.
        let effect: @Sendable ([TraceEvent]) -> Bool
        var testDescription: String { xml }
    }

    static let cases: [Case] = [
        Case(
            xml: "<Say loop=\"{{ v }}\">one two three four five</Say>", valid: "3", invalid: "x", ran: .say,
            effect: { $0.first { $0.name == .say }?[.duration] == .number(6) }),
        Case(
            xml: "<Play loop=\"{{ v }}\">ivr/a.wav</Play>", valid: "2", invalid: "x", ran: .play,
            effect: { $0.first { $0.name == .play }?[.duration] == .number(10) }),
        Case(
            xml: "<Play>{{ v }}</Play>", valid: "ivr/b.wav", invalid: "not a file", ran: .play,
            effect: { $0.first { $0.name == .play }?[.file] == .string("ivr/b.wav") }),
        Case(
            xml: "<Pause length=\"{{ v }}\"/><Say>after</Say>", valid: "7", invalid: "x", ran: .pause,
            effect: { $0.first { $0.name == .say }?.time == 7 }),
        Case(
            xml: "<Gather timeout=\"{{ v }}\"/>", valid: "9", invalid: "x", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?.time == 9 }),
        Case(
            xml: "<Gather numDigits=\"{{ v }}\"/>", valid: "2", invalid: "x", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?[.digits] == .string("12") }),
        Case(
            xml: "<Gather maxDigits=\"{{ v }}\"/>", valid: "1", invalid: "x", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?[.digits] == .string("1") }),
        Case(
            xml: "<Gather minDigits=\"{{ v }}\"/>", valid: "5", invalid: "x", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?[.digits] == .string("") }),
        Case(
            xml: "<Gather finishOnKey=\"{{ v }}\"/>", valid: "2", invalid: "xx", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?[.digits] == .string("1") }),
        Case(
            xml: "<Gather action=\"{{ v }}\"/>", valid: "next.xml", invalid: "not a url", ran: .gatherStart,
            effect: { $0.first { $0.name == .gather }?[.action] == .string("next.xml") }),
        Case(
            xml: "<Dial ringTone=\"{{ v }}\">1002</Dial>", valid: "uk", invalid: "xx", ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.ringTone] == .string("uk") }),
        Case(
            xml: "<Dial callerId=\"{{ v }}\">1002</Dial>", valid: "+441234567890", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.callerId] == .string("+441234567890") }),
        Case(
            xml: "<Dial hangupOnStar=\"true\" hangupOnStarContext=\"{{ v }}\">1002</Dial>", valid: "sales", invalid: "!!",
            ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.hangupOnStarContext] == .string("sales") }),
        Case(
            xml: "<Dial><Number>{{ v }}</Number></Dial>", valid: "1002", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.target] == .string("1002") }),
        Case(
            xml: "<Dial><Queue action=\"{{ v }}\">support</Queue></Dial>", valid: "pickup", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.action] == .string("pickup") }),
        Case(
            xml: "<Dial><Queue music=\"{{ v }}\">support</Queue></Dial>", valid: "ivr/hold.wav", invalid: "not a file",
            ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.music] == .string("ivr/hold.wav") }),
        Case(
            xml: "<Dial><Voicemail inbox=\"{{ v }}\"/></Dial>", valid: "true", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .dial }?[.inbox] == .bool(true) }),
        Case(
            xml: "<Dial><Client statusCallback=\"{{ v }}\" statusCallbackEvent=\"completed\">1002</Client></Dial>",
            valid: "https://example.com/cb", invalid: "not a url", ran: .dial,
            effect: { $0.contains { $0.name == .callback && $0[.url] == .string("https://example.com/cb") } }),
        Case(
            xml: "<Dial><Barge whisper=\"{{ v }}\">sales</Barge></Dial>", valid: "b", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .barge }?[.heardBy] == .list(["b"]) }),
        Case(
            xml: "<Dial><Barge bridge=\"{{ v }}\">sales</Barge></Dial>", valid: "a", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .barge }?[.hears] == .list(["a"]) }),
        Case(
            xml: "<Dial><Barge commands=\"{{ v }}\">sales</Barge></Dial>", valid: "false", invalid: "x", ran: .dial,
            effect: { $0.first { $0.name == .barge }?[.commands] == .bool(false) }),
        Case(
            xml: "<Transfer attended=\"{{ v }}\">1002</Transfer>", valid: "true", invalid: "x", ran: .transfer,
            effect: { $0.first { $0.name == .transfer }?[.attended] == .bool(true) }),
        Case(
            xml: "<Reject reason=\"{{ v }}\"/>", valid: "busy", invalid: "x", ran: .reject,
            effect: { $0.first { $0.name == .reject }?[.reason] == .string("busy") }),
        Case(
            xml: "<Redirect method=\"{{ v }}\">next.xml</Redirect>", valid: "GET", invalid: "x", ran: .redirect,
            effect: { $0.first { $0.name == .redirect }?[.method] == .string("GET") }),
        Case(
            xml: "<Start><Stream url=\"wss://example.com/s\" mix_type=\"{{ v }}\"/></Start>", valid: "stereo", invalid: "x",
            ran: .stream,
            effect: { $0.first { $0.name == .stream }?[.mixType] == .string("stereo") }),
        Case(
            xml: "<Start><Stream url=\"wss://example.com/s\" statusCallback=\"{{ v }}\"/></Start>",
            valid: "https://example.com/cb", invalid: "not a url", ran: .stream,
            effect: { $0.contains { $0.name == .callback && $0[.url] == .string("https://example.com/cb") } }),
        Case(
            xml: "<Set name=\"X-Tag\" value=\"1\" header=\"{{ v }}\"/>", valid: "true", invalid: "x", ran: .set,
            effect: { $0.first { $0.name == .set }?[.header] == .bool(true) }),
        Case(
            xml: "<Enter>{{ v }}</Enter>", valid: "sales", invalid: "!!", ran: .context,
            effect: { $0.first { $0.name == .context }?[.context] == .string("sales") }),
        Case(
            xml: "<Press digit=\"1\" dtmf_leg=\"{{ v }}\"><Say>b</Say></Press>", valid: "b", invalid: "x", ran: .bind,
            effect: { $0.first { $0.name == .bind }?[.leg] == .string("b") }),
    ]

    static let directory = DirectoryLoader.load(
        text: """
            customers: [{name: acme}]
            profiles:
              - name: all
                flags: [barge, whisper, barge_commands, conference, queue, queue_pickup, voicemail, voicemail_any,
                        transfer, caller_id, sip_headers, stream, llm_agent]
                barge_group: sales
                dial: [{allow: "_X."}, {allow: "_+X."}]
              - {name: agent, barge_group: sales, dial: [{allow: "_X."}]}
            users:
              - {username: "9", profile: all, customer: acme}
              - {username: "1002", profile: agent, customer: acme}
            """, file: "all-flags.yaml"
    ).directory!

    static func skips(_ event: TraceEvent) -> Bool {
        guard event.code == .invalidAttribute, case .string(let message) = event[.message] else { return false }
        return message.hasSuffix("the verb is skipped")
    }

    func run(_ testCase: Case, _ value: String) -> [TraceEvent] {
        // A caller with every flag the verbs need, a call of group sales
        // to barge, keys for the Gathers.
        var scenario = Fixture.scenario(from: "9", keys: [KeyPress(digits: "123")])
        scenario.variables = ["v": value]
        scenario.callsInProgress = [CallInProgress(id: "c1", parties: ["1002", "+441234567890"], started: 0)]
        return Fixture.run(testCase.xml, scenario, directory: Self.directory)
    }

    @Test(arguments: cases) func theExpandedValueTakesEffect(_ testCase: Case) {
        let events = run(testCase, testCase.valid)
        #expect(!events.contains { $0.name == .error && Self.skips($0) }, "\(events.filter { $0.name == .error })")
        #expect(testCase.effect(events), "\(events.map { "\($0.name) \($0.fields)" })")
    }

    @Test(arguments: cases) func anInvalidExpansionSkipsTheVerb(_ testCase: Case) {
        let events = run(testCase, testCase.invalid)
        #expect(events.contains { $0.name == .error && Self.skips($0) })
        #expect(!events.contains { $0.name == testCase.ran }, "\(events.map(\.name))")
        #expect(
            !events.contains { [TraceEvent.Name.dialResult, .callback, .transferResult].contains($0.name) },
            "\(events.map(\.name))")
    }
}
