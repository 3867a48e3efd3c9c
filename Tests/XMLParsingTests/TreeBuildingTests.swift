import Diagnostics
import TestSupport
import Testing

@testable import XMLParsing

/// What the event tree builder's short cuts must not change: columns on
/// lines that are ASCII only up to a point, names numbered by their bytes
/// and found by libxml2's addresses, and positions that point where they
/// say, checked against the source itself rather than against the locator.
@Suite struct TreeBuildingTests {
    /// On an ASCII line a column is a subtraction; once a line has had a
    /// multi-byte character, characters are counted. Positions before and
    /// after the first such character of a line, on lines in turn ASCII and
    /// not.
    @Test func columnsOnLinesThatTurnNonASCII() throws {
        let text =
            "<Response>\n<Say a=\"1\" b=\"x\">é</Say><Play c=\"2\"/>\n<Pause d=\"ü\" e=\"3\"/>\n"
            + "<Say f=\"plain\">ascii</Say>\n<Say g=\"日本\" h=\"1\">語</Say>\n</Response>\n"
        let root = try parseDocument(text).root
        let elements = root.childElements
        #expect(elements.map(\.position) == [at(2, 1), at(2, 25), at(3, 1), at(4, 1), at(5, 1)])
        #expect(elements[0].attributes.map(\.position) == [at(2, 6), at(2, 12)])
        #expect(elements[0].firstText?.position == at(2, 18))
        #expect(elements[1].attributes.map(\.position) == [at(2, 31)])  // past the é: 31 characters, 32 bytes
        #expect(elements[2].attributes.map(\.position) == [at(3, 8), at(3, 14)])
        #expect(elements[3].attributes.map(\.position) == [at(4, 6)])
        #expect(elements[3].firstText?.position == at(4, 16))
        #expect(elements[4].attributes.map(\.position) == [at(5, 6), at(5, 13)])
        #expect(elements[4].firstText?.position == at(5, 19))
    }

