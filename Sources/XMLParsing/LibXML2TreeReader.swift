internal import CXMLShim
import Diagnostics

/// The reference reading: libxml2 builds its own tree, which is walked into
/// Swift values and freed. `LibXML2Reader` reads the same documents from
/// parse events without that tree (faster, in far less memory); the tests
/// hold the two to the same outcome on every sample and on mutated ones.
enum LibXML2TreeReader {
    /// Problems libxml2 reported during one parse, collected through the
    /// per-parse callback (never libxml2's global last-error).
    private final class ProblemCollector {
        var problems: [ParseProblem] = []
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits) -> XMLParser.Outcome {
        let collector = ProblemCollector()
        let document: OpaquePointer? = withExtendedLifetime(collector) {
            let context = Unmanaged.passUnretained(collector).toOpaque()
            return bytes.withMemoryRebound(to: CChar.self) { chars in
                cxml_parse(chars.baseAddress, Int32(chars.count), file, Int32(limits.maximumDepth), context) { context, problem in
                    Unmanaged<ProblemCollector>.fromOpaque(context!).takeUnretainedValue().problems.append(
                        ParseProblem(problem!.pointee))
                }
            }
        }
        guard let document else {
            return LibXML2Reader.failure(collector.problems, file: file, limits: limits, source: bytes)
        }
        defer { cxml_document_free(document) }
        guard let root = cxml_document_root(document) else {
            return .failure([.emptyDocument(file: file)])
        }
        var walker = TreeWalker(bytes: bytes)
        walker.element(root)
        return .document(ParsedDocument(file: file, root: walker.tree.finish()!, hasColumns: walker.locator != nil))
    }

    /// Walks the C tree depth-first, in document order, in step with the
    /// source locator.
    private struct TreeWalker {
        var locator: SourceLocator?
        var tree = TreeBuilder()

        init(bytes: UnsafeBufferPointer<UInt8>) {
            locator = SourceLocator.canLocate(bytes) ? SourceLocator(bytes: bytes) : nil
        }

        mutating func element(_ node: OpaquePointer) {
            let name = String(cString: cxml_node_name(node))
            let prefix = cxml_node_prefix(node).map { String(cString: $0) }
            let qualifiedName = prefix.map { "\($0):\(name)" } ?? name
            let libxmlLine = SourcePosition(line: cxml_node_line(node), column: 0)

            var position = libxmlLine
            var attributePositions: [SourcePosition] = []
            if locator != nil {
                if let tag = locator!.nextStartTag(named: qualifiedName) {
                    position = tag.position
                    attributePositions = tag.attributes
                } else {
                    locator = nil  // the source and the tree disagree: fall back to lines
                }
            }

            tree.startElement(name: name, prefix: prefix, position: position)
            var attribute = cxml_node_first_attribute(node)
            var index = 0
            while let current = attribute {
                var owned: Int32 = 0
                let rawValue = cxml_attribute_value(current, &owned)!
                let value = String(cString: rawValue)
                if owned != 0 { cxml_free(rawValue) }
                tree.appendAttribute(
                    Attribute(
                        name: String(cString: cxml_attribute_name(current)),
                        prefix: cxml_attribute_prefix(current).map { String(cString: $0) },
                        value: value,
                        position: index < attributePositions.count ? attributePositions[index] : position))
                index += 1
                attribute = cxml_attribute_next(current)
            }

            var child = cxml_node_first_child(node)
            while let current = child {
                switch cxml_node_kind_of(current) {
                case CXML_NODE_ELEMENT:
                    element(current)
                case CXML_NODE_TEXT where cxml_node_is_blank(current) == 0:
                    let value = String(cString: cxml_node_content(current))
                    var textPosition = SourcePosition(line: cxml_node_line(current), column: 0)
                    if locator != nil {
                        if let located = locator!.nextText() { textPosition = located } else { locator = nil }
                    }
                    tree.appendText(Text(value: value, position: textPosition))
                default:
                    break  // comments, processing instructions, blank text
                }
                child = cxml_node_next_sibling(current)
            }
            tree.endElement()
        }
    }
}
