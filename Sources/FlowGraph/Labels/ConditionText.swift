import Language

/// A `Condition`'s tests written out for a reader: `wday mon-fri`,
/// `time-of-day 09:00–17:30`, `${gather_result} ~ ^1$`.
enum ConditionText {
    static func of(_ condition: Condition) -> String {
        var parts: [String] = []
        if let match = condition.match {
            parts.append("\(match.field) ~ \(match.expression)")
        }
        for named in condition.timeTests {
            parts.append("\(named.attribute) \(text(of: named.test))")
        }
        return parts.isEmpty ? "always" : parts.joined(separator: ", ")
    }

    static func text(of test: TimeTest) -> String {
        switch test {
        case .field(let field, let ranges):
            return ranges.map { range($0, field) }.joined(separator: ",")
        case .timeOfDay(let ranges):
            return ranges.map { clock($0.start) + "–" + clock($0.end) }.joined(separator: ",")
        case .dateTime(let ranges):
            return ranges.map { moment($0.start) + " ~ " + moment($0.end) }.joined(separator: ",")
        }
    }

    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    private static func range(_ range: ValueRange, _ field: TimeField) -> String {
        func value(_ v: Int) -> String {
            field == .wday && (1...7).contains(v) ? dayNames[v - 1] : String(v)
        }
        return range.low == range.high ? value(range.low) : value(range.low) + "-" + value(range.high)
    }

    /// Seconds since midnight as `h:mm`, with seconds only when there are some.
    private static func clock(_ seconds: Int) -> String {
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return two(h) + ":" + two(m) + (s == 0 ? "" : ":" + two(s))
    }

    private static func moment(_ m: LocalDateTime) -> String {
        "\(m.year)-\(two(m.month))-\(two(m.day)) \(two(m.hour)):\(two(m.minute))" + (m.second == 0 ? "" : ":" + two(m.second))
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
