import Language
import Testing

@Suite struct ConditionTests {
    func tests(_ attributes: String) -> [Condition.NamedTimeTest]? {
        guard case .condition(let c) = onlyVerb("<Condition \(attributes)><Say>x</Say></Condition>") else { return nil }
        return c.timeTests
    }

    @Test func fieldAndExpression() {
        guard
            case .condition(let c) = onlyVerb("<Condition field=\"${gather_result}\" expression=\"^[12]$\"><Hangup/></Condition>")
        else {
            Issue.record()
            return
        }
        #expect(c.match?.expression == "^[12]$")
        #expect(c.match?.field.parts == [.variable("gather_result")])
        #expect(check(verbs: "<Condition field=\"${x}\"><Hangup/></Condition>").codes == ["missing-attribute"])
        #expect(check(verbs: "<Condition expression=\"1\"><Hangup/></Condition>").codes == ["missing-attribute"])
        #expect(check(verbs: "<Condition field=\"${x}\" expression=\"([\"><Hangup/></Condition>").codes == ["invalid-value"])
    }

    /// A range never wraps around (FreeSWITCH's switch_number_cmp as this
    /// project reads it, language.md): `mon="10-2"` holds in no month.
    @Test func valuesRangesListsAndNoWrapAround() {
        guard let t = tests("mon=\"10-2\" wday=\"1,7\" hour=\"9-17\""), t.count == 3 else {
            Issue.record()
            return
        }
        #expect(t.map(\.attribute) == ["mon", "wday", "hour"])
        guard case .field(.mon, let months) = t[0].test else {
            Issue.record()
            return
        }
        #expect(months == [ValueRange(10, 2)])
        #expect(!(1...12).contains { months[0].contains($0) })
        guard case .field(.wday, let days) = t[1].test else {
            Issue.record()
            return
        }
        #expect(days == [ValueRange(1, 1), ValueRange(7, 7)])
        guard case .field(.hour, let hours) = t[2].test else {
            Issue.record()
            return
        }
        #expect((9...17).allSatisfy { hours[0].contains($0) } && !hours[0].contains(8) && !hours[0].contains(18))
    }

    @Test(arguments: [
        ("year", "0", "9999", "10000"), ("yday", "1", "366", "367"), ("mon", "1", "12", "13"),
        ("mday", "1", "31", "32"), ("week", "1", "53", "54"), ("mweek", "1", "6", "7"),
        ("wday", "1", "7", "8"), ("hour", "0", "23", "24"), ("minute", "0", "59", "60"),
        ("minute-of-day", "1", "1440", "1441"),
    ])
    func fieldBounds(_ name: String, _ low: String, _ high: String, _ outside: String) {
        #expect(tests("\(name)=\"\(low)-\(high)\"") != nil)
        #expect(check(verbs: "<Condition \(name)=\"\(outside)\"><Hangup/></Condition>").codes == ["invalid-value"])
        #expect(check(verbs: "<Condition \(name)=\"x\"><Hangup/></Condition>").codes == ["invalid-value"])
    }

    @Test func belowTheLowerBound() {
        #expect(check(verbs: "<Condition mon=\"0\"><Hangup/></Condition>").codes == ["invalid-value"])
        #expect(check(verbs: "<Condition wday=\"0\"><Hangup/></Condition>").codes == ["invalid-value"])
    }

    @Test func dayNames() {
        guard let t = tests("sunmontuewedthufrisat=\"mon-fri,sun\""), case .field(.wday, let r) = t[0].test else {
            Issue.record()
            return
        }
        #expect(r == [ValueRange(2, 6), ValueRange(1, 1)])
        #expect(check(verbs: "<Condition sunmontuewedthufrisat=\"monday\"><Hangup/></Condition>").codes == ["invalid-value"])
    }

    /// switch_tod_cmp: the start is included, the end is not, and a range
    /// ending below its start holds at no second of the day.
    @Test func timeOfDayStartIncludedEndExcluded() {
        guard let t = tests("time-of-day=\"09:00-17:00:30\""), case .timeOfDay(let r) = t[0].test else {
            Issue.record()
            return
        }
        #expect(r == [TimeOfDayRange(9 * 3600, 17 * 3600 + 30)])
        #expect(r[0].contains(9 * 3600) && r[0].contains(17 * 3600 + 29))
        #expect(!r[0].contains(17 * 3600 + 30) && !r[0].contains(9 * 3600 - 1))
        guard let night = tests("time-of-day=\"22:00-06:00\""), case .timeOfDay(let n) = night[0].test else {
            Issue.record()
            return
        }
        #expect(![0, 3600, 22 * 3600, 23 * 3600 + 3599, 6 * 3600, 12 * 3600].contains { n[0].contains($0) })
        #expect(check(verbs: "<Condition time-of-day=\"09:00\"><Hangup/></Condition>").codes == ["invalid-value"])
        #expect(check(verbs: "<Condition time-of-day=\"25:00-26:00\"><Hangup/></Condition>").codes == ["invalid-value"])
    }

    /// switch_fulldate_cmp: start <= now < end.
    @Test func dateTimeAcrossYearEnd() {
        guard let t = tests("date-time=\"2026-12-31 18:00~2027-01-01 09:00:30\""), case .dateTime(let r) = t[0].test else {
            Issue.record()
            return
        }
        let newYear = LocalDateTime(year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        #expect(r[0].contains(newYear))
        #expect(r[0].contains(LocalDateTime(year: 2026, month: 12, day: 31, hour: 18, minute: 0, second: 0)))
        #expect(r[0].contains(LocalDateTime(year: 2027, month: 1, day: 1, hour: 9, minute: 0, second: 29)))
        #expect(!r[0].contains(LocalDateTime(year: 2027, month: 1, day: 1, hour: 9, minute: 0, second: 30)))
        #expect(
            check(verbs: "<Condition date-time=\"2027-01-01 00:00~2026-01-01 00:00\"><Hangup/></Condition>").codes == [
                "reversed-range"
            ])
        #expect(
            check(verbs: "<Condition date-time=\"2026-02-30 00:00~2026-03-01 00:00\"><Hangup/></Condition>").codes == [
                "invalid-value"
            ])
    }

    @Test func documentationFormattingSlip() {
        let checked = check(verbs: "<Condition date-time=\"2026-01-01 00:00**~**2026-01-02 00:00\"><Hangup/></Condition>")
        #expect(checked.codes == ["invalid-value"])
        #expect(checked.diagnostics[0].hint?.contains("'**~**'") == true)
    }

    @Test func aliasesAndUnknownAttributes() {
        #expect(tests("time=\"09:00-17:00\"")?.first?.attribute == "time")
        #expect(tests("date_time=\"2026-01-01 00:00~2026-01-02 00:00\"") != nil)
        #expect(
            check(verbs: "<Condition time=\"09:00-10:00\" time-of-day=\"09:00-10:00\"><Hangup/></Condition>").codes == [
                "duplicate-attribute"
            ])
        let unknown = check(verbs: "<Condition weekday=\"2\"><Hangup/></Condition>")
        #expect(unknown.codes == ["unknown-attribute"])
        #expect(unknown.errors.count == 1)  // an error here, not a warning
        #expect(check(verbs: "<Condition hours=\"9\"><Hangup/></Condition>").diagnostics.first?.hint == "did you mean 'hour'?")
    }

    @Test func noTestAtAll() {
        #expect(check(verbs: "<Condition><Say>x</Say></Condition>").codes == ["no-effect"])
    }
}
