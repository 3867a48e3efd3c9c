import Diagnostics

/// One complaint from libxml2 (or from the shim's own refusals), before it
/// is put into words a telephony admin understands.
struct ParseProblem {
    var code: Int
    var isWarning: Bool
    var line: Int
    var column: Int
    var libxmlMessage: String
    /// What libxml2 made `libxmlMessage` from (xmlError's str1…str3 and
    /// int1), so names and lines are taken from here and not read back out
    /// of the English; their meaning depends on `code`.
    var str1: String? = nil
    var str2: String? = nil
    var str3: String? = nil
    var int1 = 0

    // libxml2's xmlParserErrors values this layer explains in its own words.
    private enum LibXML2Code {
        static let documentStart = 3, documentEmpty = 4, documentEnd = 5
        static let invalidCharacter = 9, invalidEncoding = 81
        static let entityNoSemicolon = 23, entityUndeclared = 26, entityUndeclaredWarning = 27
        static let ltInAttribute = 38, attributeNotStarted = 39, attributeWithoutValue = 41
        static let attributeRedefined = 42, commentNotFinished = 45, hyphenInComment = 80
        static let spaceRequired = 65, nameRequired = 68, gtRequired = 73
        static let tagNameMismatch = 76, tagNotFinished = 77, extraContent = 86
        static let undefinedNamespace = 201
    }

    // The shim's refusals (CXMLShim.h).
    private enum ShimCode {
        static let doctype = -1, depth = -2, entityLoad = -3
    }

