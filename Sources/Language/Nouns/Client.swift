import Diagnostics
import XMLParsing

/// `<Client>1002</Client>`: a SIP user of the directory.
public struct Client: Sendable {
    public enum Event: String, Sendable, CaseIterable {
        case initiated, ringing, answered, completed
    }

    public let username: Template
    /// Events reported to statusCallback (a subset, space-separated); nil
    /// when not written, and then `defaultStatusCallbackEvents` apply.
    public let statusCallbackEvents: Setting<[Event]>?
    /// An http(s) URL, or one relative to the document's URL.
    public let statusCallback: Setting<String>?
    /// Default `POST`.
    public let statusCallbackMethod: Setting<HTTPMethod>
    public let position: SourcePosition

    /// Read from the bytes in place (a split made a String per word, 4% of
    /// a large script's check); the same answers as splitting on spaces.
    public static let eventsKind = ValueKind<[Event]>.spaceSeparated(
        expected: "space-separated events among initiated, ringing, answered, completed",
        schema: .pattern("(initiated|ringing|answered|completed)( (initiated|ringing|answered|completed))*"))

    public static let callbackKind = ValueKind<String>.callbackURL

    /// The documented default of `statusCallbackEvent` is none: without it,
    /// no callback is sent.
    public static let defaultStatusCallbackEvents: [Event] = []
}

extension Client: DialNounSyntax {
    static let elementName = "Client"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["url", "method"]

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let events = attributes.optional(
            "statusCallbackEvent", eventsKind,
            about: "the events reported to statusCallback; none when absent, so no callback is sent", &checker)
        let callback = attributes.optional("statusCallback", callbackKind, about: "where the events are sent", &checker)
        let method = attributes.value(
            "statusCallbackMethod", HTTPMethod.choiceKind, default: HTTPMethod.POST, about: "how statusCallback is requested",
            &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        if events != nil, callback == nil, element.attributeIndex("statusCallback") == nil {
            checker.warning(
                .noEffect, "statusCallbackEvent has no effect on <Client> without statusCallback",
                at: element.attributeValue("statusCallbackEvent")?.position ?? element.position)
        }
        if let attribute = element.attributeValue("statusCallback") {
            if element.attributeIndex("statusCallbackEvent") == nil {
                checker.warning(
                    .noEffect, "statusCallback on <Client> without statusCallbackEvent: no callback is sent",
                    at: attribute.position,
                    hint:
                        "the documented default of statusCallbackEvent is none: add statusCallbackEvent=\"completed\" (or initiated ringing answered completed)"
                )
            }
            if let url = callback?.fixedValue { checker.noteRelativeCallback(url, on: "<Client>", at: attribute.position) }
        }
        guard let username = checker.expectText(element, required: "the SIP username to dial", anyText: true) else { return nil }
        return .client(
            Client(
                username: username, statusCallbackEvents: events, statusCallback: callback,
                statusCallbackMethod: method, position: element.position))
    }
}

extension Checker {
    /// A relative status callback in a local file: the platform resolves it
    /// against the URL it fetched the document from, which a local file
    /// does not have.
    mutating func noteRelativeCallback(_ url: String, on what: String, at position: SourcePosition) {
        guard !documentIsFetched, URLText.isRelative(url) else { return }
        warning(
            .relativeURL, "statusCallback=\"\(url)\" on \(what) is relative to the document's URL", at: position,
            hint:
                "the platform resolves it against the URL it fetched this document from; a local file has none: write an https:// URL to be sure"
        )
    }
}

/// The codes this file emits (their meanings for users: ScriptDiagnostics).
extension DiagnosticCode {
    /// A relative URL in a local file, which has no URL to resolve it against (`<Play>` emits it too).
    static let relativeURL: DiagnosticCode = "relative-url"
}

extension Client {
    static let reference = ElementReference(
        summary: "A SIP user of the directory to dial (its text is the user name).",
        run:
            "Dialled if the user exists and belongs to the caller's customer (policy); each event of `statusCallbackEvent` that happens is sent to `statusCallback`.",
        checks: [
            "`statusCallback` without `statusCallbackEvent` (no callback is sent), or the events without the URL: warning `no-effect`.",
            "A relative `statusCallback` in a local file: warning `relative-url`.",
        ])
}
