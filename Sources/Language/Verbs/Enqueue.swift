import Diagnostics
import XMLParsing

/// `<Enqueue>support</Enqueue>`: puts the call into a call queue.
public struct Enqueue: Sendable {
    public let queue: Template
    public let position: SourcePosition
}

extension Enqueue: VerbDefinition, VerbSyntax {
    public static let elementName = "Enqueue"

    /// TwiML's attributes here, ignored. Made once: as a literal in
    /// `check`, the list was built and destroyed for every element.
    static let twimlAttributes = ["action", "method", "waitUrl", "waitUrlMethod", "workflowSid", "maxQueueSize"]

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        attributes.foreign(twimlAttributes, dialect: .twiml, &checker)
        attributes.finish(&checker)
        guard let queue = checker.expectText(element, required: "the queue name", anyText: true) else { return nil }
        return .enqueue(Enqueue(queue: queue, position: element.position))
    }
}

extension Enqueue {
    static let reference = ElementReference(
        summary: "Puts the call into a call queue; the text is the queue's name.",
        run: "Needs the caller's profile to allow queues (else denied, and the script goes on); traces the queue and goes on.")
}
