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
public struct Element: Sendable {
    /// The local name, exactly as written (ConneXML is case-sensitive).
    public let name: String
    /// A namespace prefix (`twiml:Say`), nil for ordinary ConneXML.
    public let prefix: String?
    public let attributes: [Attribute]
    public let children: [Node]
    /// Where the start tag's `<` is.
    public let position: SourcePosition

    public init(name: String, prefix: String? = nil, attributes: [Attribute] = [],
                children: [Node] = [], position: SourcePosition) {
        self.name = name
        self.prefix = prefix
        self.attributes = attributes
        self.children = children
        self.position = position
    }

    /// The name as written, with its prefix.
    public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }

    public func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name && $0.prefix == nil }
    }

    /// The child elements, without text.
    public var childElements: [Element] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The text content of this element's direct text children, joined.
    public var text: String {
        var result = ""
        for case .text(let t) in children { result += t.value }
        return result
    }

    /// The first non-blank text child, if any.
    public var firstText: Text? {
        for case .text(let t) in children { return t }
        return nil
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
