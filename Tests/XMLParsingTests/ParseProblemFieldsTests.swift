import Diagnostics
import Testing

@testable import XMLParsing

/// Names and lines in parse diagnostics come from libxml2's structured
/// error fields (str1, str2, int1), passed through the shim, not from
/// reading its English sentence back.
@Suite struct ParseProblemFieldsTests {
    /// A sentence a libxml2 could word differently: only the fields may be used.
    static let reworded = "(worded differently)"

    func diagnostic(_ problem: ParseProblem, source: String = "") -> Diagnostic {
        Array(source.utf8).withUnsafeBufferPointer { problem.diagnostic(file: "t.xml", limits: .localFile, source: $0) }
    }

    @Test func aTagMismatchNamesBothTagsAndTheLineFromTheFields() {
        let problem = ParseProblem(
            code: 76, isWarning: false, line: 3, column: 12, libxmlMessage: Self.reworded,
            str1: "Say", str2: "say", int1: 2)
        #expect(diagnostic(problem).message == "closing tag </say> does not match <Say> opened at line 2")
    }

    @Test func anUnclosedElementIsFoundOnItsLineFromTheFields() {
        let problem = ParseProblem(
            code: 77, isWarning: false, line: 3, column: 1, libxmlMessage: Self.reworded,
            str1: "Gather", int1: 2)
        let d = diagnostic(problem, source: "<Response>\n  <Gather>\n")
        #expect(d.message == "<Gather> opened at line 2 is never closed")
        #expect(d.position == SourcePosition(line: 2, column: 3))
    }

    @Test func anUnknownEntityAndADuplicateAttributeAreNamedFromTheFields() {
        let entity = ParseProblem(code: 26, isWarning: false, line: 1, column: 5, libxmlMessage: Self.reworded, str1: "nbsp")
        #expect(diagnostic(entity).message == "unknown entity '&nbsp;'")
        let attribute = ParseProblem(code: 42, isWarning: false, line: 1, column: 5, libxmlMessage: Self.reworded, str1: "loop")
        #expect(diagnostic(attribute).message == "attribute 'loop' is given twice")
    }

    /// Through the shim, both parse paths: the fields arrive.
    @Test(arguments: [
        ("<Response>\n<Say>x</say>\n</Response>", "closing tag </say> does not match <Say> opened at line 2"),
        ("<Response>\n  <Gather>", "<Gather> opened at line 2 is never closed"),
        ("<Response><Say>&nbsp;</Say></Response>", "unknown entity '&nbsp;'"),
        ("<Response><Say loop=\"1\" loop=\"2\"/></Response>", "attribute 'loop' is given twice"),
    ])
    func theShimPassesTheFields(document: String, message: String) {
        let bytes = Array(document.utf8)
        let outcomes = bytes.withUnsafeBufferPointer {
            [
                LibXML2Reader.read($0, file: "t.xml", limits: .localFile),
                LibXML2TreeReader.read($0, file: "t.xml", limits: .localFile),
            ]
        }
        for outcome in outcomes {
            guard case .failure(let diagnostics) = outcome else {
                Issue.record("expected a failure")
                continue
            }
            #expect(diagnostics.map(\.message) == [message])
        }
    }
}