    /// Line feeds are found once each, and columns counted once per byte,
    /// however many positions a long line has, ASCII or not.
    @Test func lineAndColumnWorkIsLinearOnLongLines() {
        for value in ["x", "é"] {
            var text = "<Response>"
            for i in 0..<5_000 { text += #"<Say a="\#(value)" b="\#(i)">t</Say>"# }
            text += "</Response>\n<Say/>\n"
            let bytes = Array(text.utf8)
            let (columns, lines, located) = bytes.withUnsafeBufferPointer { buffer in
                var locator = SourceLocator(bytes: buffer)
                var located = 0
                for name in ["Response"] + Array(repeating: "Say", count: 5_001) {
                    guard locator.nextStartTag(named: name) != nil,
                        name == "Response" || locator.nextText() != nil || located == 5_001
                    else { break }
                    located += 1
                }
                return (locator.columnBytesScanned, locator.lineBytesScanned, located)
            }
            #expect(located == 5_002)
            #expect(columns <= bytes.count, "\(value): \(columns) bytes looked at for columns, of \(bytes.count)")
            #expect(lines <= bytes.count, "\(value): \(lines) bytes looked at for line feeds, of \(bytes.count)")
        }
    }

    /// Names that Unicode calls equivalent but that are different bytes (é
    /// as one code point, and as e with a combining accent) are different
    /// names to libxml2; each is kept as written, in the tree read from a
    /// document and in one built in code.
    @Test func equivalentButDifferentNamesStayAsWritten() throws {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        let root = try parseDocument(
            "<Response><\(composed) \(composed)=\"1\" \(decomposed)=\"2\"/><\(decomposed)/></Response>"
        ).root
        #expect(root.childElements.map { Array($0.name.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])
        #expect(root.childElements[0].attributes.map { Array($0.name.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])

        let built = Element(
            name: composed,
            attributes: [
                Attribute(name: composed, value: "1", position: at(1, 1)),
                Attribute(name: decomposed, value: "2", position: at(1, 1)),
            ],
            children: [.element(Element(name: decomposed, position: at(1, 1)))], position: at(1, 1))
        #expect(built.attributes.map { Array($0.name.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])
        #expect(built.childElements.map { Array($0.name.utf8) } == [Array(decomposed.utf8)])
    }

    /// Hundreds of distinct element, attribute and prefix names, each seen
    /// twice (the second time found by address): no two are merged, and
    /// the tables grow past their first sizes.
    @Test func manyDistinctNamesStayDistinct() throws {
        var text = #"<Response xmlns:p="urn:p">"#
        for round in 0..<2 {
            for i in 0..<300 {
                text += #"<e\#(i) a\#(i)="\#(round)" p:b\#(i)="x"/>"#
            }
        }
        text += "</Response>"
        let root = try parseDocument(text).root
        let children = root.childElements
        #expect(children.count == 600)
        for (index, element) in children.enumerated() {
            let i = index % 300
            #expect(element.name == "e\(i)")
            #expect(element.attributes.map(\.qualifiedName) == ["a\(i)", "p:b\(i)"])
        }
    }

    /// Every position of every sample and of generated documents (ASCII
    /// and multi-byte lines, CR LF, byte-order marks, namespaces, comments,
    /// CDATA) points at what it positions: the `<` of its start tag, the
    /// attribute's name, a text's first character that is not white space.
    @Test func positionsPointAtWhatTheyPosition() throws {
        var documents = EventParseEquivalenceTests.corpus.map(\.bytes)
        var random = SeededRandom(seed: 0x7EE_B11D)
        for _ in 0..<1_500 { documents.append(Array(Self.generatedDocument(&random).utf8)) }
        var checked = 0
        for source in documents {
            guard case .document(let document) = XMLParser.parse(source, file: "t.xml"), document.hasColumns else { continue }
            checked += 1
            expectPositions(of: document.root, in: source)
        }
        #expect(checked > 1_400, "only \(checked) documents")
    }

    private func expectPositions(of element: Element, in source: [UInt8]) {
        let at = offset(of: element.position, in: source)
        #expect(
            at.map { startsWith(source, at: $0, "<" + element.qualifiedName) } == true,
            "\(element.qualifiedName) at \(element.position)")
        for attribute in element.attributes {
            let at = offset(of: attribute.position, in: source)
            #expect(
                at.map { startsWith(source, at: $0, attribute.qualifiedName) } == true,
                "\(attribute.qualifiedName) at \(attribute.position)")
        }
        for child in element.children {
            switch child {
            case .element(let e): expectPositions(of: e, in: source)
            case .text(let t):
                let at = offset(of: t.position, in: source)
                let byte = at.flatMap { $0 < source.count ? source[$0] : nil }
                #expect(
                    byte.map { ![0x20, 0x09, 0x0A, 0x0D, 0x3C].contains($0) } == true,
                    "text \(t.value.debugDescription) at \(t.position)")
            }
        }
    }

    private func startsWith(_ source: [UInt8], at offset: Int, _ prefix: String) -> Bool {
        source[offset...].starts(with: Array(prefix.utf8))
    }

    /// The offset of `position`, counted the slow, obvious way: lines after
    /// line feeds (line 1 after a byte-order mark), columns in characters.
    private func offset(of position: SourcePosition, in source: [UInt8]) -> Int? {
        var i = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for _ in 1..<max(position.line, 1) {
            guard let lineFeed = source[i...].firstIndex(of: 0x0A) else { return nil }
            i = lineFeed + 1
        }
        for _ in 1..<max(position.column, 1) {
            guard i < source.count, source[i] != 0x0A else { return nil }
            i += 1
            while i < source.count, source[i] & 0xC0 == 0x80 { i += 1 }
        }
        return i
    }

    /// A well-formed document with lines of every kind.
    static func generatedDocument(_ random: inout SeededRandom) -> String {
        let names = ["Say", "Play", "é", "日本", "a", "p:Say", "t:Play", "Ünï", "xmlnsX"]
        let attributes = ["a", "loop", "é", "t:x", "p:y", "xml:lang", "xmlnsfoo", "日"]
        let values = ["1", "é", "&amp;", "&#233;x", "日本語 text", "", "&lt;a&gt;", "x&#38;y", "😀", "a\"b"]
        let spaces = [" ", "\n", "\r\n", "\t", "  \n  ", "\n\n"]
        let texts = ["hi", "é", "  ", "\n  ", "a &amp; b", "<![CDATA[ ü ]]>", "<!-- ö -->", "<?pi ä?>", "日本", "x\ny"]
        func pick(_ list: [String], _ random: inout SeededRandom) -> String { list[random.next(below: list.count)] }
        func element(_ out: inout String, _ random: inout SeededRandom, depth: Int) {
            let name = depth == 0 ? "Response" : pick(names, &random)
            out += "<" + name
            if depth == 0 { out += #" xmlns:p="urn:p" xmlns:t='urn:t'"# }
            var used: Set<String> = []
            for _ in 0..<random.next(below: 4) {
                let attribute = pick(attributes, &random)
                guard used.insert(attribute).inserted else { continue }
                let value = pick(values, &random)
                out += pick(spaces, &random) + attribute
                out += value.contains("\"") ? " = '\(value)'" : "=\"\(value)\""
            }
            if random.next(below: 4) == 0 { out += pick(spaces, &random) }
            if depth > 3 || random.next(below: 4) == 0 {
                out += "/>"
                return
            }
            out += ">"
            for _ in 0..<random.next(below: 5) {
                if random.next(below: 2) == 0 { out += pick(texts, &random) } else { element(&out, &random, depth: depth + 1) }
                out += pick(["", "\n", " ", "\r\n    ", "é"], &random)
            }
            out += "</" + name + ">"
        }
        var out = random.next(below: 3) == 0 ? "\u{FEFF}" : ""
        if random.next(below: 2) == 0 { out += "<?xml version=\"1.0\"?>" + pick(spaces, &random) }
        element(&out, &random, depth: 0)
        return out + "\n"
    }
}
