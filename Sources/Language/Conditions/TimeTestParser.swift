/// Reads the value of one time-test attribute. Returns the test, or what a
/// valid value looks like (for the diagnostic) and an optional hint.
enum TimeTestParser {
    struct Failure: Error {
        let expected: String
        var hint: String?
    }

    typealias Expected = () -> String

    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func parse(attribute: String, value: String) -> Result<TimeTest, Failure> {
        switch attribute {
        case "wday", "sunmontuewedthufrisat":
            // One test under two names: the documentation's table shows
            // FreeSWITCH's `wday` row garbled into `sunmontuewedthufrisat`.
            return ranges(
                value, expected: { "days 1–7 (Sunday = 1) or sun…sat, as a value, a range (mon-fri) or a list" },
                parse: dayOfWeek
            )
            .mapError { failure in Failure(expected: failure.expected, hint: dayNameHint(value)) }
            .map { .field(.wday, $0.map { ValueRange($0.low, $0.high) }) }
        case "time-of-day", "time":
            return ranges(
                value, expected: { "h:mm-h:mm or h:mm:ss-h:mm:ss, or a list of them" }, requireRange: true, parse: secondsOfDay
            )
            .map { .timeOfDay($0.map { TimeOfDayRange($0.low, $0.high) }) }
        case "date-time", "date_time":
            return dateTimes(value).map { .dateTime($0) }
        default:
            guard let field = TimeField(rawValue: attribute) else {
                return .failure(Failure(expected: "a known test"))
            }
            let bounds = field.bounds
            return ranges(
                value,
                expected: {
                    "whole numbers from \(bounds.lowerBound) to \(bounds.upperBound), as a value, a range lo-hi, or a list"
                },
                parse: number(in: bounds)
            )
            .map { .field(field, $0.map { ValueRange($0.low, $0.high) }) }
        }
    }

    /// How to read one end of a range of `attribute` (nil for date-time,
    /// whose ends are moments).
    static func endParser(for attribute: String) -> ((String) -> Int?)? {
        switch attribute {
        case "wday", "sunmontuewedthufrisat": dayOfWeek
        case "time-of-day", "time": secondsOfDay
        default: TimeField(rawValue: attribute).map { number(in: $0.bounds) }
        }
    }

    /// `a,b-c,…` where each end is read by `parse`.
    private static func ranges(
        _ value: String, expected: Expected, requireRange: Bool = false,
        parse: (String) -> Int?
    ) -> Result<[(low: Int, high: Int)], Failure> {
        var result: [(low: Int, high: Int)] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { String($0.trimmed) }
            guard ends.count == 1 && !requireRange || ends.count == 2,
                let low = parse(ends[0]), let high = parse(ends[ends.count - 1])
            else { return .failure(Failure(expected: expected())) }
            result.append((low, high))
        }
        return .success(result)
    }

    private static func number(in bounds: ClosedRange<Int>) -> (String) -> Int? {
        { text in
            guard ASCII.isDigits(text, maximumCount: 4), let n = Int(text), bounds.contains(n) else { return nil }
            return n
        }
    }

    /// `1`…`7` (one digit, as switch_dow_cmp reads them) or a day name in
    /// any case (switch_dow_str2int compares with strncasecmp).
    private static func dayOfWeek(_ text: String) -> Int? {
        if text.utf8.count == 1, let digit = Int(text), (1...7).contains(digit) { return digit }
        return dayNames.firstIndex(of: text.lowercased()).map { $0 + 1 }
    }

    /// `monday` → "write 'mon'": FreeSWITCH reads three letters only.
    private static func dayNameHint(_ value: String) -> String? {
        for word in value.split(whereSeparator: { $0 == "," || $0 == "-" }) {
            let lower = word.trimmed.lowercased()
            if lower.count > 3, let name = dayNames.first(where: { lower.hasPrefix($0) }) {
                return "day names are three letters: write '\(name)'"
            }
        }
        return nil
    }

    /// `h:mm` or `h:mm:ss` (one or two digits for the hour, as the
    /// documentation's `9:00-17:00` writes it) as seconds since midnight.
    /// `24:00` is the end of the day.
    static func secondsOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            ASCII.isDigits(parts[0], maximumCount: 2), let h = Int(parts[0]),
            parts[1].utf8.count == 2, ASCII.isDigits(parts[1]), let m = Int(parts[1]), m <= 59
        else { return nil }
        var s = 0
        if parts.count == 3 {
            guard parts[2].utf8.count == 2, ASCII.isDigits(parts[2]), let seconds = Int(parts[2]), seconds <= 59 else {
                return nil
            }
            s = seconds
        }
        guard h <= 23 || (h == 24 && m == 0 && s == 0) else { return nil }
        return h * 3600 + m * 60 + s
    }

    static let dateTimeExpected = "YYYY-MM-DD hh:mm[:ss]~YYYY-MM-DD hh:mm[:ss]"

    private static func dateTimes(_ value: String) -> Result<[DateTimeRange], Failure> {
        if value.contains("**") {
            return .failure(
                Failure(
                    expected: dateTimeExpected,
                    hint: "'**~**' is a formatting slip in the documentation: write a plain '~' between the two moments"))
        }
        var result: [DateTimeRange] = []
        for item in value.split(separator: ",") {
            guard let (start, end) = moments(item) else { return .failure(Failure(expected: dateTimeExpected)) }
            result.append(DateTimeRange(start: start, end: end))
        }
        return result.isEmpty ? .failure(Failure(expected: dateTimeExpected)) : .success(result)
    }

    /// `start~end` of one date-time item.
    static func moments<S: StringProtocol>(_ item: S) -> (LocalDateTime, LocalDateTime)? {
        let ends = item.split(separator: "~", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = moment(ends[0].trimmed), let end = moment(ends[1].trimmed) else { return nil }
        return (start, end)
    }

    /// `YYYY-MM-DD hh:mm[:ss]`.
    private static func moment<S: StringProtocol>(_ text: S) -> LocalDateTime? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 2 else { return nil }
        let date = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
            let y = Int(date[0]), let mo = Int(date[1]), let d = Int(date[2]),
            (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d),
            let seconds = secondsOfDay(String(halves[1])), seconds < 86400
        else { return nil }
        return LocalDateTime(year: y, month: mo, day: d, hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
