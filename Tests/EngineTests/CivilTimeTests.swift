import Foundation
import Testing
@testable import Engine

/// The arithmetic calendar agrees with Foundation's, over years of moments
/// and several time zones.
@Suite struct CivilTimeTests {
    @Test(arguments: ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Australia/Lord_Howe"])
    func agreesWithFoundation(_ zoneName: String) {
        let zone = TimeZone(identifier: zoneName)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // 1950 to 2100.
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -631_152_000...4_102_444_800, using: &generator)))
            let t = CivilTime(date, in: zone)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .weekOfYear, .weekOfMonth], from: date)
            let ours: [Int] = [t.year, t.month, t.day, t.hour, t.minute, t.second]
            let theirs: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!]
            #expect(ours == theirs, "\(date) \(zoneName)")
            #expect(t.weekday == c.weekday!)
            #expect(t.weekOfYear == c.weekOfYear!, "\(date) \(zoneName)")
            #expect(t.weekOfMonth == c.weekOfMonth!, "\(date) \(zoneName)")
            #expect(t.dayOfYear == calendar.ordinality(of: .day, in: .year, for: date)!)
        }
    }

    @Test func iso8601() {
        let date = ISO8601DateFormatter().date(from: "2026-01-05T09:30:00Z")!
        #expect(CivilTime(date, in: TimeZone(identifier: "UTC")!).iso8601 == "2026-01-05T09:30:00Z")
        #expect(CivilTime(date, in: TimeZone(identifier: "Asia/Kolkata")!).iso8601 == "2026-01-05T15:00:00+05:30")
        #expect(CivilTime(date, in: TimeZone(identifier: "America/New_York")!).iso8601 == "2026-01-05T04:30:00-05:00")
    }
}
