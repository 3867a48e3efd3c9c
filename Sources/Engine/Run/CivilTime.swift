import Foundation

/// A moment as a wall clock in a time zone reads it, computed with plain
/// arithmetic (proleptic Gregorian calendar; weeks of the year and of the
/// month as FreeSWITCH counts them for `<Condition>`). Calendar and date
/// formatters cost tens of microseconds a call; this costs nanoseconds, and
/// calls run by the hundred thousand.
struct CivilTime: Equatable {
    let year, month, day, hour, minute, second: Int
    /// Sunday = 1 … Saturday = 7.
    let weekday: Int
    /// 1…366.
    let dayOfYear: Int
    /// Seconds east of UTC.
    let offset: Int

    init(_ date: Date, in zone: TimeZone) {
        offset = zone.secondsFromGMT(for: date)
        let local = Self.wholeSeconds(date.timeIntervalSince1970) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondsOfDay = local - days * 86_400
        (hour, minute, second) = (secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
        (year, month, day) = Self.civil(fromDays: days)
        weekday = ((days % 7 + 7) % 7 + 4) % 7 + 1  // 1970-01-01 was a Thursday
        dayOfYear = days - Self.days(fromYear: year, month: 1, day: 1) + 1
    }

    /// Week of the year as FreeSWITCH counts it: (day of year − 1) div 7 + 1,
    /// whatever the weekday, so 1–7 January is week 1 and 31 December week
    /// 53 (switch_xml_std_datetime_check in src/switch_xml.c: tm_yday / 7 + 1,
    /// tm_yday counting from 0).
    var weekOfYear: Int { (dayOfYear - 1) / 7 + 1 }

    /// Week of the month as FreeSWITCH counts it: weeks start on Sunday and
    /// the week holding the 1st is week 1 (switch_xml_std_datetime_check:
    /// ceil((mday + weekday of the 1st, Sunday = 0) / 7)).
    var weekOfMonth: Int {
        let firstWeekday = ((weekday - 1 - (day - 1)) % 7 + 7) % 7  // of the 1st, Sunday = 0
        return (day - 1 + firstWeekday) / 7 + 1
    }

    /// `2026-01-05T09:30:00Z`, or with the offset: `2026-01-05T10:30:00+01:00`.
    var iso8601: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var zone = "Z"
        if offset != 0 {
            let minutes = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        }
        let yyyy = String(year).count >= 4 ? String(year) : String(repeating: "0", count: 4 - String(year).count) + String(year)
        return "\(yyyy)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))\(zone)"
    }

    /// Seconds as a whole number, checked: far outside any date a call can
    /// have (scenario times are bounded) it clamps instead of trapping.
    static func wholeSeconds(_ seconds: Double) -> Int {
        let limit = 1e15  // about 31 million years
        guard seconds.isFinite else { return seconds < 0 ? -Int(limit) : Int(limit) }
        return Int(min(max(seconds, -limit), limit).rounded(.down))
    }

    /// The years a scenario may name: four digits, as ISO 8601 writes them.
    static let years = 1...9999

    /// Reads `2026-01-05T09:30:00Z`, `2026-01-05T10:30:00+01:00` or with a
    /// fraction of a second, in the proleptic Gregorian calendar that
    /// `iso8601` writes (Foundation's formatters switch to the Julian
    /// calendar before 1582, so a date would not read back as written).
    /// Nil for anything else, including impossible dates.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for byte in b[from..<from + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                n = n * 10 + Int(byte - 0x30)
            }
            return n
        }
        func byte(_ at: Int, is expected: Character) -> Bool { at < b.count && b[at] == expected.asciiValue! }
        guard let year = digits(0, 4), byte(4, is: "-"), let month = digits(5, 2), byte(7, is: "-"), let day = digits(8, 2),
            byte(10, is: "T") || byte(10, is: "t"), let hour = digits(11, 2), byte(13, is: ":"), let minute = digits(14, 2),
            byte(16, is: ":"), let second = digits(17, 2)
        else { return nil }
        guard years.contains(year), (1...12).contains(month), hour <= 23, minute <= 59, second <= 59 else { return nil }
        let monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= monthDays[month - 1] else { return nil }
        var at = 19
        var fraction = 0.0
        if byte(at, is: ".") {
            at += 1
            var scale = 0.1
            let start = at
            while at < b.count, b[at] >= 0x30, b[at] <= 0x39, at - start < 9 {
                fraction += Double(b[at] - 0x30) * scale
                scale /= 10
                at += 1
            }
            guard at > start else { return nil }
        }
        var offset = 0
        if byte(at, is: "Z") || byte(at, is: "z") {
            at += 1
        } else if byte(at, is: "+") || byte(at, is: "-") {
            guard let h = digits(at + 1, 2), byte(at + 3, is: ":"), let m = digits(at + 4, 2), h <= 23, m <= 59 else {
                return nil
            }
            offset = (h * 3600 + m * 60) * (byte(at, is: "-") ? -1 : 1)
            at += 6
        } else {
            return nil
        }
        guard at == b.count else { return nil }
        let seconds = days(fromYear: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Days since 1970-01-01 → (year, month, day). (Howard Hinnant's algorithm.)
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// (year, month, day) → days since 1970-01-01.
    static func days(fromYear y0: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
