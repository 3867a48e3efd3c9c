import Language
import Testing

/// A reader marks the attributes it read by bits for the first 64 and in a
/// list after that (kept aside with what only a recording needs): past the
/// 64th, a verb's attributes are still read, and only the others reported.
@Suite struct ManyAttributesTests {
    @Test func attributesPastTheSixtyFourthAreReadAndTheRestReported() {
        let filler = (0..<70).map { "x\($0)=\"v\"" }.joined(separator: " ")
        let checked = check(verbs: "<Gather \(filler) numDigits=\"3\" timeout=\"200\" method=\"GET\"/>")
        #expect(checked.warnings.filter { $0.code.rawValue == "unknown-attribute" }.count == 70)
        // timeout, the 72nd attribute, was read: its value is checked.
        #expect(checked.errors.map(\.code.rawValue) == ["invalid-value"])
        #expect(checked.errors.first?.message.hasPrefix("timeout=\"200\"") == true)
    }
}
