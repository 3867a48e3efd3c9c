import Diagnostics
import XMLParsing

/// `<Queue action="pickup">support</Queue>` inside `<Dial>`: joins a call
/// queue, or with `action="pickup"` answers the next caller waiting in it.
/// (Named QueueNoun to keep clear of the verb `Enqueue` and of Swift's own
/// use of the word.)
public struct QueueNoun: Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case pickup
    }

    public let queue: Template
    /// Audio played while waiting.
    public let music: Setting<String>?
    public let action: Setting<Action>?
    public let position: SourcePosition

    public static let musicKind = Play.fileKind
}

extension QueueNoun: DialNounSyntax {
    static let elementName = "Queue"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["url", "method", "reservationSid", "postWorkActivitySid"]

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let music = attributes.optional("music", musicKind, about: "audio played while waiting", &checker)
        let action = attributes.optional(
            "action", Action.choiceKind,
            about: "pickup: answer the next caller waiting in the queue instead of joining it", &checker)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        if let file = music?.fixedValue, let at = element.attributeValue("music")?.position {
            checker.noteRelativeAudio(file, in: "music of <Queue>", at: at)
        }
        guard let queue = checker.expectText(element, required: "the queue name", anyText: true) else { return nil }
        return .queue(QueueNoun(queue: queue, music: music, action: action, position: element.position))
    }
}

extension QueueNoun {
    static let reference = ElementReference(
        summary: "A call queue to join (its text is the queue's name), or with `action=\"pickup\"` to answer from.",
        run:
            "Needs the caller's profile to allow queues, or queue pickup for `action=\"pickup\"` (policy); the dial is traced with the queue and answered as the scenario says.",
        checks: ["A bare file name as `music` in a local file: warning `relative-url`."])
}

extension QueueNoun.Action {
    /// `.choice` made once: it allocates its rules each time it is asked
    /// for, and the checker reads this attribute on every element that has it.
    static let choiceKind = ValueKind<QueueNoun.Action>.choice
}
