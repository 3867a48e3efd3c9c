import Diagnostics

/// Every element, attribute and text of one document, each kind in one
/// array. Elements are in document order (start tags); an element's
/// attributes, and the references to its children, are contiguous runs.
final class ElementStorage: Sendable {
    let elements: [ElementRecord]
    let attributes: [Attribute]
    let texts: [Text]
    let children: [ChildReference]

    init(elements: [ElementRecord], attributes: [Attribute], texts: [Text], children: [ChildReference]) {
        self.elements = elements
        self.attributes = attributes
        self.texts = texts
        self.children = children
    }
}

struct ElementRecord: Sendable {
    var name: String
    var prefix: String?
    var position: SourcePosition
    var firstAttribute: Int32
    var attributeCount: Int32 = 0
    var firstChild: Int32 = 0
    var childCount: Int32 = 0
}

/// An element (by its index in `elements`) or a text (in `texts`).
struct ChildReference: Sendable {
    private let raw: Int32
    static func element(_ index: Int) -> ChildReference { ChildReference(raw: Int32(index)) }
    static func text(_ index: Int) -> ChildReference { ChildReference(raw: ~Int32(index)) }
    var isText: Bool { raw < 0 }
    var index: Int { Int(raw < 0 ? ~raw : raw) }
}

/// Builds an `ElementStorage` from a document read in order: an element's
/// start (then its attributes), its children, its end. The children of the
/// elements still open wait on a stack, and move into `children` as one
/// run when their parent ends.
struct TreeBuilder {
    private var elements: [ElementRecord] = []
    private var attributes: [Attribute] = []
    private var texts: [Text] = []
    private var children: [ChildReference] = []
    private var waiting: [ChildReference] = []
    /// The open elements, innermost last, with where their children start
    /// in `waiting`.
    private var open: [(element: Int, firstWaiting: Int)] = []
    private var finishedRoot = false

    init() {}

    /// Room for a document of `bytes` bytes, so the arrays rarely grow:
    /// capacity never used is address space, not memory.
    init(expectedBytes bytes: Int) {
        elements.reserveCapacity(bytes / 48 + 4)
        attributes.reserveCapacity(bytes / 32 + 4)
        texts.reserveCapacity(bytes / 96 + 4)
        children.reserveCapacity(bytes / 40 + 4)
        waiting.reserveCapacity(256)
        open.reserveCapacity(64)
    }

    mutating func startElement(name: String, prefix: String?, position: SourcePosition) {
        open.append((elements.count, waiting.count))
        elements.append(ElementRecord(name: name, prefix: prefix, position: position,
                                      firstAttribute: Int32(attributes.count)))
    }

    /// An attribute of the element started last (before any of its children).
    mutating func appendAttribute(_ attribute: Attribute) {
        attributes.append(attribute)
        elements[elements.count - 1].attributeCount += 1
    }

    mutating func appendText(_ text: Text) {
        waiting.append(.text(texts.count))
        texts.append(text)
    }

    mutating func endElement() {
        guard let (element, first) = open.popLast() else { return }
        elements[element].firstChild = Int32(children.count)
        elements[element].childCount = Int32(waiting.count - first)
        children.append(contentsOf: waiting[first...])
        waiting.removeSubrange(first...)
        if open.isEmpty { finishedRoot = true } else { waiting.append(.element(element)) }
    }

    /// A child element that belongs to another tree, copied with its subtree.
    mutating func appendCopy(of element: Element) {
        startElement(name: element.name, prefix: element.prefix, position: element.position)
        for attribute in element.attributes { appendAttribute(attribute) }
        for child in element.children {
            switch child {
            case .element(let e): appendCopy(of: e)
            case .text(let t): appendText(t)
            }
        }
        endElement()
    }

    /// The root element, once it has ended; nil before.
    func finish() -> Element? {
        guard finishedRoot else { return nil }
        let storage = ElementStorage(elements: elements, attributes: attributes, texts: texts, children: children)
        return Element(tree: storage, index: 0)
    }
}
