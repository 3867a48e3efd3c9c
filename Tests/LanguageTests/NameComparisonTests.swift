import Diagnostics
import Language
import Testing

/// Element and attribute names are the same name only when their code
/// points are the same, as XML (and libxml2, byte by byte) compares them:
/// not by Unicode canonical equivalence, as Swift's `==` on String does.
/// A KELVIN SIGN (U+212A) is canonically a K, but `finishOn\u{212A}ey` is
/// not `finishOnKey` to the platform's parser, so it is not to `check`.
@Suite struct NameComparisonTests {
    static func codes(_ text: String) -> [DiagnosticCode] {
        ScriptChecker.check(bytes: Array(text.utf8), file: "names.xml").diagnostics.map(\.code)
    }

    @Test func anAttributeNameIsComparedByCodePoints() {
        #expect(!Self.codes(##"<Response><Gather finishOnKey="#"/></Response>"##).contains("unknown-attribute"))
        #expect(Self.codes("<Response><Gather finishOn\u{212A}ey=\"#\"/></Response>").contains("unknown-attribute"))
    }
}
