import Diagnostics
import Testing

@testable import XMLParsing

@Suite struct ElementTreeTests {
    @Test func buildsTheTreeInDocumentOrder() throws {
        let document = try parseDocument(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response>
              <!-- a comment is dropped -->
              <Say loop="2">Hello &amp; welcome</Say>
              <Gather numDigits="1"><Play>ivr/menu.wav</Play></Gather>
            </Response>
            """)
        let root = document.root
        #expect(root.name == "Response")
        #expect(root.childElements.map(\.name) == ["Say", "Gather"])
        let say = root.childElements[0]
        #expect(say.attribute("loop")?.value == "2")
        #expect(say.text == "Hello & welcome")
        #expect(root.childElements[1].childElements.first?.text == "ivr/menu.wav")
        #expect(document.hasColumns)
    }

    /// `attributeValue` answers what `attribute` does, value and position,
    /// for names without a prefix only, and nil for the rest.
    @Test func attributeValueAgreesWithAttribute() throws {
        let document = try parseDocument(
            """
            <Response xmlns:t="urn:t">
              <Dial timeout="20" t:timeout="9"
                    record="true" action="/next?a=1&amp;b=2"><Number>1001</Number></Dial>
              <Say>no attributes</Say>
            </Response>
            """)
        let dial = document.root.childElements[0]
        for name in ["timeout", "record", "action"] {
            let attribute = try #require(dial.attribute(name))
            let value = try #require(dial.attributeValue(name))
            #expect(value.value == attribute.value)
            #expect(value.position == attribute.position)
            let index = try #require(dial.attributeIndex(name))
            #expect(dial.attributeValue(at: index).value == attribute.value)
        }
        #expect(dial.attributeValue("timeout")?.value == "20")  // not t:timeout
        #expect(dial.attributeValue("action")?.value == "/next?a=1&b=2")
        #expect(dial.attributeValue("t:timeout") == nil)
        #expect(dial.attributeValue("missing") == nil)
        #expect(document.root.childElements[1].attributeValue("timeout") == nil)
    }

    @Test func positionsPointAtStartTagsAttributesAndText() throws {
        let document = try parseDocument(
            """
            <Response>
              <Say loop="2">Hi</Say>
              <Gather
                  numDigits="1"
                  timeout="5"/>
            </Response>
            """)
        let say = document.root.childElements[0]
        #expect(say.position == at(2, 3))
        #expect(say.attribute("loop")?.position == at(2, 8))
        #expect(say.firstText?.position == at(2, 17))
        // libxml2 alone would give the line of the tag's end (5); the locator
        // finds where it starts.
        let gather = document.root.childElements[1]
        #expect(gather.position == at(3, 3))
        #expect(gather.attribute("numDigits")?.position == at(4, 7))
        #expect(gather.attribute("timeout")?.position == at(5, 7))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let document = try parseDocument("<Response><Say>héllo wörld</Say><Pause/></Response>")
        // "<Response><Say>héllo wörld</Say>" is 32 characters (34 bytes).
        #expect(document.root.childElements[1].position == at(1, 33))
    }

    @Test func skipsCommentsCDATAAndProcessingInstructionsWhenLocating() throws {
        let document = try parseDocument(
            """
            <Response>
              <!-- <Say>not an element</Say> -->
              <?pi <Say>?>
              <Say><![CDATA[a <b> c]]></Say>
              <Hangup/>
            </Response>
            """)
        let say = document.root.childElements[0]
        #expect(say.position == at(4, 3))
        #expect(say.text == "a <b> c")
        #expect(document.root.childElements[1].position == at(5, 3))
    }

    @Test func textOutsideVerbsIsPositionedAtItsFirstCharacter() throws {
        let document = try parseDocument("<Response>\n  <Say>x</Say>\n  stray words\n</Response>")
        guard case .text(let text) = document.root.children[1] else {
            Issue.record("expected text")
            return
        }
        #expect(text.value.contains("stray words"))
        #expect(text.position == at(3, 3))
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let document = try parseDocument("\u{FEFF}<Response><Hangup/></Response>")
        #expect(document.root.position == at(1, 1))
        #expect(document.root.childElements[0].position == at(1, 11))
    }

    @Test func linesPastSixtyFiveThousandAreExact() throws {
        let padding = String(repeating: "\n", count: 70_000)
        let document = try parseDocument("<Response>\(padding)<Hangup/></Response>")
        #expect(document.root.childElements[0].position.line == 70_001)
    }

    @Test func namespacedElementsKeepTheirPrefix() throws {
        let document = try parseDocument(#"<Response xmlns:t="urn:twilio"><t:Say>x</t:Say></Response>"#)
        #expect(document.root.childElements[0].prefix == "t")
        #expect(document.root.childElements[0].qualifiedName == "t:Say")
        #expect(document.root.childElements[0].position == at(1, 32))
    }

    @Test func otherEncodingsStillParseWithLinesOnly() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]  // UTF-16LE byte-order mark
        for unit in "<Response>\n<Hangup/></Response>".utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        guard case .document(let document) = XMLParser.parse(bytes, file: "utf16.xml") else {
            Issue.record("UTF-16 should parse")
            return
        }
        #expect(!document.hasColumns)
        #expect(document.root.childElements[0].position.line == 2)
        #expect(document.root.childElements[0].position.column == 0)
    }
}
