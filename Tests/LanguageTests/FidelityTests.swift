import Diagnostics
import Language
import Testing

/// Issue 10, `check` as the platform reads: documented examples and values
/// that must not be errors (false alarms), and things the platform will not
/// do as written that must not pass in silence. (Condition has its own.)
@Suite struct FalseAlarmTests {
    @Test func contextNamesAreCaseSensitiveNames() {
        // The documentation's contexts are A and B.
        #expect(check(verbs: "<Enter>A</Enter>").diagnostics.isEmpty)
        #expect(check(verbs: "<Press digit=\"1\" context=\"B\"><Enter>A</Enter></Press>").diagnostics.isEmpty)
        #expect(check(verbs: "<Dial hangupOnStar=\"true\" hangupOnStarContext=\"A\">2919</Dial>").diagnostics.isEmpty)
        guard case .enter(let enter) = onlyVerb("<Enter>Agent-Call_2</Enter>") else {
            Issue.record()
            return
        }
        #expect(enter.context.value == "Agent-Call_2")  // as written: A and a are two contexts
        #expect(check(verbs: "<Enter>menu two</Enter>").codes == ["invalid-value"])
        // Barge groups keep the SIP Profile page's lowercase rule.
        #expect(check(verbs: "<Dial><Barge>A</Barge></Dial>").codes == ["invalid-group-name"])
    }

    @Test func callerIdIsOneToFifteenDigits() {
        guard case .dial(let dial) = onlyVerb("<Dial callerId=\"1234\">1001</Dial>") else {
            Issue.record()
            return
        }
        #expect(dial.callerId?.value == "1234")
        let spaced = check(verbs: "<Dial callerId=\"01234 567890\">1001</Dial>")
        #expect(spaced.codes == ["invalid-value"])
        #expect(spaced.diagnostics.first?.hint == "write it without separators: 01234567890")
    }

    @Test func transferTakesNamesAndSIPUsers() {
        guard case .transfer(let t) = onlyVerb("<Transfer>test4</Transfer>") else {
            Issue.record()
            return
        }
        #expect(t.target.value == "test4")
        #expect(check(verbs: "<Transfer>+1234567890</Transfer>").errors.isEmpty)
        #expect(check(verbs: "<Transfer>alice.smith</Transfer>").errors.isEmpty)
        let spaced = check(verbs: "<Transfer>0 0441234</Transfer>")
        #expect(spaced.codes == ["invalid-value"])
        #expect(spaced.diagnostics.first?.hint == "as a number, write it without separators: 00441234")
        // A template is judged when the call runs, by the same rule.
        guard case .transfer(let templated) = onlyVerb("<Transfer>{{ agent }}</Transfer>") else {
            Issue.record()
            return
        }
        #expect(templated.target.resolve { _ in "test4" } == .success("test4"))
        #expect((try? templated.target.resolve { _ in "a b" }.get()) == nil)
    }

    @Test func relativeStatusCallbacks() {
        let xml = "<Dial><Client statusCallback=\"/status\" statusCallbackEvent=\"completed\">1002</Client></Dial>"
        // In a fetched document: resolved against its URL, nothing to say.
        #expect(check(verbs: xml, file: "https://app.example.com/voice/entry.xml").diagnostics.isEmpty)
        // In a local file: not an error, but it has no URL to resolve against.
        let local = check(verbs: xml)
        #expect(local.errors.isEmpty)
        #expect(local.codes == ["relative-url"])
        #expect(
            check(
                verbs: "<Start><Stream url=\"wss://s.example\" statusCallback=\"events\"/></Start>",
                file: "http://app.example.com/a.xml"
            ).diagnostics.isEmpty)
        #expect(
            check(
                verbs:
                    "<Dial><Client statusCallback=\"HTTPS://e.example/s\" statusCallbackEvent=\"completed\">1002</Client></Dial>"
            )
            .diagnostics.isEmpty)
        #expect(
            check(
                verbs: "<Dial><Client statusCallback=\"ftp://e.example/s\" statusCallbackEvent=\"completed\">1002</Client></Dial>"
            )
            .codes == ["invalid-value"])
    }

    @Test func relativeURLsResolveAsHandOversDo() {
        #expect(
            URLText.resolved("/status", against: "https://app.example.com/voice/entry.xml") == "https://app.example.com/status")
        #expect(
            URLText.resolved("status?x=1", against: "https://app.example.com/voice/entry.xml")
                == "https://app.example.com/voice/status?x=1")
        #expect(
            URLText.resolved("https://other.example/s", against: "https://app.example.com/a.xml") == "https://other.example/s")
        // A local document has no URL: left as written.
        #expect(URLText.resolved("/status", against: "samples/entry.xml") == "/status")
    }

    @Test(arguments: [
        "voicemail/vm-hello.wav", "digits/1.wav", "misc/transfer.wav", "conference/conf-muted.wav",
        "ivr/ivr-welcome", "user/adam.wav", "sounds/en/us/callie/ivr/8000/a.wav",
        "HTTPS://cdn.example.com/a.wav", "Http://cdn.example.com/a.wav",
    ])
    func playStockSoundsAndURLsInAnyCase(_ file: String) {
        #expect(check(verbs: "<Play>\(file)</Play>").diagnostics.isEmpty)
        #expect(check(verbs: "<Dial><Queue music=\"\(file)\">support</Queue></Dial>").diagnostics.isEmpty)
    }

    @Test func aBareFileNameIsARelativeURL() {
        // Fine in a fetched document: TwiML resolves it against the document's URL.
        #expect(check(verbs: "<Play>greeting.wav</Play>", file: "https://app.example.com/ivr.xml").diagnostics.isEmpty)
        #expect(check(verbs: "<Play>/audio/greeting.wav</Play>", file: "https://app.example.com/ivr.xml").diagnostics.isEmpty)
        // A warning in a local file, with a safe way to write it.
        let local = check(verbs: "<Play>greeting.wav</Play>")
        #expect(local.script != nil)
        #expect(local.codes == ["relative-url"])
        #expect(local.diagnostics.first?.hint?.contains("ivr/greeting.wav") == true)
        // Still errors: white space, other schemes, a folder without a file.
        for bad in ["my greeting.wav", "ftp://x.example/a.wav", "file:///tmp/a.wav", "ivr/"] {
            #expect(check(verbs: "<Play>\(bad)</Play>").codes == ["invalid-value"], "\(bad)")
        }
    }
}

