import Diagnostics
import XMLParsing

/// `<Enter>menu</Enter>`: switches the call into a context, so the same key
/// can do different things at different points of a call. Context names are
/// case-sensitive (`A` and `B` in the documentation).
public struct Enter: Sendable {
    public let context: Setting<String>
    public let position: SourcePosition
}

extension Enter: VerbDefinition, VerbSyntax {
    public static let elementName = "Enter"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        AttributeReader(element).finish(&checker)
        guard let context = checker.expectText(element, required: "the context name", as: .contextName, what: "context name")
        else { return nil }
        return .enter(Enter(context: context, position: element.position))
    }
}

extension Enter {
    static let reference = ElementReference(
        summary:
            "Switches the call into a context (its text), so the same key can do different things at different points of a call.",
        run:
            "Sets the call's context (and the variable `context`); from then on the `<Press>` bindings of that context, and those of none, answer keys."
    )
}
