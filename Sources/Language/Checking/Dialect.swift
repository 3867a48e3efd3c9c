import XMLParsing

/// Languages of the same family. Scripts move between platforms, so an
/// element or attribute of another dialect is reported by name.
public enum Dialect: String, Sendable {
    case twiml = "TwiML"
    case texml = "TeXML"
    case twimlAndTexml = "TwiML/TeXML"

    /// Elements that are not ConneXML but belong to a sibling dialect:
    /// verbs, and nouns of TwiML's `<Dial>` (`Application`, `Sim`,
    /// `WhatsApp`, and `Sip`, which TeXML has too).
    public static let foreignElements: [String: Dialect] = [
        "Record": .twimlAndTexml, "Refer": .twimlAndTexml, "Leave": .twimlAndTexml,
        "Connect": .twimlAndTexml, "Siprec": .twimlAndTexml, "Stop": .twimlAndTexml,
        "Sip": .twimlAndTexml, "Pay": .twiml, "Sms": .twiml, "Message": .twiml,
        "Room": .twiml, "VirtualAgent": .twiml, "Prompt": .twiml,
        "Transcription": .twiml, "ConversationRelay": .twiml,
        "Application": .twiml, "Sim": .twiml, "WhatsApp": .twiml,
        "AIGather": .texml, "AIAssistant": .texml, "HttpRequest": .texml, "Suppression": .texml,
    ]

    /// The SSML tags TwiML's `<Say>` reads (Twilio's list, with `speak`
    /// and `mark` of SSML itself); ConneXML's `<Say>` speaks plain text.
    public static let ssmlElements: Set<String> = [
        "speak", "break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w", "mark",
        "amazon:effect", "amazon:domain",
    ]

    /// What markup of another dialect `child` is, inside `parent`; nil when
    /// it is none (then it is simply not allowed there).
    static func foreignMarkup(_ child: Element, in parent: Element) -> String? {
        if parent.name == "Say", ssmlElements.contains(child.qualifiedName) { return "SSML (TwiML's <Say> reads it)" }
        return foreignElements[child.name].map(\.rawValue)
    }
}
