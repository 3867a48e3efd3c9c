import Diagnostics
import Testing

@testable import XMLParsing

/// libxml2's messages put into one line: a diagnostic is always one line.
@Suite struct ParseProblemTests {
    @Test func aTwoLineLibXML2MessageBecomesOneLine() throws {
        // libxml2 2.9: "Input is not proper UTF-8, indicate encoding !\nBytes: 0xC3 0x28 0x3C 0x2F\n"
        let d = try parseFailure(bytes: Array("<Response><Say>".utf8) + [0xC3, 0x28] + Array("</Say></Response>".utf8))
        #expect(d.code == "invalid-character")
        #expect(!d.message.contains { $0.isNewline })
        #expect(d.message.hasPrefix("Input is not proper UTF-8"))
        #expect(d.message.contains("indicate encoding ! Bytes: 0xC3 0x28"))
    }

    @Test func everyLineBreakAndTheTrailingOneGo() {
        let problem = ParseProblem(
            code: 1, isWarning: false, line: 2, column: 3,
            libxmlMessage: "  first line\r\n\n  second line \u{2028}third\n")
        let d = [UInt8]().withUnsafeBufferPointer { problem.diagnostic(file: "t.xml", limits: .localFile, source: $0) }
        #expect(d.message == "first line second line third")
        #expect(d.position == SourcePosition(line: 2, column: 3))
    }
}

@Suite struct CommentProblemTests {
    @Test func aCommentLeftOpenIsReportedWhereItOpens() throws {
        // The documentation's own example: `<!--Body of the code>` never
        // closes, so the next comment's `<!--` is inside it.
        let d = try parseFailure("<Response> <!--Body of the code>\n    <!-- Here -->\n    <Hangup/>\n</Response>")
        #expect(d.code == "unclosed-comment")
        #expect(d.position == SourcePosition(line: 1, column: 12))
        #expect(d.message == "comment is not closed before the '<!--' at line 2")
    }

    @Test func aDoubleHyphenInsideACommentIsNamed() throws {
        let d = try parseFailure("<Response>\n<!-- a -- b -->\n</Response>")
        #expect(d.message == "'--' is not allowed inside a comment")
        #expect(d.position == SourcePosition(line: 2, column: 1))
    }
}
