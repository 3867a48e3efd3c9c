import Language
import Testing

/// Values the documentation (and FreeSWITCH's time-of-day routing page it
/// copies) writes for `<Condition>` time tests: `check` must accept each
/// without an error.
@Suite struct ConditionDocumentedValuesTests {
    func diagnostics(_ attributes: String) -> Checked {
        check(verbs: "<Condition \(attributes)><Say>x</Say></Condition>")
    }

    func ranges(_ attributes: String) -> [ValueRange]? {
        guard case .condition(let c) = onlyVerb("<Condition \(attributes)><Say>x</Say></Condition>"),
            case .field(.wday, let r) = c.timeTests.first?.test
        else { return nil }
        return r
    }

    @Test(arguments: ["wday", "sunmontuewedthufrisat"])
    func dayNamesAndNumbersOnEitherAttribute(_ attribute: String) {
        #expect(ranges("\(attribute)=\"mon-fri\"") == [ValueRange(2, 6)])
        #expect(ranges("\(attribute)=\"sat,sun\"") == [ValueRange(7, 7), ValueRange(1, 1)])
        #expect(ranges("\(attribute)=\"2-6\"") == [ValueRange(2, 6)])
        #expect(ranges("\(attribute)=\"mon-5,sun\"") == [ValueRange(2, 5), ValueRange(1, 1)])
    }

    /// FreeSWITCH compares day names with strncasecmp, so `Mon-Fri` is
    /// `mon-fri`.
    @Test func dayNamesIgnoreCase() {
        #expect(ranges("wday=\"Mon-Fri\"") == [ValueRange(2, 6)])
        #expect(ranges("sunmontuewedthufrisat=\"SAT,Sun\"") == [ValueRange(7, 7), ValueRange(1, 1)])
    }

    @Test func wrongDayNamesAreStillErrors() {
        let monday = diagnostics("wday=\"monday\"")
        #expect(monday.codes == ["invalid-value"])
        #expect(monday.diagnostics.first?.hint == "day names are three letters: write 'mon'")
        #expect(diagnostics("wday=\"0\"").codes == ["invalid-value"])
        #expect(diagnostics("wday=\"8\"").codes == ["invalid-value"])
        #expect(diagnostics("wday=\"07\"").codes == ["invalid-value"])  // FreeSWITCH reads one digit, 1–7
        #expect(diagnostics("sunmontuewedthufrisat=\"holiday\"").codes == ["invalid-value"])
    }

    @Test(arguments: ["9:00-17:00", "09:00-17:00", "9:00:00-17:30:59", "8:00-12:00,13:00-17:00", "0:00-24:00"])
    func timeOfDayWithOneOrTwoDigitHours(_ value: String) {
        #expect(diagnostics("time-of-day=\"\(value)\"").diagnostics.isEmpty)
        #expect(diagnostics("time=\"\(value)\"").diagnostics.isEmpty)
    }

    @Test func timeOfDaySeconds() {
        guard case .condition(let c) = onlyVerb("<Condition time-of-day=\"9:00-17:00:30\"><Say>x</Say></Condition>"),
            case .timeOfDay(let r) = c.timeTests.first?.test
        else {
            Issue.record()
            return
        }
        #expect(r == [TimeOfDayRange(9 * 3600, 17 * 3600 + 30)])
    }

    @Test(arguments: ["9-17:00", "9:0-17:00", "900:00-17:00", "9:00-17:00:5", "25:00-26:00", "24:01-24:02", "9:00"])
    func malformedTimesOfDay(_ value: String) {
        #expect(diagnostics("time-of-day=\"\(value)\"").codes == ["invalid-value"])
    }
}
