import Language
import Testing

@Suite struct TemplateTests {
    func parse(_ text: String) -> Template? { try? Template.parse(text).get() }

    @Test func forms() {
        #expect(parse("plain")?.parts == [.text("plain")])
        #expect(parse("{{ name }}")?.parts == [.variable("name")])
        #expect(parse("{{name}}")?.parts == [.variable("name")])
        #expect(parse("${gather_result}!")?.parts == [.variable("gather_result"), .text("!")])
        #expect(parse("{{ substring Extension 5 }}")?.parts == [.substring(variable: "Extension", start: 5, length: nil)])
        #expect(
            parse("x{{ substring From 0 3 }}y")?.parts == [
                .text("x"), .substring(variable: "From", start: 0, length: 3), .text("y"),
            ])
        #expect(parse("cost: $5 {braces}")?.parts == [.text("cost: $5 {braces}")])
    }

    /// Plain text is held without parts; a template made from one text
    /// part is the same template, and everything else keeps its parts as
    /// given (a template made of several texts is not joined).
    @Test func plainTextHeldAloneIsTheSameTemplate() {
        #expect(Template(literal: "hi") == Template(parts: [.text("hi")]))
        #expect(Template(literal: "hi").hashValue == Template(parts: [.text("hi")]).hashValue)
        #expect(Template(literal: "") == Template(parts: []))
        #expect(Template(literal: "").parts.isEmpty)
        #expect(Template(literal: "hi").parts == [.text("hi")])
        #expect(Template(literal: "hi").literal == "hi")
        #expect(Template(literal: "hi").expand { _ in "unused" } == "hi")
        #expect(Template(literal: "hi").variables.isEmpty)

        let twoTexts = Template(parts: [.text("a"), .text("b")])
        #expect(twoTexts.parts == [.text("a"), .text("b")])
        #expect(twoTexts.literal == "ab")
        #expect(twoTexts != Template(literal: "ab"))
        #expect(Template(parts: [.text("")]).parts == [.text("")])
        #expect(Template(parts: [.text("")]).literal == "")

        let greeting = Template(parts: [.text("Hi "), .variable("From")])
        #expect(greeting.literal == nil)
        #expect(greeting.variables == ["From"])
        #expect(greeting.expand { $0 == "From" ? "Ann" : nil } == "Hi Ann")
        #expect(greeting != Template(parts: [.text("Hi "), .variable("To")]))
        #expect(Template(parts: [.variable("From")]).literal == nil)
        #expect(Template(parts: [.variable("From")]) != Template(literal: "From"))
    }

    @Test func errors() {
        func kind(_ text: String) -> TemplateError.Kind? {
            if case .failure(let e) = Template.parse(text) { return e.kind }
            return nil
        }
        #expect(kind("{{ name") == .unclosed("{{"))
        #expect(kind("${name") == .unclosed("${"))
        #expect(kind("{{ }}") == .emptyExpression)
        #expect(kind("{{ 9lives }}") == .invalidVariableName("9lives"))
        #expect(kind("{{ upper From }}") == .unknownFunction("upper"))
        #expect(kind("{{ substring From }}") != nil)
        #expect(kind("{{ substring From -1 }}") != nil)
        #expect(kind("{{ substring From 1 2 3 }}") != nil)
    }

    @Test func expansion() {
        let vars = ["Extension": "1234567890", "From": "1001"]
        let lookup: (String) -> String? = { vars[$0] }
        #expect(parse("{{ substring Extension 5 }}")?.expand(lookup) == "67890")
        #expect(parse("{{ substring Extension 2 3 }}")?.expand(lookup) == "345")
        #expect(parse("{{ substring Extension 8 10 }}")?.expand(lookup) == "90")  // length past the end
        #expect(parse("[{{ substring Extension 20 }}]")?.expand(lookup) == "[]")  // start past the end
        #expect(parse("Hi {{ From }} ${Missing}.")?.expand(lookup) == "Hi 1001 .")
    }

    /// One variable among text is expanded into an exactly sized string:
    /// multi-byte text and values must come out whole.
    @Test func oneVariableAmongText() {
        let vars = ["name": "Zoë 🎉", "empty": ""]
        let lookup: (String) -> String? = { vars[$0] }
        #expect(parse("Grüße, {{ name }}!")?.expand(lookup) == "Grüße, Zoë 🎉!")
        #expect(parse("{{ name }} — ${name}")?.expand(lookup) == "Zoë 🎉 — Zoë 🎉")
        #expect(parse("${name}")?.expand(lookup) == "Zoë 🎉")
        #expect(parse("[{{ empty }}]")?.expand(lookup) == "[]")
        #expect(parse("[{{ missing }}] is longer than fifteen bytes")?.expand(lookup) == "[] is longer than fifteen bytes")
        #expect(parse("{{ missing }}")?.expand(lookup) == "")
    }

    @Test func unknownFunctionIsACheckError() {
        let checked = check(verbs: "<Say>{{ upcase From }}</Say>")
        #expect(checked.codes == ["unknown-template-function"])
        #expect(check(verbs: "<Say>{{ substrng From 1 }}</Say>").diagnostics.first?.hint == "did you mean 'substring'?")
    }

    @Test func templatedAttributesAreCheckedWhenTheCallRuns() throws {
        guard case .pause(let p) = onlyVerb("<Pause length=\"{{ wait }}\"/>") else {
            Issue.record()
            return
        }
        #expect(p.length.value == nil)
        #expect(try p.length.resolve { $0 == "wait" ? "7" : nil }.get() == 7)
        guard case .failure(let invalid) = p.length.resolve({ _ in "999" }) else {
            Issue.record()
            return
        }
        #expect(invalid.text == "999")
        #expect(invalid.expected.contains("1 to 180"))
    }
}
