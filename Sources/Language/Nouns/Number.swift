import Diagnostics
import XMLParsing

/// `<Number>+441234567890</Number>` (or the text of `<Dial>`): an E.164 or
/// local number. May come from a template (dynamic dial).
public struct Number: Sendable {
    public let number: Setting<String>
    public let position: SourcePosition

    /// `+` (optional), then digits, `*` or `#`; at most 32 characters
    /// (`DialString`, which the policy layer judges numbers by too).
    public static let numberKind = ValueKind<String>(
        expected: "an E.164 or local number such as +441234567890 or 1001",
        schema: .pattern("\\+[0-9*#]{1,\(DialString.maximumLength - 1)}|[0-9*#]{1,\(DialString.maximumLength)}")
    ) { text in
        DialString.isValid(text) ? text : nil
    }

    /// What the text of `<Number>` (or of `<Dial>`) is.
    static let textMeaning = "the number to dial"

    static func fromText(of element: Element, _ checker: inout Checker) -> Number? {
        guard let number = checker.expectText(element, required: textMeaning, as: numberKind, what: "number") else { return nil }
        return Number(number: number, position: element.firstText?.position ?? element.position)
    }
}

extension Number: DialNounSyntax {
    static let elementName = "Number"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = [
        "sendDigits", "url", "method", "statusCallback", "statusCallbackEvent", "statusCallbackMethod",
        "byoc", "machineDetection",
    ]

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        return fromText(of: element, &checker).map { .number(Number(number: $0.number, position: element.position)) }
    }
}

extension Number {
    static let reference = ElementReference(
        summary: "An E.164 or local number to dial, or a service code such as `*55`; may come from a template (dynamic dial).",
        run: "Dialled through the caller's dial rules (see `<Dial>`).")
}
