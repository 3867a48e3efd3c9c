import Diagnostics
import XMLParsing

/// `<Redirect method="POST">URL</Redirect>`: hands the call to another
/// document. Verbs after it never run.
public struct Redirect: Sendable {
    public let url: Setting<String>
    /// Default `POST`.
    public let method: Setting<HTTPMethod>
    public let position: SourcePosition
}

extension Redirect: VerbDefinition, VerbSyntax {
    public static let elementName = "Redirect"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let method = attributes.value(
            "method", HTTPMethod.choiceKind, default: HTTPMethod.POST, about: "how the next document is requested", &checker)
        attributes.finish(&checker)
        guard let url = checker.expectText(element, required: "the URL of the next document", as: .documentURL, what: "URL")
        else { return nil }
        return .redirect(Redirect(url: url, method: method, position: element.position))
    }
}

extension Redirect {
    static let reference = ElementReference(
        summary: "Hands the call to another ConneXML document; the text is its URL.",
        run:
            "Fetches the document at the URL (with `method`) and runs it in place of this one; nothing after the `<Redirect>` runs."
    )
}

extension Redirect {
    /// The call goes on in the other document, never after the Redirect.
    public var endsTheList: Bool { true }
    public var howItEndsTheList: String { "hands the call to another document" }
}
