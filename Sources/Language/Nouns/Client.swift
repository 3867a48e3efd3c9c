import Diagnostics
import XMLParsing

/// `<Client>1002</Client>`: a SIP user of the directory.
public struct Client: Sendable {
    public enum Event: String, Sendable, CaseIterable {
        case initiated, ringing, answered, completed
    }

    public let username: Template
    /// Events reported to statusCallback (a subset, space-separated).
    public let statusCallbackEvents: Setting<[Event]>?
    public let statusCallback: Setting<String>?
    /// Default `POST`.
    public let statusCallbackMethod: Setting<HTTPMethod>
    public let position: SourcePosition

    public static let eventsKind = ValueKind<[Event]>(
        expected: "space-separated events among initiated, ringing, answered, completed"
    ) { text in
        let words = text.split(separator: " ")
        let events = words.compactMap { Event(rawValue: String($0)) }
        return !words.isEmpty && events.count == words.count ? events : nil
    }

    public static let callbackKind = ValueKind<String>.httpURL
}

extension Client: DialNounSyntax {
    static let elementName = "Client"

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let events = attributes.optional("statusCallbackEvent", eventsKind, &checker)
        let callback = attributes.optional("statusCallback", callbackKind, &checker)
        let method = attributes.value("statusCallbackMethod", .choice, default: HTTPMethod.POST, &checker)
        attributes.foreign(["url", "method"], dialect: .twiml, &checker)
        attributes.finish(&checker)
        if events != nil, callback == nil, element.attribute("statusCallback") == nil {
            checker.warning("no-effect", "statusCallbackEvent has no effect on <Client> without statusCallback",
                            at: element.attribute("statusCallbackEvent")?.position ?? element.position)
        }
        guard let username = checker.expectText(element, required: "the SIP username to dial") else { return nil }
        return .client(Client(username: username, statusCallbackEvents: events, statusCallback: callback,
                              statusCallbackMethod: method, position: element.position))
    }
}
