internal import CXMLShim
import Diagnostics

/// The only Swift code that drives libxml2 (through CXMLShim's opaque
/// interface). libxml2 reads the document and reports it as events; the
/// Swift tree is built from them directly, with no libxml2 tree in between
/// to build, walk and free.
enum LibXML2Reader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits) -> XMLParser.Outcome {
        var builder = EventTreeBuilder(source: bytes)
        let wellFormed: Bool = withUnsafeMutablePointer(to: &builder) { builder in
            var handlers = cxml_event_handlers(
                start_element: { context, name, prefix, count, attributes, line in
                    EventTreeBuilder.from(context).pointee.startElement(
                        name: name!, prefix: prefix, attributeCount: Int(count), attributes: attributes, line: line)
                },
                end_element: { context in EventTreeBuilder.from(context).pointee.endElement() },
                characters: { context, bytes, length, line in
                    EventTreeBuilder.from(context).pointee.characters(bytes!, count: Int(length), line: line)
                },
                text_boundary: { context in EventTreeBuilder.from(context).pointee.textBoundary() })
            return bytes.withMemoryRebound(to: CChar.self) { chars in
                cxml_parse_events(
                    chars.baseAddress, Int32(chars.count), file, Int32(limits.maximumDepth), builder,
                    { context, problem in
                        EventTreeBuilder.from(context).pointee.problems.append(ParseProblem(problem!.pointee))
                    }, &handlers) != 0
            }
        }
        builder.parseEnded()
        guard wellFormed else { return failure(builder.problems, file: file, limits: limits, source: bytes) }
        guard let root = builder.root else { return .failure([.emptyDocument(file: file)]) }
        return .document(ParsedDocument(file: file, root: root, hasColumns: builder.hasColumns))
    }

    /// The outcome of a document libxml2 did not accept.
    static func failure(
        _ problems: [ParseProblem], file: String, limits: ParseLimits,
        source: UnsafeBufferPointer<UInt8>
    ) -> XMLParser.Outcome {
        var failures = problems.filter { !$0.isWarning }
        if failures.isEmpty {
            failures = [
                ParseProblem(code: 1, isWarning: false, line: 0, column: 0, libxmlMessage: "the document could not be read")
            ]
        }
        // The first error is the real one: libxml2 does not recover, and
        // what it says after a fatal error is mostly a consequence of it.
        return .failure([failures[0].diagnostic(file: file, limits: limits, source: source)])
    }
}

extension ParseProblem {
    /// A problem as the shim reports it (`level` 1 is a warning), copied
    /// out of the C strings that live only during the callback.
    init(_ problem: cxml_problem) {
        self.init(
            code: Int(problem.code), isWarning: problem.level == 1, line: Int(problem.line), column: Int(problem.column),
            libxmlMessage: problem.message.map { String(cString: $0) } ?? "",
            str1: problem.str1.map { String(cString: $0) }, str2: problem.str2.map { String(cString: $0) },
            str3: problem.str3.map { String(cString: $0) }, int1: Int(problem.int1))
    }
}
