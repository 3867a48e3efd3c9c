import Language
import Testing

/// Inputs that the fuzz targets (scripts/fuzz.sh) found crashing, kept so
/// they stay fixed. Each names its target and what went wrong.
@Suite struct FuzzRegressionTests {
    /// fuzz-template: a LENGTH near Int.max passes the parser (any
    /// non-negative Int), and expanding overflowed `start + length`, a trap
    /// that kills `connexml run` on `<Say>{{ substring From 1 9223372036854775807 }}</Say>`.
    @Test func substringOfHugeLengthTakesTheRest() throws {
        let template = try Template.parse("{{ substring a 1 9223372036854775807 }}").get()
        #expect(template.expand { _ in "abc" } == "bc")
        #expect(template.expand { _ in "" } == "")
    }
}
