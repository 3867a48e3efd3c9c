import Foundation
import TestSupport
import Testing

@testable import Engine

/// The arithmetic calendar agrees with Foundation's, over years of moments
/// and several time zones; the week of the year is FreeSWITCH's.
@Suite struct CivilTimeTests {
    @Test(arguments: ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe"])
    func agreesWithFoundation(_ zoneName: String) {
        let zone = TimeZone(identifier: zoneName)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var generator = SeededRandom(default: 0xC1_0C4)
        let seed = generator.seed
        for _ in 0..<2000 {
            // 1950 to 2100.
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -631_152_000...4_102_444_800, using: &generator)))
            let t = CivilTime(date, in: zone)
            let c = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second, .weekday, .weekOfYear, .weekOfMonth], from: date)
            let ours: [Int] = [t.year, t.month, t.day, t.hour, t.minute, t.second]
            let theirs: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!]
            #expect(ours == theirs, "seed \(seed): \(date) \(zoneName)")
            #expect(t.weekday == c.weekday!, "seed \(seed): \(date) \(zoneName)")
            let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date)!
            #expect(t.dayOfYear == dayOfYear, "seed \(seed): \(date) \(zoneName)")
            #expect(t.weekOfYear == (dayOfYear - 1) / 7 + 1, "seed \(seed): \(date) \(zoneName)")
            // FreeSWITCH's week of the month is Foundation's with weeks from
            // Sunday and week 1 holding the 1st.
            #expect(t.weekOfMonth == c.weekOfMonth!, "seed \(seed): \(date) \(zoneName)")
        }
    }

    /// switch_xml_std_datetime_check: week = tm_yday / 7 + 1, not the
    /// calendar's week (which starts on Sunday and may count 31 December as
    /// week 1 of the next year).
    @Test(arguments: [
        ("2026-01-01T00:00:00Z", 1), ("2026-01-04T12:00:00Z", 1), ("2026-01-07T23:59:59Z", 1), ("2026-01-08T00:00:00Z", 2),
        ("2026-02-03T10:05:00Z", 5), ("2026-12-30T12:00:00Z", 52), ("2026-12-31T12:00:00Z", 53), ("2024-12-31T12:00:00Z", 53),
    ])
    func weekOfYearAsFreeSWITCHCountsIt(_ moment: String, _ week: Int) {
        let date = ISO8601DateFormatter().date(from: moment)!
        #expect(CivilTime(date, in: TimeZone(identifier: "UTC")!).weekOfYear == week)
    }

    /// ceil((day of month + weekday of the 1st, Sunday = 0) / 7).
    @Test(arguments: [
        ("2026-08-01T12:00:00Z", 1), ("2026-08-02T12:00:00Z", 2), ("2026-08-31T12:00:00Z", 6),
        ("2026-03-01T12:00:00Z", 1), ("2026-03-07T12:00:00Z", 1), ("2026-03-08T12:00:00Z", 2), ("2026-02-28T12:00:00Z", 4),
    ])
    func weekOfMonthAsFreeSWITCHCountsIt(_ moment: String, _ week: Int) {
        let date = ISO8601DateFormatter().date(from: moment)!
        #expect(CivilTime(date, in: TimeZone(identifier: "UTC")!).weekOfMonth == week)
    }

    @Test func iso8601() {
        let date = ISO8601DateFormatter().date(from: "2026-01-05T09:30:00Z")!
        #expect(CivilTime(date, in: TimeZone(identifier: "UTC")!).iso8601 == "2026-01-05T09:30:00Z")
        #expect(CivilTime(date, in: TimeZone(identifier: "Asia/Kolkata")!).iso8601 == "2026-01-05T15:00:00+05:30")
        #expect(CivilTime(date, in: TimeZone(identifier: "America/New_York")!).iso8601 == "2026-01-05T04:30:00-05:00")
    }
}
