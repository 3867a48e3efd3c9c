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
        case "sunmontuewedthufrisat":
            return ranges(value, expected: { "day names sun…sat, as a list or ranges (mon-fri,sun)" }) { name in
                dayNames.firstIndex(of: name.lowercased()).map { $0 + 1 }
            }.map { .field(.wday, $0) }
        case "time-of-day", "time":
            return ranges(value, expected: { "hh:mm-hh:mm or hh:mm:ss-hh:mm:ss" }, requireRange: true, parse: secondsOfDay)
                .map { .timeOfDay($0) }
        case "date-time", "date_time":
            return dateTimes(value).map { .dateTime($0) }
        default:
            guard let field = TimeField(rawValue: attribute) else {
                return .failure(Failure(expected: "a known test"))
            }
            let bounds = field.bounds
            return ranges(value, expected: { "whole numbers from \(bounds.lowerBound) to \(bounds.upperBound), as a value, a range lo-hi, or a list" }) { text in
                guard ASCII.isDigits(text, maximumCount: 4), let n = Int(text), bounds.contains(n) else { return nil }
                return n
            }.map { .field(field, $0) }
        }
    }

    /// `a,b-c,…` where each item is parsed by `parse`.
    private static func ranges(_ value: String, expected: Expected, requireRange: Bool = false,
                               parse: (String) -> Int?) -> Result<[WrappingRange], Failure> {
        var result: [WrappingRange] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { String($0.trimmed) }
            guard bounds.count == 1 && !requireRange || bounds.count == 2,
                  let low = parse(bounds[0]), let high = parse(bounds[bounds.count - 1])
            else { return .failure(Failure(expected: expected())) }
            result.append(WrappingRange(low, high))
        }
        return .success(result)
    }

    /// `hh:mm` or `hh:mm:ss` as seconds since midnight.
    private static func secondsOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let numbers = parts.map { part -> Int? in
            part.utf8.count == 2 && ASCII.isDigits(part) ? Int(part) : nil
        }
        guard let h = numbers[0], let m = numbers[1], h <= 23 || (h == 24 && m == 0), m <= 59 else { return nil }
        let s = parts.count == 3 ? numbers[2] : 0
        guard let s, s <= 59 else { return nil }
        return h * 3600 + m * 60 + s
    }

    private static func dateTimes(_ value: String) -> Result<[DateTimeRange], Failure> {
        let expected = "YYYY-MM-DD hh:mm[:ss]~YYYY-MM-DD hh:mm[:ss]"
        if value.contains("**") {
            return .failure(Failure(expected: expected,
                                    hint: "'**~**' is a formatting slip in the documentation: write a plain '~' between the two moments"))
        }
        var result: [DateTimeRange] = []
        for item in value.split(separator: ",") {
            let ends = item.split(separator: "~", omittingEmptySubsequences: false)
            guard ends.count == 2, let start = moment(ends[0].trimmed), let end = moment(ends[1].trimmed) else {
                return .failure(Failure(expected: expected))
            }
            guard start <= end else {
                return .failure(Failure(expected: expected, hint: "the first moment must not be after the second"))
            }
            result.append(DateTimeRange(start: start, end: end))
        }
        return result.isEmpty ? .failure(Failure(expected: expected)) : .success(result)
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
