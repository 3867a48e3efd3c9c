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
        checker.forEachChild(of: element, allowing: [SetVariable.elementName]) { e, checker in
            if let set = SetVariable.checkSet(e, &checker) { sets.append(set) }
        }
        return sets
    }
}

extension Before: ElementDocumentation {
    static let reference = ElementReference(
        summary: "A block of `<Set>` elements that run before anything else in the document, wherever it stands.",
        run: "Its `<Set>`s run first, in document order, before the first verb.")
}
