import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import XMLParsing

/// The tree built from parse events (what `XMLParser` uses) is the tree the
/// walk of libxml2's own tree built, and a failed document fails with the
/// same diagnostic: on every sample, on documents made to probe the
/// differences between the two (text split by comments, references in
/// values, prefixes, xml:id, encodings, limits), and on thousands of
/// random mutations of the samples.
@Suite struct EventParseEquivalenceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every XML file under samples/ and the documentation fixtures.
    static let corpus: [(name: String, bytes: [UInt8])] = {
        var files: [(String, [UInt8])] = []
        for folder in ["samples", "Tests/LanguageTests/Fixtures"] {
            let root = packageRoot.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "xml", let data = FileManager.default.contents(atPath: url.path) else { continue }
                files.append((url.path.replacingOccurrences(of: packageRoot.path + "/", with: ""), Array(data)))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }()

    @Test func corpusIsThere() {
        #expect(Self.corpus.count >= 100, "found \(Self.corpus.count) XML files")
    }

    @Test func sameTreeOnEverySample() {
        for (name, bytes) in Self.corpus {
            expectSameOutcome(bytes, name)
        }
    }

    @Test(arguments: [
        // Text split by a comment or a processing instruction is two texts;
        // CDATA and references join the text around them.
        "<Response><Say>a<!-- c -->b<?pi x?>c</Say></Response>",
        "<Response><Say>a<![CDATA[ <b> ]]>c&amp;d&#233;&#x26;e</Say><Say>  <!-- x -->  </Say></Response>",
        "<Response>\n  <Say>\n  one\n  </Say>\n  <![CDATA[   ]]>\n  <![CDATA[ text ]]>\n</Response>",
        // Text longer than the builder's first buffer (256 bytes), in
        // pieces (references) and whole, then short text after it.
        "<Response><Say>" + String(repeating: "word &amp; ", count: 60) + "</Say><Say>"
            + String(repeating: "é", count: 700) + "</Say><Say>x</Say></Response>",
        // References in attribute values: '&' travels as "&#38;".
        #"<Response><Say a="x&amp;y" b="&#38;&#x26;" c="&lt;&gt;&quot;&apos;" d="&#38;#38;" e="a&#10;b\#tc"/></Response>"#,
        #"<Response><Say a="" b="&amp;"></Say></Response>"#,
        // Namespaces: declared, default, undeclared (kept in the name).
        #"<Response xmlns:t="urn:t"><t:Say t:voice="a" xml:lang="en">x</t:Say><p:Play p:x="1">y</p:Play></Response>"#,
        #"<Response xmlns="urn:d"><Say xmlns:q="urn:q" q:loop="2">x</Say></Response>"#,
        // xml:id: the tree builder's own validity complaints, then a real error.
        #"<Response xml:id="1bad"><Say xml:id="a"/><Say xml:id="a"/></Response>"#,
        #"<Response xml:id="1bad"><Say>&nope;</Say></Response>"#,
        #"<Response><Say xml:id="a"/><Say xml:id="a"/><Say a="1" a="2"/></Response>"#,
        // Encodings and byte-order marks.
        "\u{FEFF}<Response><Say>é</Say></Response>",
        #"<?xml version="1.0" encoding="ISO-8859-1"?><Response><Say>caf\#u{E9}</Say></Response>"#,
        // Refusals and failures.
        "<!DOCTYPE r [<!ENTITY x \"y\">]><Response/>",
        "<Response><Say>&x;</Say></Response>",
        "<Response><Say>a & b</Say></Response>",
        "<Response><Say></Response>",
        "<Response/><Extra/>",
        "<Response><Say>é\u{0}</Say></Response>",
        "",
        "   \n",
        "<?xml version=\"1.0\"?><!-- only a comment -->",
    ])
    func sameOutcomeOnProbes(_ text: String) {
        expectSameOutcome(Array(text.utf8), text)
    }

    /// The tree builder's own complaint about an xml:id value is the first
    /// error of a document that then fails: the event parse reports it
    /// too, with the same message, however long the value.
    @Test func sameOutcomeWhenAnXMLIDComplaintComesFirst() {
        for length in [1, 100, 600, 5_000] {
            let value = "1" + String(repeating: "x", count: length)
            expectSameOutcome(Array("<Response xml:id=\"\(value)\"><Say>&nope;</Say></Response>".utf8), "xml:id of \(length + 1)")
            expectSameOutcome(
                Array("<Response><Say xml:id=\"a\(value)\"/><Say xml:id=\"a\(value)\"/><Say>&nope;</Say></Response>".utf8),
                "duplicate xml:id of \(length + 1)")
        }
    }

    @Test func sameOutcomeInOtherEncodings() {
        let text =
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Response><Say voice=\"\u{E9}\">caf\u{E9}</Say><Pause/></Response>"
        let latin1 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        expectSameOutcome(latin1, "Latin-1")
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf16] {
            let data = "<Response>\n<Say loop=\"2\">h\u{E9}</Say>\n<Pause/></Response>".data(using: encoding)!
            expectSameOutcome(Array(data), "\(encoding)")
        }
    }

    @Test func sameOutcomeAtTheDepthLimits() {
        for depth in [63, 64, 65, 300] {
            let text = String(repeating: "<Say>", count: depth) + "x" + String(repeating: "</Say>", count: depth)
            expectSameOutcome(Array(text.utf8), "depth \(depth)")
            expectSameOutcome(
                Array(text.utf8), "depth \(depth), limit 1000",
                limits: ParseLimits(maximumBytes: 1 << 20, maximumDepth: 1000))
        }
    }

    /// Random edits of the samples: deleted and repeated runs, and pieces
    /// of markup, references and text inserted anywhere. Most of the
    /// results are malformed, which tests the failures as much as the trees.
    @Test func sameOutcomeOnMutatedSamples() {
        var random = SeededRandom(seed: 0x5A_7E_1E_C7)
        let pieces = [
            "<", ">", "/>", "</Say>", "<Say>", "<Pause/>", "\"", "'", "=", " a=\"1\"", " a=\"&amp;&lt;\"",
            "&amp;", "&#38;", "&#x26;", "&#233;", "&lt;", "&foo;", "&", "<!-- c -->", "<!--", "-->",
            "<?pi x?>", "<![CDATA[ x ]]>", "]]>", " xml:id=\"1x\"", " xml:id=\"k\"", " p:b=\"1\"", "p:",
            " xmlns:p=\"urn:p\"", " xmlns=\"urn:d\"", "\n", "\r\n", "\t", " ", "é", "日本", "\u{FEFF}",
            "<!DOCTYPE x>", "text", "${x}", "{{ y }}",
        ].map { Array($0.utf8) }
        let samples = Self.corpus.filter { $0.bytes.count < 20_000 }
        var documents = 0
        for round in 0..<3_000 {
            var bytes = samples[round % samples.count].bytes
            for _ in 0..<random.next(below: 3) + 1 {
                let at = random.next(below: bytes.count + 1)
                switch random.next(below: 4) {
                case 0:
                    let end = min(bytes.count, at + random.next(below: 12) + 1)
                    bytes.removeSubrange(at..<end)
                case 1:
                    let end = min(bytes.count, at + random.next(below: 40) + 1)
                    bytes.insert(contentsOf: bytes[at..<end], at: at)
                default:
                    bytes.insert(contentsOf: pieces[random.next(below: pieces.count)], at: at)
                }
            }
            if expectSameOutcome(bytes, "mutation \(round) of \(samples[round % samples.count].name)") { documents += 1 }
        }
        // Both kinds of outcome are well represented.
        #expect(documents > 300 && documents < 2_700, "\(documents) of 3000 mutations were documents")
    }

    /// Whether the outcome was a document.
    @discardableResult
    private func expectSameOutcome(
        _ bytes: [UInt8], _ what: String, limits: ParseLimits = .localFile,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Bool {
        let (events, tree) = bytes.withUnsafeBufferPointer {
            (LibXML2Reader.read($0, file: "t.xml", limits: limits), LibXML2TreeReader.read($0, file: "t.xml", limits: limits))
        }
        let a = Self.dump(events)
        let b = Self.dump(tree)
        #expect(a == b, "\(what)", sourceLocation: sourceLocation)
        if case .document = events { return true }
        return false
    }

    /// Everything an outcome says, as text that differs wherever the
    /// outcomes do.
    static func dump(_ outcome: XMLParser.Outcome) -> String {
        switch outcome {
        case .failure(let diagnostics):
            return "failure " + diagnostics.map { "\($0)" }.joined(separator: "\n")
        case .document(let document):
            var out = "document \(document.file) columns=\(document.hasColumns)\n"
            dump(document.root, into: &out, indent: "")
            return out
        }
    }

    private static func dump(_ element: Element, into out: inout String, indent: String) {
        out += "\(indent)<\(element.prefix.map { "[\($0)]" } ?? "")\(element.name)> @\(element.position)\n"
        for attribute in element.attributes {
            out +=
                "\(indent)  \(attribute.prefix.map { "[\($0)]" } ?? "")\(attribute.name)=\(attribute.value.debugDescription) @\(attribute.position)\n"
        }
        for child in element.children {
            switch child {
            case .element(let e): dump(e, into: &out, indent: indent + "  ")
            case .text(let t): out += "\(indent)  text \(t.value.debugDescription) @\(t.position)\n"
            }
        }
    }
}
