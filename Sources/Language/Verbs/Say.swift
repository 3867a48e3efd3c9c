import Diagnostics
import XMLParsing

/// `<Say loop="1">text</Say>`: speaks its text to the caller.
public struct Say: Sendable {
    public let text: Template
    /// 1–100, default 1.
    public let loop: Setting<Int>
    public let position: SourcePosition

    public static let loopKind = ValueKind<Int>.integer(1...100, unit: "times").explaining(twimlLoopForever)

    /// TwiML's `loop="0"` repeats until the call ends; ConneXML has no such value.
    @Sendable static func twimlLoopForever(_ text: String) -> String? {
        text == "0"
            ? "loop=\"0\" is TwiML's \"repeat until the call ends\", which ConneXML's 1 to 100 does not include: write loop=\"100\" for the most"
            : nil
    }
}

extension Say: VerbDefinition, VerbSyntax {
    public static let elementName = "Say"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["voice", "language"]

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        checkPrompt(element, &checker).map { .say($0) }
    }

    /// Also used for `Say` as a noun of `Gather`.
    static func checkPrompt(_ element: Element, _ checker: inout Checker) -> Say? {
        var attributes = AttributeReader(element)
        let loop = attributes.value("loop", loopKind, default: 1, about: "how many times the words are spoken", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        guard let text = checker.expectText(element, required: "the words to speak", anyText: true) else { return nil }
        return Say(text: text, loop: loop, position: element.position)
    }
}

extension Say {
    static let reference = ElementReference(
        summary: "Speaks its text to the caller (text to speech); also a prompt inside `<Gather>`.",
        run:
            "Expands the templates in the text and speaks it `loop` times. The call's clock moves on 2.5 words a second (at least one second a time); a bound `<Press>` key cuts it short, and inside `<Gather>` the first key does."
    )
}
