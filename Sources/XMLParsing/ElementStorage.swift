import Diagnostics

/// Every element, attribute and text of one document, each kind in one
/// array of small records. Elements are in document order (start tags);
/// an element's attributes, and the references to its children, are
/// contiguous runs. Names are stored once per document and referred to by
/// number; positions as 32-bit line and column (libxml2 counts in `int`).
final class ElementStorage: Sendable {
    let names: [String]
    /// Each name's length in UTF-8 bytes: most names looked at by
    /// `Element.attributeIndex` are not the one asked for, and their
    /// lengths alone tell (read here, not decoded from each string).
    let nameLengths: [Int]
    let elements: [ElementRecord]
    let attributes: [AttributeRecord]
    let texts: [Text]
    let children: [ChildReference]

    init(
        names: [String], elements: [ElementRecord], attributes: [AttributeRecord], texts: [Text],
        children: [ChildReference]
    ) {
        self.names = names
        nameLengths = names.map(\.utf8.count)
        self.elements = elements
        self.attributes = attributes
        self.texts = texts
        self.children = children
    }

    func name(_ id: Int32) -> String { names[Int(id)] }
    func prefix(_ id: Int32) -> String? { id < 0 ? nil : names[Int(id)] }

    func attribute(_ index: Int) -> Attribute {
        let record = attributes[index]
        return Attribute(
            name: name(record.name), prefix: prefix(record.prefix), value: record.value,
            position: record.position.value)
    }
}

/// A position in 8 bytes instead of 16.
struct CompactPosition: Sendable {
    private let line: Int32
    private let column: Int32

    init(_ position: SourcePosition) {
        line = Int32(clamping: position.line)
        column = Int32(clamping: position.column)
    }

    var value: SourcePosition { SourcePosition(line: Int(line), column: Int(column)) }
}

struct ElementRecord: Sendable {
    /// Indexes in `names`; a prefix of -1 is none.
    var name: Int32
    var prefix: Int32
    var position: CompactPosition
    var firstAttribute: Int32
    var attributeCount: Int32 = 0
    var firstChild: Int32 = 0
    var childCount: Int32 = 0
}

struct AttributeRecord: Sendable {
    var value: String
    var name: Int32
    var prefix: Int32
    var position: CompactPosition
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
    private var names = DocumentNames()
    private var elements: [ElementRecord] = []
    private var attributes: [AttributeRecord] = []
    private var texts: [Text] = []
    private var children: [ChildReference] = []
    /// The children of the open elements: the first `waitingCount` of
    /// `waiting`, which is kept, never shrunk (removing from an array, even
    /// its last elements, went through generic code at about 90
    /// instructions a call).
    private var waiting: [ChildReference] = []
    private var waitingCount = 0
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

    /// The number of `name` in this document's names.
    mutating func nameID(_ name: String) -> Int32 {
        var name = name
        return name.withUTF8 { names.number(of: UnsafeRawBufferPointer($0)) }
    }

    /// The same, for the name's UTF-8 bytes.
    mutating func nameID(_ bytes: UnsafeRawBufferPointer) -> Int32 { names.number(of: bytes) }

    mutating func startElement(name: String, prefix: String?, position: SourcePosition) {
        startElement(name: nameID(name), prefix: prefix.map { nameID($0) } ?? -1, position: position)
    }

    /// With names as `nameID` numbered them (a prefix of -1 is none).
    mutating func startElement(name: Int32, prefix: Int32, position: SourcePosition) {
        open.append((elements.count, waitingCount))
        elements.append(
            ElementRecord(
                name: name, prefix: prefix, position: CompactPosition(position),
                firstAttribute: Int32(attributes.count)))
    }

    /// An attribute of the element started last (before any of its children).
    mutating func appendAttribute(_ attribute: Attribute) {
        appendAttribute(
            name: nameID(attribute.name), prefix: attribute.prefix.map { nameID($0) } ?? -1,
            value: attribute.value, position: attribute.position)
    }

    mutating func appendAttribute(name: Int32, prefix: Int32, value: consuming String, position: SourcePosition) {
        attributes.append(AttributeRecord(value: value, name: name, prefix: prefix, position: CompactPosition(position)))
        elements[elements.count - 1].attributeCount += 1
    }

    mutating func appendText(_ text: Text) {
        wait(.text(texts.count))
        texts.append(text)
    }

    mutating func endElement() {
        guard let (element, first) = open.popLast() else { return }
        elements[element].firstChild = Int32(children.count)
        elements[element].childCount = Int32(waitingCount - first)
        // An element has a few children: appended one by one (appending
        // a slice went through generic code at about 90 instructions).
        for index in first..<waitingCount { children.append(waiting[index]) }
        waitingCount = first
        if open.isEmpty { finishedRoot = true } else { wait(.element(element)) }
    }

    @inline(__always)
    private mutating func wait(_ child: ChildReference) {
        if waitingCount < waiting.count { waiting[waitingCount] = child } else { waiting.append(child) }
        waitingCount += 1
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
        let storage = ElementStorage(
            names: names.strings, elements: elements, attributes: attributes, texts: texts,
            children: children)
        return Element(tree: storage, index: 0)
    }
}