    func diagnostic(file: String, limits: ParseLimits, source: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let position = line > 0 ? SourcePosition(line: line, column: max(column, 0)) : nil
        /// libxml2 reports the column where it noticed the problem, often
        /// just past it; point at `needle` when it stands at or before that
        /// column on the same line.
        func back(to needle: String) -> SourcePosition? {
            guard let position else { return nil }
            return SourceLines.lastOccurrence(of: needle, onLine: position.line, atOrBefore: position.column, in: source)
                ?? position
        }
        func error(_ code: DiagnosticCode, _ message: String, at location: SourcePosition? = position, hint: String? = nil)
            -> Diagnostic
        {
            Diagnostic(.error, code, message, file: file, at: location, hint: hint)
        }
        let said = libxmlMessage.joinedIntoOneLine
        switch code {
        case ShimCode.doctype:
            return error(
                .doctypeNotAllowed, "DOCTYPE declarations are not allowed in ConneXML", at: back(to: "<!DOCTYPE"),
                hint:
                    "remove it: ConneXML needs no DTD, and the entities one declares could read local files or expand without bound"
            )
        case ShimCode.depth:
            return error(
                .tooDeeplyNested, "elements are nested more than \(limits.maximumDepth) levels deep",
                hint: "ConneXML scripts are shallow; this looks like a generated or hostile document")
        case ShimCode.entityLoad:
            return error(.externalEntity, "the document asks to load an external entity, which is not allowed")
        // libxml2 raises "xmlParseEntityRef: no name" with no field to tell
        // it from its other name-required errors (a bad element or
        // attribute name): only the message says it was at a '&'.
        case LibXML2Code.nameRequired where said.contains("EntityRef"):
            fallthrough
        case LibXML2Code.entityNoSemicolon:
            return error(
                .bareAmpersand, "a bare '&' is not allowed in XML", at: back(to: "&"),
                hint: "write '&amp;' instead, also inside URLs: ?a=1&amp;b=2")
        case LibXML2Code.entityUndeclared, LibXML2Code.entityUndeclaredWarning:
            let name = str1 ?? "?"
            return error(
                .unknownEntity, "unknown entity '&\(name);'", at: back(to: "&\(name)"),
                hint:
                    "XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#233;; a literal '&' is written '&amp;'"
            )
        // "attributes construct error" comes with no field either, and
        // space-required is also raised elsewhere ("Blank needed here" in
        // the XML declaration): again only the message tells. (libxml2
        // 2.9.14 raises it as space-required, then gt-required with
        // "Couldn't find end of Start Tag"; the gt-required case is kept for
        // versions that word it under that code.)
        case LibXML2Code.spaceRequired where said.contains("attributes construct"):
            fallthrough
        case LibXML2Code.gtRequired where said.contains("attributes construct"):
            return error(
                .attributeSyntax, "attributes must be separated by white space",
                hint: "write a space between attributes: numDigits=\"1\" timeout=\"5\"")
        case LibXML2Code.attributeNotStarted, LibXML2Code.attributeWithoutValue:
            return error(
                .attributeSyntax, "an attribute needs a value in quotes",
                hint: "write name=\"value\"")
        case LibXML2Code.ltInAttribute:
            return error(.attributeSyntax, "'<' is not allowed inside an attribute value", hint: "write '&lt;'")
        case LibXML2Code.attributeRedefined:
            let name = str1 ?? "an attribute"
            return error(.duplicateAttribute, "attribute '\(name)' is given twice")
        case LibXML2Code.commentNotFinished:
            return error(
                .unclosedComment, "comment is never closed",
                at: Self.unclosedCommentPosition(in: source) ?? position, hint: "end it with '-->'")
        case LibXML2Code.hyphenInComment:
            // Most often a comment left open (the documentation's own
            // `<!--Body of the code>`): the next `<!--` is then inside it.
            guard let comment = Self.commentWithDoubleHyphen(in: source) else { return error(.xmlSyntax, said) }
            if let next = comment.nextOpening {
                return error(
                    .unclosedComment, "comment is not closed before the '<!--' at line \(next.line)", at: comment.opening,
                    hint: "end it with '-->'")
            }
            return error(
                .xmlSyntax, "'--' is not allowed inside a comment", at: comment.opening,
                hint: "XML comments may not contain '--': write it differently, or end the comment with '-->'")
        case LibXML2Code.documentEnd, LibXML2Code.extraContent:
            return error(
                .contentAfterRoot, "content after the end of the root element",
                hint: "a document has exactly one root element: put every verb inside <Response>…</Response>")
        case LibXML2Code.tagNameMismatch:
            // "Opening and ending tag mismatch: Say line 3 and say": the
            // open element, its line, the closing tag's name.
            let opened = str1 ?? "?"
            let openedLine = int1
            let closed = str2 ?? "?"
            return error(
                .mismatchedTag, "closing tag </\(closed)> does not match <\(opened)> opened at line \(openedLine)",
                at: back(to: "</\(closed)"),
                hint: "element names are case-sensitive; close <\(opened)> with </\(opened)>")
        case LibXML2Code.tagNotFinished:
            // "Premature end of data in tag Response line 1": the open
            // element and its line.
            let opened = str1 ?? "?"
            let openedLine = int1
            let openedAt = SourceLines.lastOccurrence(of: "<\(opened)", onLine: openedLine, atOrBefore: Int.max, in: source)
            return error(
                .unclosedElement, "<\(opened)> opened at line \(openedLine) is never closed", at: openedAt ?? position,
                hint: "add </\(opened)>, or write it self-closing as <\(opened)/>")
        case LibXML2Code.documentStart:
            return error(.notXml, "this is not an XML document: expected '<Response>'")
        case LibXML2Code.documentEmpty:
            // Our own check caught truly empty files; libxml2 says "empty"
            // when the bytes do not start like XML at all.
            return error(.notXml, "this is not an XML document: expected '<Response>'")
        case LibXML2Code.invalidCharacter, LibXML2Code.invalidEncoding:
            return error(
                .invalidCharacter, said.isEmpty ? "invalid character" : said,
                hint: "save the file as UTF-8, without control characters")
        case LibXML2Code.undefinedNamespace:
            return error(.xmlSyntax, said, hint: "ConneXML elements have no namespace prefix")
        default:
            return error(.xmlSyntax, said.isEmpty ? "the document is not well-formed XML" : said)
        }
    }

