import Diagnostics
import XMLParsing

/// `<Before><Set …/>…</Before>`: `Set` elements run before anything else in
/// the document, wherever the block stands. Only in `<Response>`; the script
/// keeps the `Set`s, not the block.
enum Before {
    static let elementName = "Before"

    static func check(_ element: Element, _ checker: inout Checker) -> [SetVariable] {
        AttributeReader(element).finish(&checker)
        var sets: [SetVariable] = []
        for child in element.children {
            switch child {
            case .text(let text):
                checker.error("stray-text", "<Before> takes only <Set>, not text: \(Checker.quote(text.value))", at: text.position)
            case .element(let e) where e.prefix == nil && e.name == SetVariable.elementName:
                if let set = SetVariable.checkSet(e, &checker) { sets.append(set) }
            case .element(let e):
                checker.error("invalid-child", "<Before> takes only <Set>, not <\(e.qualifiedName)>", at: e.position)
            }
        }
        return sets
    }
}
