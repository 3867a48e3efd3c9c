import Diagnostics
import XMLParsing

/// `<Echo/>`: loops the caller's audio back to them (a call-path test).
public struct Echo: Sendable {
    public let position: SourcePosition
}

extension Echo: VerbDefinition, VerbSyntax {
    public static let elementName = "Echo"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        AttributeReader(element).finish(&checker)
        checker.expectEmpty(element)
        return .echo(Echo(position: element.position))
    }
}

extension Echo {
    static let reference = ElementReference(
        summary: "Loops the caller's audio back to them (a call-path test).",
        run: "Echoes for 10 seconds on the call's clock, then the script goes on.")
}
