import Foundation
import Testing

@testable import Engine

/// `<Condition>` time tests on the call's clock, in its time zone, as
/// FreeSWITCH's switch_xml_std_datetime_check evaluates them.
@Suite struct ConditionClockTests {
    /// Whether the condition holds at `start`; nil when the script does not
    /// check (so a rejected value fails the test instead of crashing it).
    func holds(_ attributes: String, at start: String, timeZone: String = "UTC") -> Bool? {
        let xml = "<Response>\n<Condition \(attributes)><Say>yes</Say></Condition>\n</Response>"
        guard case .success(let script) = CompiledScript.compile(bytes: Array(xml.utf8), file: "test.xml") else { return nil }
        let engine = Engine(directory: Fixture.directory)
        var sink = CollectingSink()
        engine.run(script, scenario: Fixture.scenario(at: start, timeZone: timeZone), sink: &sink)
        return sink.events.first(.condition)?[.result]?.bool
    }

    /// Ranges never wrap around (language.md): a range ending below its
    /// start holds at no moment.
    @Test func rangesNeverWrap() {
        for at in ["2026-03-02T23:59:00Z", "2026-03-03T00:01:00Z", "2026-03-03T06:00:00Z", "2026-03-03T12:00:00Z"] {
            #expect(holds("time-of-day=\"22:00-06:00\"", at: at) == false, "\(at)")
            #expect(holds("hour=\"22-6\"", at: at) == false, "\(at)")
        }
        for at in ["2026-12-15T12:00:00Z", "2027-01-15T12:00:00Z", "2027-03-15T12:00:00Z"] {
            #expect(holds("mon=\"10-2\"", at: at) == false, "\(at)")
        }
        #expect(holds("wday=\"fri-mon\"", at: "2026-01-05T09:30:00Z") == false)  // a Monday
        // Written as two ranges, the night is covered.
        #expect(holds("hour=\"22-23,0-6\"", at: "2026-03-03T00:01:00Z") == true)
        #expect(holds("time-of-day=\"22:00-24:00,00:00-06:00\"", at: "2026-03-02T23:59:59Z") == true)
    }

    /// switch_tod_cmp: start <= now < end, to the second.
    @Test func timeOfDayIncludesItsStartAndExcludesItsEnd() {
        #expect(holds("time-of-day=\"09:00-17:00\"", at: "2026-01-05T09:00:00Z") == true)
        #expect(holds("time-of-day=\"09:00-17:00\"", at: "2026-01-05T16:59:59Z") == true)
        #expect(holds("time-of-day=\"09:00-17:00\"", at: "2026-01-05T17:00:00Z") == false)
        #expect(holds("time-of-day=\"09:00-17:00\"", at: "2026-01-05T08:59:59Z") == false)
        #expect(holds("time-of-day=\"9:00-17:00\"", at: "2026-01-05T09:30:00Z") == true)
        #expect(holds("time=\"9:00:30-9:00:31\"", at: "2026-01-05T09:00:30Z") == true)
        #expect(holds("time=\"9:00:30-9:00:31\"", at: "2026-01-05T09:00:31Z") == false)
    }

    /// switch_fulldate_cmp: start <= now < end.
    @Test func dateTimeIncludesItsStartAndExcludesItsEnd() {
        let newYear = "date-time=\"2026-12-31 18:00~2027-01-01 09:00\""
        #expect(holds(newYear, at: "2026-12-31T18:00:00Z") == true)
        #expect(holds(newYear, at: "2026-12-31T17:59:59Z") == false)
        #expect(holds(newYear, at: "2027-01-01T08:59:59Z") == true)
        #expect(holds(newYear, at: "2027-01-01T09:00:00Z") == false)
    }

    /// wday: 1–7 with Sunday = 1, or the names sun…sat, in any case.
    @Test(arguments: ["wday", "sunmontuewedthufrisat"])
    func weekdaysByNumberOrName(_ attribute: String) {
        // 2026-01-04 is a Sunday, 2026-01-09 a Friday, 2026-01-10 a Saturday.
        #expect(holds("\(attribute)=\"mon-fri\"", at: "2026-01-05T09:30:00Z") == true)
        #expect(holds("\(attribute)=\"Mon-Fri\"", at: "2026-01-09T09:30:00Z") == true)
        #expect(holds("\(attribute)=\"mon-fri\"", at: "2026-01-10T09:30:00Z") == false)
        #expect(holds("\(attribute)=\"mon-fri\"", at: "2026-01-04T09:30:00Z") == false)
        #expect(holds("\(attribute)=\"1\"", at: "2026-01-04T09:30:00Z") == true)
        #expect(holds("\(attribute)=\"sat,sun\"", at: "2026-01-04T09:30:00Z") == true)
        #expect(holds("\(attribute)=\"2-6\"", at: "2026-01-09T09:30:00Z") == true)
    }

    @Test func theCallsTimeZoneDecides() {
        // 23:30 UTC on a Monday is 00:30 on Tuesday in Paris.
        #expect(holds("wday=\"2\"", at: "2026-01-05T23:30:00Z") == true)
        #expect(holds("wday=\"3\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris") == true)
        #expect(holds("hour=\"0\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris") == true)
        #expect(holds("sunmontuewedthufrisat=\"tue\"", at: "2026-01-05T23:30:00Z", timeZone: "Europe/Paris") == true)
    }

    @Test func otherFields() {
        let at = "2026-02-03T10:05:00Z"  // Tuesday 3 February 2026, day 34 of the year
        #expect(holds("year=\"2026\" mon=\"2\" mday=\"3\" yday=\"34\"", at: at) == true)
        #expect(holds("minute=\"5\" hour=\"10\" minute-of-day=\"606\"", at: at) == true)
        #expect(holds("yday=\"35\"", at: at) == false)
    }

