import Diagnostics
import Language
import Testing

/// Document shape: root, nesting, unknown and foreign elements, text
/// outside verbs, unreachable verbs, and reporting every problem at once.
@Suite struct StructureTests {
    @Test func rootMustBeResponse() {
        let fragment = check(document: "<Condition hour=\"9\"><Say>x</Say></Condition>")
        #expect(fragment.codes == ["invalid-root"])
        #expect(fragment.diagnostics[0].hint?.contains("fragment") == true)
        let lower = check(document: "<response/>")
        #expect(lower.diagnostics[0].hint == "did you mean <Response>? Element names are case-sensitive")
        #expect(check(document: "<Response/>").diagnostics.isEmpty)
    }

    @Test func misCasedAndMisspeltElementsGetAHint() {
        let checked = check(verbs: "<say>x</say>\n<HANGUP/>\n<Gahter/>\n<Frobnicate/>")
        #expect(checked.codes == ["unknown-element", "unknown-element", "unknown-element", "unknown-element"])
        #expect(
            checked.diagnostics.map(\.hint) == [
                "did you mean <Say>? Element names are case-sensitive",
                "did you mean <Hangup>? Element names are case-sensitive",
                "did you mean <Gather>?",
                nil,
            ])
    }

    @Test(arguments: [
        ("<Record/>", "TwiML/TeXML"), ("<Refer/>", "TwiML/TeXML"), ("<Leave/>", "TwiML/TeXML"),
        ("<Pay/>", "TwiML"), ("<Connect/>", "TwiML/TeXML"), ("<Sms/>", "TwiML"),
        ("<Dial><Sip>sip:a@b</Sip></Dial>", "TwiML/TeXML"), ("<AIGather/>", "TeXML"), ("<HttpRequest/>", "TeXML"),
    ])
    func otherDialectsAreNamed(_ xml: String, _ dialect: String) {
        let checked = check(verbs: xml)
        #expect(checked.codes == ["foreign-element"])
        #expect(checked.diagnostics.first?.message.contains("is \(dialect), not ConneXML") == true)
    }

    @Test func rejectOnlyAtTopLevel() {
        #expect(check(verbs: "<Reject/>").errors.isEmpty)
        #expect(check(verbs: "<Condition hour=\"1\"><Reject/></Condition>").codes == ["misplaced-element"])
        #expect(check(verbs: "<Press digit=\"1\"><Reject/></Press>").codes == ["misplaced-element"])
    }

    @Test func nounsOutsideDialAreMisplaced() {
        #expect(check(verbs: "<Number>1001</Number>").codes == ["misplaced-element"])
        #expect(check(verbs: "<Barge>sales</Barge>").codes == ["misplaced-element"])
        #expect(check(verbs: "<Stream url=\"wss://a.b\"/>").codes == ["misplaced-element"])
        #expect(check(verbs: "<Dial><Say>x</Say></Dial>").codes == ["misplaced-element"])
    }

    @Test func dialTakesOneDestination() {
        #expect(check(verbs: "<Dial/>").codes == ["missing-destination"])
        #expect(check(verbs: "<Dial>1001<Number>1002</Number></Dial>").codes == ["ambiguous-destination"])
        // Several nouns: a warning (see FidelityTests).
        #expect(
            check(verbs: "<Dial><Number>1</Number><Number>2</Number></Dial>").warnings.map(\.code.rawValue) == [
                "too-many-destinations"
            ])
        #expect(check(verbs: "<Dial hangupOnStar=\"true\"><Conference>r</Conference></Dial>").codes == ["no-effect"])
    }

    @Test func textOutsideVerbs() {
        let checked = check(verbs: "Welcome!\n<Say>x</Say>")
        #expect(checked.codes == ["stray-text"])
        #expect(checked.diagnostics[0].position == SourcePosition(line: 2, column: 1))
    }

    @Test func strayAngleBracket() {
        let checked = check(verbs: "<Say>>Hello</Say>>")
        #expect(checked.codes == ["stray-angle-bracket", "stray-text"])
        #expect(checked.diagnostics[1].hint?.contains("stray '>'") == true)
    }

    @Test func attributeWrittenAsText() {
        let checked = check(verbs: "<Pause>length=\"5\"</Pause>")
        #expect(checked.codes == ["attribute-as-text"])
        #expect(checked.diagnostics[0].hint == "write them inside the start tag: <Pause length=\"5\"/>")
        // Text that only starts like an attribute is text.
        #expect(check(verbs: "<Pause>length=\"5\" please</Pause>").codes == ["unexpected-text"])
    }

    @Test func unknownAttributesAreWarningsWithHints() {
        let checked = check(verbs: "<Dial ringtone=\"uk\" fooBar=\"1\">1001</Dial>")
        #expect(checked.errors.isEmpty)
        #expect(checked.codes == ["unknown-attribute", "unknown-attribute"])
        #expect(checked.diagnostics.map(\.hint) == ["did you mean 'ringTone'?", nil])
        #expect(checked.script != nil)
        #expect(check(verbs: "<Say voice=\"alice\">x</Say>").codes == ["unsupported-attribute"])
    }

    @Test func unreachableVerbs() {
        for ender in ["<Hangup/>", "<Reject/>", "<Redirect>n.xml</Redirect>"] {
            let checked = check(verbs: "\(ender)\n<Say>never</Say>\n<Say>nor this</Say>")
            #expect(checked.codes == ["unreachable"], "after \(ender)")
            #expect(checked.diagnostics.first?.position?.line == 3)
        }
        // A Condition may be false: what follows it is reachable.
        #expect(check(verbs: "<Condition hour=\"1\"><Hangup/></Condition><Say>x</Say>").diagnostics.isEmpty)
        #expect(check(verbs: "<Condition hour=\"1\"><Hangup/><Say>x</Say></Condition>").codes == ["unreachable"])
    }

    @Test func plainNames() {
        let checked = check(verbs: "<Dial><Barge>GROUPA</Barge></Dial>")
        #expect(checked.codes == ["invalid-group-name"])
        #expect(checked.diagnostics[0].hint == "did you mean 'groupa'?")
        #expect(check(verbs: "<Dial><Barge>sales_2</Barge></Dial>").errors.isEmpty)
        // Context names are not plain names: see FidelityTests.
        #expect(check(verbs: "<Enter>Agent Calls</Enter>").codes == ["invalid-value"])
        #expect(check(verbs: "<Press digit=\"1\" context=\"My Menu\"><Hangup/></Press>").codes == ["invalid-value"])
    }

    @Test func sipHeaders() {
        #expect(check(verbs: "<Set name=\"X-Account-Id\" value=\"42\" header=\"true\"/>").errors.isEmpty)
        #expect(check(verbs: "<Set name=\"X Account\" value=\"42\" header=\"true\"/>").codes == ["invalid-header"])
        #expect(check(verbs: "<Set name=\"X-A\" value=\"a&#13;&#10;Via: x\" header=\"true\"/>").codes == ["invalid-header"])
        // Not a header: any variable name and value are fine.
        #expect(check(verbs: "<Set name=\"note\" value=\"a&#10;b\"/>").errors.isEmpty)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let checked = check(
            verbs: """
                <say>x</say>
                <Pause length="0"/>
                <Record/>
                <Dial ringTone="gb"/>
                <Gather timeout="999"><Hangup/></Gather>
                """)
        #expect(
            checked.codes.sorted()
                == [
                    "foreign-element", "invalid-child", "invalid-value", "invalid-value",
                    "invalid-value", "missing-destination", "unknown-element",
                ].sorted())
        #expect(checked.script == nil)
        // In source order.
        let lines = checked.diagnostics.compactMap { $0.position?.line }
        #expect(lines == lines.sorted())
    }
}
