import Diagnostics
import TestSupport
import Testing

@testable import XMLParsing

/// Column finding stays linear in the document however long its lines are,
/// and gives the same positions as counting each one from its line's start.
@Suite struct SourceLocatorTests {
    /// `<Response>` then `count` siblings with three attributes each, all on
    /// one line, with a multi-byte character in every value.
    private func oneLineDocument(siblings count: Int) -> [UInt8] {
        var text = "<Response>"
        for i in 0..<count {
            text += #"<Say loop="1" voice="é\#(i)" language="en-GB">Ça \#(i)</Say>"#
        }
        text += "</Response>\n"
        return Array(text.utf8)
    }

    @Test func columnCountingIsLinearOnOneLongLine() {
        let siblings = 20_000
        let bytes = oneLineDocument(siblings: siblings)
        var located = 0
        let scanned: Int = bytes.withUnsafeBufferPointer { buffer in
            var locator = SourceLocator(bytes: buffer)
            // Driven as the tree builder drives it: each tag, then its text.
            _ = locator.nextStartTag(named: "Response")
            for _ in 0..<siblings {
                guard let tag = locator.nextStartTag(named: "Say"), locator.nextText() != nil else { break }
                located += 1 + tag.attributes.count
            }
            return locator.columnBytesScanned
        }
        #expect(located == siblings * 4)
        // Rescanning the line for each of the 80,000 positions would be
        // about 80,000 × 1.3 MB / 2 bytes.
        #expect(scanned <= bytes.count, "scanned \(scanned) bytes for a \(bytes.count)-byte document")
    }

    @Test func positionsOnALongLineAreCountedInCharacters() throws {
        let document = try parseDocument(String(decoding: oneLineDocument(siblings: 3), as: UTF8.self))
        let says = document.root.childElements
        // Siblings are of equal width while their numbers have one digit.
        let width = #"<Say loop="1" voice="é0" language="en-GB">Ça 0</Say>"#.count
        for (i, say) in says.enumerated() {
            let start = 11 + i * width
            #expect(say.position == at(1, start))
            #expect(say.attributes.map(\.position) == [at(1, start + 5), at(1, start + 14), at(1, start + 25)])
            #expect(say.firstText?.position == at(1, start + 42))
        }
    }

    @Test func positionsAgreeWithCountingFromTheLineStart() throws {
        // Lines of different lengths, multi-byte characters, markup that is
        // skipped, a tag spanning lines and a byte-order mark.
        let text =
            "\u{FEFF}<Response>\n  <!-- ünïcode --><Say voice=\"ä\">Grüße</Say><Pause length=\"1\"/>\n"
            + "<Gather\n numDigits=\"1\"   timeout=\"5\"><?pi x?><Say>日本語</Say><Play><![CDATA[ a.wav ]]></Play></Gather>\n"
            + "</Response>\n"
        let document = try parseDocument(text)
        let source = Array(text.utf8)
        var expected: [SourcePosition] = []
        var actual: [SourcePosition] = []
        func collect(_ element: Element) {
            actual.append(element.position)
            actual += element.attributes.map(\.position)
            for child in element.children {
                switch child {
                case .element(let e): collect(e)
                case .text(let t): actual.append(t.position)
                }
            }
        }
        collect(document.root)
        // Offsets of every '<' of a start tag, every attribute name and every
        // text, found by hand in the source above.
        for needle in [
            "<Response", "<Say voice", "voice=", "Grüße", "<Pause", "length=", "<Gather", "numDigits=",
            "timeout=", "<Say>日", "日本語", "<Play>", "a.wav",
        ] {
            let offset = try #require(firstOffset(of: needle, in: source))
            expected.append(naivePosition(ofOffset: offset, in: source))
        }
        #expect(actual == expected)
        #expect(expected[0] == at(1, 1))  // the byte-order mark is not a column
    }

    /// Positions asked in any order (the tree asks in document order, so
    /// going back counts from the start) agree with counting from the line's
    /// start, on every offset of a document with a byte-order mark, CR LF
    /// line ends, multi-byte characters and empty lines.
    @Test func positionsInAnyOrderAgreeWithCountingFromTheLineStart() {
        let source = Array("\u{FEFF}<a>\r\n  é日本\n\n<b x=\"ü\"/>\r\n</a>\n".utf8)
        var random = SeededRandom(seed: 7)
        let offsets = Array(0...source.count) + (0..<200).map { _ in random.next(below: source.count + 1) }
        source.withUnsafeBufferPointer { buffer in
            var locator = SourceLocator(bytes: buffer)
            for offset in offsets {
                #expect(
                    locator.position(ofOffset: offset) == naivePosition(ofOffset: min(offset, source.count), in: source),
                    "offset \(offset)")
            }
        }
    }

    /// Positions asked at increasing offsets of random documents (line
    /// feeds, carriage returns, ASCII and two-, three- and four-byte
    /// characters, with and without a byte-order mark) agree with counting
    /// from the line's start.
    @Test func positionsOnRandomDocumentsAgreeWithCountingFromTheLineStart() {
        var random = SeededRandom(seed: 0xC0_1A_B5)
        let pieces = ["\n", "\r\n", "a", "<", " ", "é", "日", "😀", "\n\n", "abcdefgh"].map { Array($0.utf8) }
        for round in 0..<300 {
            var source: [UInt8] = round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<random.next(below: 200) { source += pieces[random.next(below: pieces.count)] }
            source.withUnsafeBufferPointer { buffer in
                var locator = SourceLocator(bytes: buffer)
                var offset = 0
                while offset <= source.count {
                    #expect(
                        locator.position(ofOffset: offset) == naivePosition(ofOffset: offset, in: source),
                        "round \(round), offset \(offset)")
                    offset += random.next(below: 24) + 1
                }
            }
        }
    }

    /// The same with steps of up to 100 bytes, which the locator counts
    /// eight bytes at a time: line feeds anywhere in a word, several in
    /// one, and continuation bytes that differ from a line feed by one bit
    /// (`Ê` is C3 8A, `Ċ` C4 8A).
    @Test func positionsAfterLongStepsAgreeWithCountingFromTheLineStart() {
        var random = SeededRandom(seed: 0x5EED_8)
        let pieces = ["\n", "\r\n", "a", "<", " ", "é", "日", "😀", "\n\n", "abcdefgh", "Ê", "ĊĊ", "\n\n\n\n\n\n\n\n\n"]
            .map { Array($0.utf8) }
        for round in 0..<300 {
            var source: [UInt8] = round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<random.next(below: 300) { source += pieces[random.next(below: pieces.count)] }
            source.withUnsafeBufferPointer { buffer in
                var locator = SourceLocator(bytes: buffer)
                var offset = 0
                while offset <= source.count {
                    #expect(
                        locator.position(ofOffset: offset) == naivePosition(ofOffset: offset, in: source),
                        "round \(round), offset \(offset)")
                    offset += random.next(below: 100) + 1
                }
            }
        }
    }

    private func firstOffset(of needle: String, in source: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        return source.indices.first { source[$0...].starts(with: pattern) }
    }

    /// The position counted the slow, obvious way: from the line's start.
    private func naivePosition(ofOffset offset: Int, in source: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where source[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        if line == 1, source.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
        let column = 1 + source[min(lineStart, offset)..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return SourcePosition(line: line, column: column)
    }
}