@Suite struct SilenceTests {
    @Test func underscoreInACallbackHostIsAnError() {
        let checked = check(
            verbs:
                "<Dial><Client statusCallback=\"https://my_app.example.com/s\" statusCallbackEvent=\"completed\">1002</Client></Dial>"
        )
        #expect(checked.codes == ["invalid-value"])
        #expect(checked.diagnostics.first?.hint?.contains("underscores aren't allowed") == true)
        #expect(
            check(verbs: "<Start><Stream url=\"wss://a.example\" statusCallback=\"http://a_b.example/s\"/></Start>").codes == [
                "invalid-value"
            ])
        // In the path or query it is fine.
        #expect(
            check(
                verbs:
                    "<Dial><Client statusCallback=\"https://app.example.com/my_cb?a_b=1\" statusCallbackEvent=\"completed\">1002</Client></Dial>"
            )
            .diagnostics.isEmpty)
    }

    @Test func anAliasBesideItsNameIsADuplicate() {
        let checked = check(verbs: "<Dial><Barge command=\"true\" commands=\"false\">sales</Barge></Dial>")
        #expect(checked.codes == ["duplicate-attribute"])
        #expect(checked.script == nil)
        #expect(checked.diagnostics.first?.position?.column == 14)  // at the alias
    }

    @Test func numDigitsBelowMinDigits() {
        let checked = check(verbs: "<Gather numDigits=\"2\" minDigits=\"4\"/>")
        #expect(checked.codes == ["conflicting-settings"])
        #expect(checked.warnings.count == 1)
        #expect(check(verbs: "<Gather numDigits=\"4\" minDigits=\"4\"/>").diagnostics.isEmpty)
    }

    @Test func hangupOnStarContextWithoutHangupOnStar() {
        #expect(check(verbs: "<Dial hangupOnStarContext=\"A\">1001</Dial>").codes == ["no-effect"])
        #expect(check(verbs: "<Dial hangupOnStar=\"false\" hangupOnStarContext=\"A\">1001</Dial>").codes == ["no-effect"])
        // A templated hangupOnStar may be true when the call runs.
        #expect(check(verbs: "<Dial hangupOnStar=\"{{ star }}\" hangupOnStarContext=\"A\">1001</Dial>").diagnostics.isEmpty)
    }

    @Test func statusCallbackWithoutEventsSendsNothing() {
        let checked = check(verbs: "<Dial><Client statusCallback=\"https://e.example/s\">1002</Client></Dial>")
        #expect(checked.codes == ["no-effect"])
        #expect(checked.diagnostics.first?.hint?.contains("statusCallbackEvent=\"completed\"") == true)
        #expect(Client.defaultStatusCallbackEvents.isEmpty)
    }

    @Test func verbsAfterABlindTransferAreUnreachable() {
        let blind = check(verbs: "<Transfer>1004</Transfer>\n<Say>never</Say>")
        #expect(blind.codes == ["unreachable"])
        #expect(blind.diagnostics.first?.position?.line == 3)
        #expect(blind.diagnostics.first?.hint?.contains("<Transfer> at line 2") == true)
        // An attended transfer comes back when nobody answers; a templated one may.
        #expect(check(verbs: "<Transfer attended=\"true\">1004</Transfer>\n<Say>maybe</Say>").diagnostics.isEmpty)
        #expect(check(verbs: "<Transfer attended=\"{{ a }}\">1004</Transfer>\n<Say>maybe</Say>").diagnostics.isEmpty)
        #expect(check(verbs: "<Press digit=\"1\"><Transfer>test4</Transfer><Hangup/></Press>").codes == ["unreachable"])
    }

    /// The documentation's Barge example, and the same slip anywhere.
    @Test func attributesWrittenAsTextAnywhere() {
        let barge = check(verbs: "<Dial><Barge>whisper=\"a\" bridge=\"ab\"</Barge></Dial>")
        #expect(barge.codes == ["attribute-as-text"])
        #expect(barge.diagnostics.first?.hint == "write them inside the start tag: <Barge whisper=\"a\" bridge=\"ab\"/>")
        #expect(barge.diagnostics.first?.hint?.contains("did you mean") == false)
        let cases: [(String, String)] = [
            ("<Enter>context=\"A\"</Enter>", "<Enter context=\"A\">…</Enter>"),
            ("<Dial>timeout='5'</Dial>", "<Dial timeout='5'>…</Dial>"),
            ("<Dial><Number>sendDigits=\"1\"</Number></Dial>", "<Number sendDigits=\"1\">…</Number>"),
            ("<Gather>numDigits=\"1\"</Gather>", "<Gather numDigits=\"1\"/>"),
            ("<Press digit=\"1\">context=\"A\"<Hangup/></Press>", "<Press digit=\"1\" context=\"A\">…</Press>"),
            (
                "<Start><Stream url=\"wss://a.example\">mix_type=\"mono\"</Stream></Start>",
                "<Stream url=\"wss://a.example\" mix_type=\"mono\"/>"
            ),
            ("<Transfer>attended=\"true\"</Transfer>", "<Transfer attended=\"true\">…</Transfer>"),
        ]
        for (xml, tag) in cases {
            let checked = check(verbs: xml)
            #expect(checked.codes == ["attribute-as-text"], "\(xml): \(checked.diagnostics)")
            #expect(checked.errors.count == 1, "\(xml)")
            #expect(checked.diagnostics.first?.hint == "write them inside the start tag: \(tag)", "\(xml)")
        }
        // Where any text is allowed, the platform would say it: a warning.
        let say = check(verbs: "<Say>voice=\"alice\"</Say>")
        #expect(say.codes == ["attribute-as-text"])
        #expect(say.errors.isEmpty)
        #expect(say.diagnostics.first?.hint == "write them inside the start tag: <Say voice=\"alice\">…</Say>")
        // Words that merely contain an equals sign are words.
        #expect(check(verbs: "<Say>Press 1 if x=\"y\" is true</Say>").diagnostics.isEmpty)
    }

    @Test(arguments: [
        "<speak>Hi</speak>", "Hello <break time=\"1s\"/> there", "<prosody rate=\"slow\">Hi</prosody>",
        "<say-as interpret-as=\"digits\">123</say-as>", "<amazon:effect name=\"whispered\">hi</amazon:effect>",
    ])
    func ssmlInSayIsNamedAsTwiML(_ content: String) {
        for xml in ["<Say>\(content)</Say>", "<Gather><Say>\(content)</Say></Gather>"] {
            let checked = check(verbs: xml)
            #expect(checked.codes == ["foreign-element"], "\(xml): \(checked.diagnostics)")
            #expect(checked.diagnostics.first?.message.contains("is SSML (TwiML's <Say> reads it), not ConneXML") == true)
        }
    }

    @Test(arguments: ["Application", "Sim", "WhatsApp"])
    func twimlDialNouns(_ noun: String) {
        let checked = check(verbs: "<Dial><\(noun)>x</\(noun)></Dial>")
        #expect(checked.codes == ["foreign-element"])
        #expect(checked.diagnostics.first?.message == "<\(noun)> is TwiML, not ConneXML")
    }

    @Test(arguments: ["Transcription", "ConversationRelay"])
    func twimlNotTeXML(_ verb: String) {
        #expect(check(verbs: "<\(verb)/>").diagnostics.first?.message == "<\(verb)> is TwiML, not ConneXML")
    }

    @Test(arguments: ["<Say loop=\"0\">x</Say>", "<Play loop=\"0\">ivr/a.wav</Play>"])
    func loopZeroIsTwiMLsForever(_ xml: String) {
        let checked = check(verbs: xml)
        #expect(checked.codes == ["invalid-value"])
        #expect(checked.diagnostics.first?.hint?.contains("TwiML's \"repeat until the call ends\"") == true)
    }

    @Test func severalNounsInOneDialAreAWarning() {
        let checked = check(verbs: "<Dial>\n<Number>+441234567890</Number>\n<Client>1002</Client>\n<Queue>q</Queue>\n</Dial>")
        #expect(checked.codes == ["too-many-destinations"])
        #expect(checked.errors.isEmpty)
        #expect(checked.diagnostics.first?.position?.line == 4)
        guard case .dial(let dial) = checked.verbs.first, case .number(let first) = dial.destination else {
            Issue.record("the first noun is the destination")
            return
        }
        #expect(first.number.value == "+441234567890")
        #expect(dial.ignoredDestinations.map(\.line) == [4, 5])
        // The others are still checked.
        #expect(
            check(verbs: "<Dial><Number>1</Number><Client statusCallbackMethod=\"PUT\">2</Client></Dial>")
                .codes == ["too-many-destinations", "invalid-value"])
        guard case .dial(let one) = onlyVerb("<Dial><Number>1</Number></Dial>") else {
            Issue.record()
            return
        }
        #expect(one.ignoredDestinations.isEmpty)
    }
}