    /// minute-of-day = hour × 60 + minute + 1: midnight is 1, noon 721.
    @Test func minuteOfDayCountsFromOne() {
        #expect(holds("minute-of-day=\"1\"", at: "2026-01-05T00:00:59Z") == true)
        #expect(holds("minute-of-day=\"721\"", at: "2026-01-05T12:00:00Z") == true)
        #expect(holds("minute-of-day=\"720\"", at: "2026-01-05T12:00:00Z") == false)
        #expect(holds("minute-of-day=\"1440\"", at: "2026-01-05T23:59:00Z") == true)
    }

    /// week = (day of year − 1) div 7 + 1, whatever the weekday: 1–7
    /// January is week 1, 31 December week 53.
    @Test func weekOfTheYear() {
        #expect(holds("week=\"1\"", at: "2026-01-04T12:00:00Z") == true)  // a Sunday, still week 1
        #expect(holds("week=\"1\"", at: "2026-01-07T12:00:00Z") == true)
        #expect(holds("week=\"2\"", at: "2026-01-08T12:00:00Z") == true)
        #expect(holds("week=\"5\"", at: "2026-02-03T10:05:00Z") == true)  // day 34
        #expect(holds("week=\"53\"", at: "2026-12-31T12:00:00Z") == true)  // day 365
        #expect(holds("week=\"53\"", at: "2024-12-31T12:00:00Z") == true)  // day 366
    }

    /// mweek: weeks start on Sunday; the week holding the 1st is week 1.
    @Test func weekOfTheMonth() {
        // August 2026 starts on a Saturday and ends on a Monday.
        #expect(holds("mweek=\"1\"", at: "2026-08-01T12:00:00Z") == true)
        #expect(holds("mweek=\"2\"", at: "2026-08-02T12:00:00Z") == true)
        #expect(holds("mweek=\"6\"", at: "2026-08-31T12:00:00Z") == true)
        // March 2026 starts on a Sunday.
        #expect(holds("mweek=\"1\"", at: "2026-03-07T12:00:00Z") == true)
        #expect(holds("mweek=\"2\"", at: "2026-03-08T12:00:00Z") == true)
    }

    @Test func theClockMovesDuringTheCall() {
        // After a 120 s pause, 09:59:30 becomes 10:01:30.
        let events = Fixture.run(
            "<Pause length=\"120\"/><Condition hour=\"10\"><Say>late</Say></Condition>",
            Fixture.scenario(at: "2026-01-05T09:59:30Z"))
        #expect(events.first(.say)?[.text]?.string == "late")
    }

    @Test func fieldAndExpression() {
        var scenario = Fixture.scenario()
        scenario.variables = ["lang": "fr-CA", "digits": "21"]
        let events = Fixture.run(
            """
            <Condition field="${lang}" expression="^fr"><Say>Bonjour</Say></Condition>
            <Condition field="${lang}" expression="^de"><Say>Hallo</Say></Condition>
            <Condition field="${digits}" expression="1"><Say>anywhere</Say></Condition>
            <Condition field="${digits}" expression="^1$"><Say>whole</Say></Condition>
            """, scenario)
        #expect(events.all(.say).map { $0[.text]?.string } == ["Bonjour", "anywhere"])
    }
}

@Suite struct FieldMatcherTests {
    static func regexMatches(_ pattern: String, _ value: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    @Test(arguments: [
        ("^1$", "1", true), ("^1$", "11", false), ("^1$", "", false),
        ("^(busy|no-answer)$", "busy", true), ("^(busy|no-answer)$", "no-answer", true), ("^(busy|no-answer)$", "busy ", false),
        ("^fr", "fr-CA", true), ("^fr", "de", false), ("[0-9]{3}", "ab123", true), ("^[12]$", "2", true), ("^[12]$", "3", false),
        ("^$", "", true), ("^$", "x", false), ("^a.c$", "abc", true), ("^a|b$", "xb", true),
        // Unanchored, as FreeSWITCH's PCRE matches: anywhere in the value.
        ("1", "21", true), ("1", "2", false), ("busy", "not busy today", true),
        // `$` also matches before a line break that ends the value (PCRE and ICU alike).
        ("^1$", "1\n", true), ("^(busy|no-answer)$", "busy\n", true), ("^1$", "1\n\n", false), ("^1$", "\n1", false),
    ])
    func literalFastPathAgreesWithTheRegularExpression(_ pattern: String, _ value: String, _ expected: Bool) throws {
        let fast = try #require(FieldMatcher(pattern))
        #expect(fast.matches(value) == expected)
        #expect(try Self.regexMatches(pattern, value) == expected)
    }

    /// Whatever the value, the fast path answers as the regular expression
    /// it stands for: line terminators ICU's `$` skips, and characters Swift
    /// compares by canonical equivalence (U+212A KELVIN SIGN equals "K").
    @Test(arguments: ["^1$", "^K$", "^(busy|K)$", "^$"])
    func fastPathAgreesOnAwkwardValues(_ pattern: String) throws {
        let fast = try #require(FieldMatcher(pattern))
        let bodies = ["", "1", "K", "\u{212A}", "busy"]
        let endings = ["", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", " "]
        for body in bodies {
            for ending in endings {
                let value = body + ending
                #expect(fast.matches(value) == (try Self.regexMatches(pattern, value)), "\(pattern) on \(value.debugDescription)")
            }
        }
    }
}
