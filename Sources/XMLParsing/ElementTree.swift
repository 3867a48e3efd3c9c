import Diagnostics

/// A well-formed XML document as plain Swift values: no libxml2 pointer
/// survives the parse, so a document is freely shared between concurrent calls.
public struct ParsedDocument: Sendable {
    /// The file as the user named it (used in diagnostics).
    public let file: String
    public let root: Element
    /// Comments, processing instructions and blank text are dropped; this
    /// says whether the positions are exact (false for encodings other than
    /// UTF-8 and ASCII, where only lines are known).
    public let hasColumns: Bool
}

/// An element with its attributes and children, in document order.
///
/// An element is a place in its document's tree, which keeps every
/// element, attribute and text of the document in a few arrays (see
/// `ElementStorage`): building a tree is a few appends per element, not
/// an allocation or two, copying an element is one reference, and freeing
/// a document is freeing those arrays.
public struct Element: Sendable {
    let tree: ElementStorage
    let index: Int

    init(tree: ElementStorage, index: Int) {
        self.tree = tree
        self.index = index
    }

    public init(
        name: String, prefix: String? = nil, attributes: [Attribute] = [],
        children: [Node] = [], position: SourcePosition
    ) {
        var builder = TreeBuilder()
        builder.startElement(name: name, prefix: prefix, position: position)
        for attribute in attributes { builder.appendAttribute(attribute) }
        for child in children {
            switch child {
            case .element(let element): builder.appendCopy(of: element)
            case .text(let text): builder.appendText(text)
            }
        }
        builder.endElement()
        self = builder.finish()!
    }

    /// The local name, exactly as written (ConneXML is case-sensitive).
    public var name: String { tree.name(tree.elements[index].name) }
    /// A namespace prefix (`twiml:Say`), nil for ordinary ConneXML.
    public var prefix: String? { tree.prefix(tree.elements[index].prefix) }
    /// Where the start tag's `<` is.
    public var position: SourcePosition { tree.elements[index].position.value }

    public var attributes: Attributes {
        Attributes(
            tree: tree, start: Int(tree.elements[index].firstAttribute),
            count: Int(tree.elements[index].attributeCount))
    }

    public var children: Children {
        Children(tree: tree, start: Int(tree.elements[index].firstChild), count: Int(tree.elements[index].childCount))
    }

    /// The name as written, with its prefix.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    public func attribute(_ name: String) -> Attribute? {
        attributeIndex(name).map { tree.attribute(Int(tree.elements[index].firstAttribute) + $0) }
    }

    /// The value and position of the attribute `name` without a prefix:
    /// what a reader of values needs, without building the `Attribute`
    /// (its name and prefix are two retains and two releases, for every
    /// attribute the checker reads).
    public func attributeValue(_ name: String) -> (value: String, position: SourcePosition)? {
        guard let found = attributeIndex(name) else { return nil }
        return attributeValue(at: found)
    }

    /// The value and position of the attribute at `offset` in `attributes`.
    public func attributeValue(at offset: Int) -> (value: String, position: SourcePosition) {
        let record = tree.elements[index]
        precondition(offset >= 0 && offset < Int(record.attributeCount), "attribute index out of range")
        let attribute = tree.attributes[Int(record.firstAttribute) + offset]
        return (attribute.value, attribute.position.value)
    }

    /// Where the attribute `name` without a prefix is among `attributes`.
    public func attributeIndex(_ name: String) -> Int? {
        let record = tree.elements[index]
        let start = Int(record.firstAttribute)
        let end = start + Int(record.attributeCount)
        // Through buffer pointers: the names are compared where they are,
        // not copied out of the arrays (a retain and a release per name);
        // most are told apart by their lengths alone.
        let length = name.utf8.count
        return tree.attributes.withUnsafeBufferPointer { attributes in
            tree.nameLengths.withUnsafeBufferPointer { lengths in
                tree.names.withUnsafeBufferPointer { names in
                    for i in start..<end {
                        let id = Int(attributes[i].name)
                        if attributes[i].prefix < 0, lengths[id] == length, names[id] == name { return i - start }
                    }
                    return nil
                }
            }
        }
    }

    /// The child elements, without text.
    public var childElements: [Element] {
        var elements: [Element] = []
        for child in childReferences where !child.isText {
            elements.append(Element(tree: tree, index: child.index))
        }
        return elements
    }

    /// Whether any child is an element (without building `childElements`).
    public var hasChildElements: Bool { childReferences.contains { !$0.isText } }

    /// The text content of this element's direct text children, joined.
    public var text: String {
        var result = ""
        for child in childReferences where child.isText { result += tree.texts[child.index].value }
        return result
    }

    /// The first non-blank text child, if any.
    public var firstText: Text? {
        for child in childReferences where child.isText { return tree.texts[child.index] }
        return nil
    }

    /// The references to this element's children in its tree.
    private var childReferences: ArraySlice<ChildReference> {
        let first = Int(tree.elements[index].firstChild)
        return tree.children[first..<first + Int(tree.elements[index].childCount)]
    }

    /// An element's attributes, in document order.
    public struct Attributes: RandomAccessCollection, Sendable {
        let tree: ElementStorage
        let start: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> Attribute {
            precondition(position >= 0 && position < count, "attribute index out of range")
            return tree.attribute(start + position)
        }
    }

    /// An element's children (elements and non-blank text), in document order.
    public struct Children: RandomAccessCollection, Sendable {
        let tree: ElementStorage
        let start: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> Node {
            precondition(position >= 0 && position < count, "child index out of range")
            let child = tree.children[start + position]
            return child.isText ? .text(tree.texts[child.index]) : .element(XMLParsing.Element(tree: tree, index: child.index))
        }
    }
}

/// An attribute as written, with the position of its name.
public struct Attribute: Sendable {
    public let name: String
    public let prefix: String?
    public let value: String
    public let position: SourcePosition

    public init(name: String, prefix: String? = nil, value: String, position: SourcePosition) {
        self.name = name
        self.prefix = prefix
        self.value = value
        self.position = position
    }

    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

/// A run of character data that is not only white space (entities and CDATA
/// already resolved), positioned at its first non-blank character.
public struct Text: Sendable {
    public let value: String
    public let position: SourcePosition

    public init(value: String, position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

public enum Node: Sendable {
    case element(Element)
    case text(Text)
}
