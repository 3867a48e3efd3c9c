/// Languages of the same family. Scripts move between platforms, so an
/// element or attribute of another dialect is reported by name.
public enum Dialect: String, Sendable {
    case twiml = "TwiML"
    case texml = "TeXML"
    case twimlAndTexml = "TwiML/TeXML"

    /// Elements that are not ConneXML but belong to a sibling dialect.
    public static let foreignElements: [String: Dialect] = [
        "Record": .twimlAndTexml, "Refer": .twimlAndTexml, "Leave": .twimlAndTexml,
        "Connect": .twimlAndTexml, "Siprec": .twimlAndTexml, "Stop": .twimlAndTexml,
        "Sip": .twimlAndTexml, "Pay": .twiml, "Sms": .twiml, "Message": .twiml,
        "Room": .twiml, "VirtualAgent": .twiml, "Prompt": .twiml,
        "AIGather": .texml, "AIAssistant": .texml, "HttpRequest": .texml,
        "Suppression": .texml, "Transcription": .texml, "ConversationRelay": .texml,
    ]
}
