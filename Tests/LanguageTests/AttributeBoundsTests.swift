import Language
import Testing

/// Every documented bound, just inside and just outside.
@Suite struct AttributeBoundsTests {
    struct Bound: CustomTestStringConvertible, Sendable {
        let element: String, attribute: String, content: String?
        let valid: [String], invalid: [String]
        /// Attributes without which the one tested has no effect (a warning).
        var with = ""
        var testDescription: String { "\(element) \(attribute)" }
    }

    static let bounds: [Bound] = [
        Bound(
            element: "Pause", attribute: "length", content: nil, valid: ["1", "5", "180"],
            invalid: ["0", "181", "-1", "1.5", "five", "", " 5"]),
        Bound(element: "Say", attribute: "loop", content: "hi", valid: ["1", "100"], invalid: ["0", "101"]),
        Bound(element: "Play", attribute: "loop", content: "ivr/a.wav", valid: ["1", "100"], invalid: ["0", "101"]),
        Bound(element: "Gather", attribute: "minDigits", content: "", valid: ["1", "128"], invalid: ["0", "129"]),
        Bound(element: "Gather", attribute: "maxDigits", content: "", valid: ["1", "128"], invalid: ["0", "129"]),
        Bound(element: "Gather", attribute: "numDigits", content: "", valid: ["1", "128"], invalid: ["0", "129"]),
        Bound(element: "Gather", attribute: "timeout", content: "", valid: ["1", "120"], invalid: ["0", "121"]),
        Bound(element: "Gather", attribute: "finishOnKey", content: "", valid: ["#", "*", "0", ""], invalid: ["##", "a", "10"]),
        Bound(
            element: "Gather", attribute: "actionOnEmptyResult", content: "", valid: ["true", "false"],
            invalid: ["True", "yes", "1"]),
        Bound(element: "Gather", attribute: "method", content: "", valid: ["GET", "POST"], invalid: ["get", "PUT"]),
        Bound(
            element: "Redirect", attribute: "method", content: "next.xml", valid: ["GET", "POST"], invalid: ["post", "DELETE"]),
        Bound(element: "Reject", attribute: "reason", content: nil, valid: ["rejected", "busy"], invalid: ["Busy", "declined"]),
        Bound(element: "Dial", attribute: "timeout", content: "1001", valid: ["1", "30", "600"], invalid: ["0", "601"]),
        Bound(element: "Dial", attribute: "hangupOnStar", content: "1001", valid: ["true", "false"], invalid: ["yes"]),
        Bound(
            element: "Dial", attribute: "ringTone", content: "1001", valid: ["us", "uk", "us-old", "za", "in"],
            invalid: ["gb", "US", ""]),
        // 1–15 digits, `+` optional: the documentation's own example is "1234".
        Bound(
            element: "Dial", attribute: "callerId", content: "1001",
            valid: ["+441234567890", "+12", "+123456789012345", "1234", "441234567890", "+1", "123456789012345"],
            invalid: ["+1234567890123456", "1234567890123456", "+44 1234", "+", "", "12a4", "++44", "44+1"]),
        Bound(
            element: "Dial", attribute: "fromDisplayName", content: "1001",
            valid: ["Acme Sales", "a-b_c~d!e.f+g", String(repeating: "x", count: 128)],
            invalid: [String(repeating: "x", count: 129), "Acme &lt;Sales&gt;", "a;b"]),
        // Context names are case-sensitive: the documentation's are A and B.
        Bound(
            element: "Dial", attribute: "hangupOnStarContext", content: "1001", valid: ["agent_call", "a1", "A", "B", "Agent-2"],
            invalid: ["a b", "", "a.b", "ä"], with: "hangupOnStar=\"true\""),
        Bound(element: "Transfer", attribute: "attended", content: "1001", valid: ["true", "false"], invalid: ["maybe"]),
        Bound(element: "Press", attribute: "dtmf_leg", content: "<Hangup/>", valid: ["a", "b"], invalid: ["ab", "A"]),
        Bound(
            element: "Press", attribute: "context", content: "<Hangup/>", valid: ["A", "B", "agent_call", "x-1"],
            invalid: ["My Menu", ""]),
    ]

    @Test(arguments: bounds)
    func boundsHold(_ bound: Bound) {
        let wrapped: (String) -> Bool = { value in
            if bound.element == "Press" {
                let checked = check(verbs: "<Press digit=\"1\" \(bound.attribute)=\"\(value)\"><Hangup/></Press>")
                return checked.errors.isEmpty
            }
            if !bound.with.isEmpty {
                let checked = check(
                    verbs:
                        "<\(bound.element) \(bound.with) \(bound.attribute)=\"\(value)\">\(bound.content ?? "")</\(bound.element)>"
                )
                #expect(checked.warnings.isEmpty, "\(checked.warnings)")
                return checked.errors.isEmpty
            }
            return accepts(bound.element, bound.attribute, value, content: bound.content)
        }
        for value in bound.valid { #expect(wrapped(value), "\(bound.element) \(bound.attribute)=\"\(value)\" should be valid") }
        for value in bound.invalid {
            #expect(!wrapped(value), "\(bound.element) \(bound.attribute)=\"\(value)\" should be invalid")
        }
    }

    @Test func nestedNounBounds() {
        for (legs, ok) in [("a", true), ("b", true), ("ab", true), ("ba", false), ("c", false)] {
            #expect(check(verbs: "<Dial><Barge whisper=\"\(legs)\">sales</Barge></Dial>").errors.isEmpty == ok)
            #expect(check(verbs: "<Dial><Barge bridge=\"\(legs)\">sales</Barge></Dial>").errors.isEmpty == ok)
        }
        #expect(check(verbs: "<Start><Stream url=\"wss://x.example\" mix_type=\"mixed\"/></Start>").errors.isEmpty)
        #expect(check(verbs: "<Start><Stream url=\"wss://x.example\" mix_type=\"dual\"/></Start>").codes == ["invalid-value"])
        #expect(check(verbs: "<Start><Stream url=\"https://x.example\"/></Start>").codes == ["invalid-value"])
        #expect(
            check(
                verbs:
                    "<Dial><Client statusCallback=\"https://e.com/s\" statusCallbackEvent=\"ringing answered\">1002</Client></Dial>"
            ).errors.isEmpty)
        #expect(
            check(
                verbs:
                    "<Dial><Client statusCallback=\"https://e.com/s\" statusCallbackEvent=\"ringing hungup\">1002</Client></Dial>"
            ).codes == ["invalid-value"])
        #expect(check(verbs: "<Dial><Client statusCallbackMethod=\"PATCH\">1002</Client></Dial>").codes == ["invalid-value"])
        #expect(check(verbs: "<Dial><Queue action=\"pickup\">q</Queue></Dial>").errors.isEmpty)
        #expect(check(verbs: "<Dial><Queue action=\"drop\">q</Queue></Dial>").codes == ["invalid-value"])
        #expect(check(verbs: "<Dial><Voicemail inbox=\"yes\"/></Dial>").codes == ["invalid-value"])
    }
}
