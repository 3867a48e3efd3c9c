import Diagnostics
import XMLParsing

/// `<Hangup/>`: ends the call. No attributes, no children.
public struct Hangup: Sendable {
    public let position: SourcePosition
}

extension Hangup: VerbDefinition, VerbSyntax {
    public static let elementName = "Hangup"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        AttributeReader(element).finish(&checker)
        checker.expectEmpty(element)
        return .hangup(Hangup(position: element.position))
    }
}

extension Hangup {
    static let reference = ElementReference(
        summary: "Ends the call.",
        run: "Hangs up; nothing after it runs.")
}

extension Hangup {
    /// The call is over: nothing after it runs.
    public static var endsTheCall: Bool { true }
}
