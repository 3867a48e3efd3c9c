import Diagnostics
import Language
import Testing

/// `<Condition>` tests the platform accepts but will not run as written:
/// a warning each, with a hint that says how to write it safely.
@Suite struct ConditionWarningTests {
    func checked(_ attributes: String) -> Checked {
        check(verbs: "<Condition \(attributes)><Say>x</Say></Condition>")
    }

    @Test(arguments: [
        ("hour=\"22-6\"", "hour=\"22-23,0-6\""),
        ("mon=\"10-2\"", "mon=\"10-12,1-2\""),
        ("mday=\"25-5\"", "mday=\"25-31,1-5\""),
        ("yday=\"360-5\"", "yday=\"360-366,1-5\""),
        ("week=\"50-2\"", "week=\"50-53,1-2\""),
        ("mweek=\"5-2\"", "mweek=\"5-6,1-2\""),
        ("minute=\"50-10\"", "minute=\"50-59,0-10\""),
        ("minute-of-day=\"1321-360\"", "minute-of-day=\"1321-1440,1-360\""),
        ("wday=\"6-2\"", "wday=\"6-7,1-2\""),
        ("wday=\"fri-mon\"", "wday=\"fri-sat,sun-mon\""),
        ("sunmontuewedthufrisat=\"Fri-Mon\"", "sunmontuewedthufrisat=\"Fri-sat,sun-Mon\""),
        ("hour=\"9-12,22-6\"", "hour=\"9-12,22-23,0-6\""),
        ("time-of-day=\"22:00-06:00\"", "time-of-day=\"22:00-24:00,00:00-06:00\""),
        ("time-of-day=\"22:00:00-6:00:00\"", "time-of-day=\"22:00:00-24:00:00,00:00:00-6:00:00\""),
        ("time=\"17:30-9:00\"", "time=\"17:30-24:00,00:00-9:00\""),
        ("year=\"2027-2026\"", "year=\"2026-2027\""),
        ("date-time=\"2027-01-01 00:00~2026-12-31 18:00\"", "date-time=\"2026-12-31 18:00~2027-01-01 00:00\""),
    ])
    func rangeEndingBelowItsStart(_ attribute: String, _ safely: String) {
        let result = checked(attribute)
        #expect(result.codes == ["reversed-range"])
        #expect(result.errors.isEmpty)  // the platform accepts it: a warning, not an error
        #expect(result.diagnostics.first?.hint == "write \(safely)")
        #expect(result.diagnostics.first?.message.contains("never match") == true)
        // The hint's spelling is itself clean.
        #expect(checked(safely).diagnostics.isEmpty, "\(checked(safely).diagnostics)")
    }

    @Test func equalEndsAreNotReversed() {
        #expect(checked("hour=\"9-9\" wday=\"mon-mon\"").diagnostics.isEmpty)
    }

    @Test func reversedRangeIsReportedAtItsAttribute() {
        let result = check(
            document:
                "<Response>\n  <Condition\n    wday=\"2-6\"\n    hour=\"22-6\">\n    <Say>x</Say>\n  </Condition>\n</Response>")
        #expect(result.codes == ["reversed-range"])
        #expect(result.diagnostics.first?.position?.line == 4)
    }

    @Test(arguments: [
        ("1", "^1$"), ("busy", "^busy$"), ("no-answer", "^no-answer$"), ("busy|no-answer", "^(busy|no-answer)$"),
        ("sales team", "^sales team$"), ("(busy|no-answer)", "^(busy|no-answer)$"),
    ])
    func bareLiteralExpression(_ expression: String, _ anchored: String) {
        let result = check(verbs: "<Condition field=\"${gather_result}\" expression=\"\(expression)\"><Hangup/></Condition>")
        #expect(result.codes == ["unanchored-expression"])
        #expect(result.errors.isEmpty)
        #expect(result.diagnostics.first?.hint == "to match the whole value, write expression=\"\(anchored)\"")
        let fixed = check(verbs: "<Condition field=\"${gather_result}\" expression=\"\(anchored)\"><Hangup/></Condition>")
        #expect(fixed.diagnostics.isEmpty)
    }

    /// Anything that is more than plain text was written as a pattern on
    /// purpose: no warning.
    @Test(arguments: ["^1", "1$", "^(1|2)$", "[12]", "1.5", "\\d+", "a+", "fr(-CA)?", "a*"])
    func patternsAreLeftAlone(_ expression: String) {
        #expect(check(verbs: "<Condition field=\"${x}\" expression=\"\(expression)\"><Hangup/></Condition>").diagnostics.isEmpty)
    }

    @Test func unanchoredExpressionIsReportedAtItsAttribute() {
        let result = check(
            document:
                "<Response>\n  <Condition field=\"${gather_result}\"\n    expression=\"1\">\n    <Hangup/>\n  </Condition>\n</Response>"
        )
        #expect(result.diagnostics.first?.position?.line == 3)
    }

    /// The documentation's `**~**` (Markdown bold around `~`) is flagged
    /// at the line of the attribute, not of the element.
    @Test func documentationStarsAtTheirLine() {
        let result = check(
            document: """
                <Response>
                  <Condition
                    date-time="2026-12-24 00:00**~**2026-12-26 23:59">
                    <Say>Merry Christmas.</Say>
                  </Condition>
                </Response>
                """)
        #expect(result.codes == ["invalid-value"])
        #expect(result.diagnostics.first?.position?.line == 3)
        #expect(result.diagnostics.first?.hint?.contains("'**~**'") == true)
    }
}
