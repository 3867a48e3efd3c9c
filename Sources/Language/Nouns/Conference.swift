import Diagnostics
import XMLParsing

/// `<Conference>room</Conference>`: joins a conference room.
public struct Conference: Sendable {
    public let room: Template
    public let position: SourcePosition
}

extension Conference: DialNounSyntax {
    static let elementName = "Conference"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = [
        "muted", "beep", "startConferenceOnEnter", "endConferenceOnExit", "waitUrl", "waitMethod",
        "maxParticipants", "record", "trim", "statusCallback", "statusCallbackEvent",
        "statusCallbackMethod", "coach", "jitterBufferSize", "participantLabel", "region",
    ]

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        guard let room = checker.expectText(element, required: "the conference room name", anyText: true) else { return nil }
        return .conference(Conference(room: room, position: element.position))
    }
}

extension Conference {
    static let reference = ElementReference(
        summary: "A conference room to join (its text is the room's name).",
        run: "Needs the caller's profile to allow conferences (policy); `hangupOnStar` does nothing here.")
}
