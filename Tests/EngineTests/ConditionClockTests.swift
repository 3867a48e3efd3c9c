import Foundation
@testable import Engine
import Testing

/// `<Condition>` time tests on the call's clock, in its time zone.
@Suite struct ConditionClockTests {
    func holds(_ attributes: String, at start: String, timeZone: String = "UTC") -> Bool {
        let events = Fixture.run("<Condition \(attributes)><Say>yes</Say></Condition>",
                                 Fixture.scenario(at: start, timeZone: timeZone))
        return events.first("condition")?["result"]?.bool == true
    }

    @Test func timeOfDayAcrossMidnight() {
        #expect(holds("time-of-day=\"22:00-06:00\"", at: "2026-03-02T23:59:00Z"))
        #expect(holds("time-of-day=\"22:00-06:00\"", at: "2026-03-03T00:01:00Z"))
        #expect(holds("time-of-day=\"22:00-06:00\"", at: "2026-03-03T06:00:00Z"))
        #expect(!holds("time-of-day=\"22:00-06:00\"", at: "2026-03-03T06:00:01Z"))
        #expect(!holds("time-of-day=\"22:00-06:00\"", at: "2026-03-03T12:00:00Z"))
    }

    @Test func monthsAndDatesAcrossTheYearEnd() {
        #expect(holds("mon=\"10-2\"", at: "2026-12-15T12:00:00Z"))
        #expect(holds("mon=\"10-2\"", at: "2027-01-15T12:00:00Z"))
        #expect(!holds("mon=\"10-2\"", at: "2027-03-15T12:00:00Z"))
        let newYear = "date-time=\"2026-12-31 18:00~2027-01-01 09:00\""
        #expect(holds(newYear, at: "2026-12-31T23:59:59Z"))
        #expect(holds(newYear, at: "2027-01-01T00:00:00Z"))
        #expect(!holds(newYear, at: "2027-01-01T09:00:01Z"))
    }

    @Test func theCallsTimeZoneDecides() {
        // 23:30 UTC on a Monday is 00:30 on Tuesday in Paris.
        #expect(holds("wday=\"2\"", at: "2026-01-05T23:30:00Z"))
        #expect(holds("wday=\"3\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris"))
        #expect(holds("hour=\"0\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris"))
        #expect(holds("sunmontuewedthufrisat=\"tue\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris"))
    }

    @Test func otherFields() {
        let at = "2026-02-03T10:05:00Z"  // Tuesday 3 February 2026, day 34 of the year
        #expect(holds("year=\"2026\" mon=\"2\" mday=\"3\" yday=\"34\"", at: at))
        #expect(holds("minute=\"5\" hour=\"10\" minute-of-day=\"606\"", at: at))
        #expect(holds("week=\"6\"", at: at))
        #expect(!holds("yday=\"35\"", at: at))
    }

    @Test func theClockMovesDuringTheCall() {
        // After a 120 s pause, 09:59:30 becomes 10:01:30.
        let events = Fixture.run("<Pause length=\"120\"/><Condition hour=\"10\"><Say>late</Say></Condition>",
                                 Fixture.scenario(at: "2026-01-05T09:59:30Z"))
        #expect(events.first("say")?["text"]?.string == "late")
    }

    @Test func fieldAndExpression() {
        var scenario = Fixture.scenario()
        scenario.variables = ["lang": "fr-CA"]
        let events = Fixture.run("""
            <Condition field="${lang}" expression="^fr"><Say>Bonjour</Say></Condition>
            <Condition field="${lang}" expression="^de"><Say>Hallo</Say></Condition>
            """, scenario)
        #expect(events.all("say").map { $0["text"]?.string } == ["Bonjour"])
    }
}

@Suite struct FieldMatcherTests {
    @Test(arguments: [
        ("^1$", "1", true), ("^1$", "11", false), ("^1$", "", false),
        ("^(busy|no-answer)$", "busy", true), ("^(busy|no-answer)$", "no-answer", true), ("^(busy|no-answer)$", "busy ", false),
        ("^fr", "fr-CA", true), ("^fr", "de", false), ("[0-9]{3}", "ab123", true), ("^[12]$", "2", true), ("^[12]$", "3", false),
        ("^$", "", true), ("^$", "x", false), ("^a.c$", "abc", true), ("^a|b$", "xb", true),
    ])
    func literalFastPathAgreesWithTheRegularExpression(_ pattern: String, _ value: String, _ expected: Bool) throws {
        let fast = try #require(FieldMatcher(pattern))
        let regex = try NSRegularExpression(pattern: pattern)
        let slow = regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
        #expect(fast.matches(value) == expected)
        #expect(slow == expected)
    }
}
