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
}
