import Diagnostics
import Testing

@testable import XMLParsing

/// The malformed examples of "What the documentation shows but does not
/// allow" (language.md) that are XML errors, each with its code and place.
/// (Lowercase verbs, attributes written as text, stray '>' and '**~**' are
/// well-formed XML: the language layer's tests cover them.)
@Suite struct MalformedInputTests {
    @Test func bareAmpersandInAURL() throws {
        let d = try parseFailure("<Response>\n  <Redirect>https://x.com/a?b=1&c=2</Redirect>\n</Response>")
        #expect(d.code == "bare-ampersand")
        #expect(d.position == at(2, 32))
        #expect(d.hint?.contains("&amp;") == true)
    }

    @Test func bareAmpersandFollowedBySpace() throws {
        let d = try parseFailure("<Response><Say>Tom & Jerry</Say></Response>")
        #expect(d.code == "bare-ampersand")
        #expect(d.position == at(1, 20))
    }

    @Test func missingSpaceBetweenAttributes() throws {
        let d = try parseFailure(#"<Response><Gather numDigits="1"timeout="5"/></Response>"#)
        #expect(d.code == "attribute-syntax")
        #expect(d.position?.line == 1)
    }

    @Test func unclosedCommentPointsAtItsStart() throws {
        let d = try parseFailure("<Response>\n  <Say>x</Say>\n  <!-- todo\n  <Hangup/>\n</Response>\n")
        #expect(d.code == "unclosed-comment")
        #expect(d.position == at(3, 3))
    }

    @Test func textAfterTheClosingResponse() throws {
        let d = try parseFailure("<Response>\n</Response>\n<Hangup/>\n")
        #expect(d.code == "content-after-root")
        #expect(d.position?.line == 3)
    }

    @Test func severalTopLevelVerbsWithoutResponse() throws {
        let d = try parseFailure("<Say>a</Say>\n<Hangup/>\n")
        #expect(d.code == "content-after-root")
    }

    @Test func mismatchedCase() throws {
        let d = try parseFailure("<Response>\n  <Say>x</say>\n</Response>")
        #expect(d.code == "mismatched-tag")
        #expect(d.message == "closing tag </say> does not match <Say> opened at line 2")
        #expect(d.position == at(2, 9))
    }

    @Test func unclosedElementPointsAtItsStartTag() throws {
        let d = try parseFailure("<Response>\n  <Say>x</Say>\n")
        #expect(d.code == "unclosed-element")
        #expect(d.position == at(1, 1))
    }

    @Test func unknownEntity() throws {
        let d = try parseFailure("<Response><Say>&nbsp;</Say></Response>")
        #expect(d.code == "unknown-entity")
        #expect(d.message == "unknown entity '&nbsp;'")
        #expect(d.position == at(1, 16))
    }

    @Test func duplicateAttribute() throws {
        let d = try parseFailure(#"<Response><Pause length="1" length="2"/></Response>"#)
        #expect(d.code == "duplicate-attribute")
    }

    @Test func unquotedAttribute() throws {
        let d = try parseFailure("<Response><Pause length=5/></Response>")
        #expect(d.code == "attribute-syntax")
    }

    @Test func notXMLAtAll() throws {
        #expect(try parseFailure("hello").code == "not-xml")
        #expect(try parseFailure("  \n ").code == "empty-document")
        #expect(try parseFailure("").code == "empty-document")
    }

    @Test func invalidUTF8() throws {
        let d = try parseFailure(bytes: Array("<Response><Say>".utf8) + [0xC3, 0x28] + Array("</Say></Response>".utf8))
        #expect(d.code == "invalid-character")
    }

    @Test func onlyTheFirstErrorIsReported() throws {
        // libxml2 does not recover; what follows a fatal error is noise.
        switch XMLParser.parse(Array("<Response><Say>a & b</Say><Say>c & d</Say></Response>".utf8), file: "t.xml") {
        case .document: Issue.record("expected a failure")
        case .failure(let diagnostics): #expect(diagnostics.count == 1)
        }
    }
}