    /// The first comment with `--` inside it, where it opens, and where a
    /// `<!--` starts inside it (nil when the `--` is something else).
    private static func commentWithDoubleHyphen(in source: UnsafeBufferPointer<UInt8>)
        -> (opening: SourcePosition, nextOpening: SourcePosition?)?
    {
        let bytes = Array(source)
        func position(of offset: Int) -> SourcePosition {
            let before = bytes[..<offset]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            // Columns count characters: UTF-8 continuation bytes are not one.
            let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return SourcePosition(line: line, column: column)
        }
        func matches(_ text: String, at offset: Int) -> Bool {
            let pattern = Array(text.utf8)
            return offset >= 0 && offset + pattern.count <= bytes.count
                && Array(bytes[offset..<offset + pattern.count]) == pattern
        }
        var i = 0
        while i + 4 <= bytes.count {
            guard matches("<!--", at: i) else {
                i += 1
                continue
            }
            var j = i + 4
            while j + 2 <= bytes.count {
                if matches("-->", at: j) { break }
                if matches("--", at: j) {
                    return (position(of: i), matches("<!--", at: j - 2) ? position(of: j - 2) : nil)
                }
                j += 1
            }
            i = j + 3
        }
        return nil
    }

    /// libxml2 reports an unclosed comment at the end of the file; the useful
    /// place is the `<!--` that never ends.
    private static func unclosedCommentPosition(in source: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        let text = String(decoding: source, as: UTF8.self)
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstRange(of: "<!--") {
            guard let close = text[open.upperBound...].firstRange(of: "-->") else {
                let before = text[..<open.lowerBound]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                return SourcePosition(line: line, column: text.unicodeScalars[lineStart..<open.lowerBound].count + 1)
            }
            searchFrom = close.upperBound
        }
        return nil
    }
}

extension Diagnostic {
    static func fileTooLarge(file: String, limit: Int) -> Diagnostic {
        Diagnostic(
            .error, .fileTooLarge, "the document is larger than the limit of \(limit) bytes",
            file: file, at: nil, hint: "ConneXML scripts are small; split the call flow with <Redirect>")
    }

    static func emptyDocument(file: String) -> Diagnostic {
        Diagnostic(.error, .emptyDocument, "the document is empty: expected <Response>", file: file, at: nil)
    }
}

extension String {
    /// libxml2's messages end in a line feed, and some have two lines
    /// ("Input is not proper UTF-8, indicate encoding !\nBytes: 0xC3 0x28 ...");
    /// a diagnostic is one line, so each line is trimmed and they are joined
    /// with a space.
    var joinedIntoOneLine: String {
        split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension DiagnosticCode {
    /// A DOCTYPE declaration (refused: entity attacks).
    public static let doctypeNotAllowed: DiagnosticCode = "doctype-not-allowed"
    /// Elements nested over the depth limit.
    public static let tooDeeplyNested: DiagnosticCode = "too-deeply-nested"
    /// An attempt to load an external entity (refused).
    public static let externalEntity: DiagnosticCode = "external-entity"
    /// A '&' that should be written '&amp;'.
    public static let bareAmpersand: DiagnosticCode = "bare-ampersand"
    /// An entity such as '&nbsp;' that XML does not define.
    public static let unknownEntity: DiagnosticCode = "unknown-entity"
    /// Attributes run together, unquoted, or with '<' in a value.
    public static let attributeSyntax: DiagnosticCode = "attribute-syntax"
    /// The same attribute (or two aliases of it) given twice.
    public static let duplicateAttribute: DiagnosticCode = "duplicate-attribute"
    /// A '<!--' never closed with '-->'.
    public static let unclosedComment: DiagnosticCode = "unclosed-comment"
    /// Any other XML well-formedness error, in libxml2's words.
    public static let xmlSyntax: DiagnosticCode = "xml-syntax"
    /// Elements or text after '</Response>'.
    public static let contentAfterRoot: DiagnosticCode = "content-after-root"
    /// A closing tag that does not match the open element.
    public static let mismatchedTag: DiagnosticCode = "mismatched-tag"
    /// The file ends inside an element.
    public static let unclosedElement: DiagnosticCode = "unclosed-element"
    /// The file does not start like an XML document.
    public static let notXml: DiagnosticCode = "not-xml"
    /// Bytes that are not valid characters.
    public static let invalidCharacter: DiagnosticCode = "invalid-character"
    /// The document is over the size limit.
    public static let fileTooLarge: DiagnosticCode = "file-too-large"
    /// The file is empty or only white space.
    public static let emptyDocument: DiagnosticCode = "empty-document"
}
