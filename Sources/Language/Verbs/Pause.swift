import Diagnostics
import XMLParsing

/// `<Pause length="5"/>`: waits silently.
public struct Pause: Sendable {
    /// Whole seconds, 1–180, default 5.
    public let length: Setting<Int>
    public let position: SourcePosition

    public static let lengthKind = ValueKind<Int>.integer(1...180, unit: "seconds")
    public static let defaultLength = 5
}

extension Pause: VerbDefinition, VerbSyntax {
    public static let elementName = "Pause"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let length = attributes.value(
            "length", lengthKind, default: defaultLength, about: "how long to wait, in seconds", &checker)
        attributes.finish(&checker)
        checker.expectEmpty(element)
        return .pause(Pause(length: length, position: element.position))
    }
}

extension Pause {
    static let reference = ElementReference(
        summary: "Waits in silence.",
        run: "The call's clock moves on `length` seconds; a bound `<Press>` key cuts the wait short.")
}
