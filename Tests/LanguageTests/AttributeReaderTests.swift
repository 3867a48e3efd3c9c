import Diagnostics
import Testing
import XMLParsing

@testable import Language

/// `AttributeReader.finish` reports every attribute nobody read, however
/// often the others were read.
@Suite struct AttributeReaderTests {
    static func element(_ text: String) throws -> Element {
        guard case .document(let document) = XMLParser.parse(Array(text.utf8), file: "t.xml") else {
            throw ParseFailed()
        }
        return document.root
    }

    struct ParseFailed: Error {}

    @Test func anAttributeReadTwiceDoesNotHideAnUnknownOne() throws {
        let element = try Self.element(#"<Say voice="man" typo="1">hi</Say>"#)
        var checker = Checker(file: "t.xml")
        var reader = AttributeReader(element)
        _ = reader.template("voice", about: "the voice", &checker)
        _ = reader.template("voice", about: "the voice", &checker)
        reader.finish(&checker)
        #expect(checker.diagnostics.map(\.code) == ["unknown-attribute"])
        #expect(checker.diagnostics.first?.message.contains("'typo'") == true)
    }

    @Test func everyAttributeReadLeavesNothingToReport() throws {
        let element = try Self.element(#"<Say voice="man" loop="2">hi</Say>"#)
        var checker = Checker(file: "t.xml")
        var reader = AttributeReader(element)
        _ = reader.template("voice", about: "the voice", &checker)
        _ = reader.template("loop", about: "the loop", &checker)
        _ = reader.template("voice", about: "the voice", &checker)
        reader.finish(&checker)
        #expect(checker.diagnostics.isEmpty)
    }

    /// Attributes past the 64th are kept apart from the first 64 (bits):
    /// read twice or not at all, each is counted once, on both sides.
    @Test func attributesPastTheSixtyFourthAreCountedOnce() throws {
        let names = (0..<70).map { "a\($0)" }
        let element = try Self.element("<Say " + names.map { "\($0)=\"1\"" }.joined(separator: " ") + ">hi</Say>")
        var checker = Checker(file: "t.xml")
        var reader = AttributeReader(element)
        for name in names where name != "a3" && name != "a67" {
            _ = reader.template(name, about: "a test", &checker)
            _ = reader.template(name, about: "a test", &checker)
        }
        reader.finish(&checker)
        #expect(checker.diagnostics.map(\.code) == ["unknown-attribute", "unknown-attribute"])
        #expect(checker.diagnostics.map { $0.message.contains("'a3'") || $0.message.contains("'a67'") } == [true, true])
    }
}
