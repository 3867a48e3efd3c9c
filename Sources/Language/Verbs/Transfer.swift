import Diagnostics
import XMLParsing

/// `<Transfer attended="false">number</Transfer>`: sends the call to another
/// number or extension, blind or after confirming the recipient.
public struct Transfer: Sendable {
    public let target: Setting<String>
    /// Default false (blind).
    public let attended: Setting<Bool>
    public let position: SourcePosition
}

extension Transfer: VerbSyntax {
    static let elementName = "Transfer"

    static func check(_ element: Element, in scope: Scope, _ checker: inout Checker) -> Verb? {
        var attributes = AttributeReader(element)
        let attended = attributes.value("attended", .boolean, default: false, &checker)
        attributes.finish(&checker)
        guard let text = checker.expectText(element, required: "the number or extension to transfer to"),
              let target = checker.setting(text, Number.numberKind, of: element, what: "transfer target") else { return nil }
        return .transfer(Transfer(target: target, attended: attended, position: element.position))
    }
}
