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
                parse: dayOfWeek, ValueRange.init
            )
            .mapError { failure in Failure(expected: failure.expected, hint: dayNameHint(value)) }
            .map { .field(.wday, $0) }
        case "time-of-day", "time":
            return ranges(
                value, expected: { "h:mm-h:mm or h:mm:ss-h:mm:ss, or a list of them" }, requireRange: true,
                parse: secondsOfDay, TimeOfDayRange.init
            )
            .map { .timeOfDay($0) }
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
                parse: number(in: bounds), ValueRange.init
            )
            .map { .field(field, $0) }
        }
    }

    /// How to read one end of a range of `attribute` (nil for date-time,
    /// whose ends are moments).
    static func endParser(for attribute: String) -> ((String) -> Int?)? {
        let parse: ((Bytes) -> Int?)? =
            switch attribute {
            case "wday", "sunmontuewedthufrisat": dayOfWeek
            case "time-of-day", "time": secondsOfDay
            default: TimeField(rawValue: attribute).map { number(in: $0.bounds) }
            }
        guard let parse else { return nil }
        return { text in
            var copy = text
            return copy.withUTF8 { parse($0[...]) }
        }
    }

    /// `a,b-c,…` where each end is read by `parse`, from its bytes without
    /// the XML white space around it.
    ///
    /// On bytes, not Characters (this runs for every time test of every
    /// script): a value splits into the same items either way unless a `,`
    /// or `-` starts a Character with a combining mark after it, and such an
    /// item is not ASCII, which no end parser accepts, so it fails either
    /// way. (`ByteParserEquivalenceTests` holds the two readings to the same
    /// answers.)
    private static func ranges<Range>(
        _ value: String, expected: Expected, requireRange: Bool = false,
        parse: (Bytes) -> Int?, _ make: (Int, Int) -> Range
    ) -> Result<[Range], Failure> {
        var copy = value
        let parsed: [Range]? = copy.withUTF8 { bytes in
            var result: [Range] = []
            var itemStart = 0
            while true {
                var itemEnd = itemStart
                while itemEnd < bytes.count, bytes[itemEnd] != 0x2C /* , */ { itemEnd += 1 }
                let item = bytes[itemStart..<itemEnd]
                let dash = item.firstIndex(of: 0x2D /* - */)
                let low: Int?
                let high: Int?
                if let dash {
                    // Two ends, and no third.
                    let second = item[(dash + 1)...]
                    guard !second.contains(0x2D) else { return nil }
                    low = parse(trimmed(item[..<dash]))
                    high = low == nil ? nil : parse(trimmed(second))
                } else {
                    guard !requireRange else { return nil }
                    low = parse(trimmed(item))
                    high = low
                }
                guard let low, let high else { return nil }
                result.append(make(low, high))
                guard itemEnd < bytes.count else { return result }
                itemStart = itemEnd + 1
            }
        }
        guard let parsed else { return .failure(Failure(expected: expected())) }
        return .success(parsed)
    }

    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// Without XML white space at either end.
    private static func trimmed(_ bytes: Bytes) -> Bytes {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, ASCII.isSpace(bytes[start]) { start += 1 }
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The value of one or more ASCII digits, at most `maximumCount`.
    private static func digits(_ bytes: Bytes, maximumCount: Int) -> Int? {
        guard !bytes.isEmpty, bytes.count <= maximumCount else { return nil }
        var n = 0
        for byte in bytes {
            guard ASCII.isDigit(byte) else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }

    private static func number(in bounds: ClosedRange<Int>) -> (Bytes) -> Int? {
        { bytes in
            guard let n = digits(bytes, maximumCount: 4), bounds.contains(n) else { return nil }
            return n
        }
    }

    /// `1`…`7` (one digit, as switch_dow_cmp reads them) or a day name in
    /// any case (switch_dow_str2int compares with strncasecmp). Only ASCII
    /// can be a day name: no other letter lowercases to one of their
    /// letters (the Kelvin sign's `k` is in none of them).
    private static func dayOfWeek(_ bytes: Bytes) -> Int? {
        if bytes.count == 1 {
            let digit = Int(bytes[bytes.startIndex]) - 0x30
            return (1...7).contains(digit) ? digit : nil
        }
        guard bytes.count == 3 else { return nil }
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return dayNames.firstIndex { $0.utf8.elementsEqual(lowered) }.map { $0 + 1 }
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
        var copy = text
        return copy.withUTF8 { secondsOfDay($0[...]) }
    }

    private static func secondsOfDay(_ bytes: Bytes) -> Int? {
        guard let firstColon = bytes.firstIndex(of: 0x3A /* : */),
            let h = digits(bytes[..<firstColon], maximumCount: 2)
        else { return nil }
        let rest = bytes[(firstColon + 1)...]
        let secondColon = rest.firstIndex(of: 0x3A)
        let minutes = rest[..<(secondColon ?? rest.endIndex)]
        guard minutes.count == 2, let m = digits(minutes, maximumCount: 2), m <= 59 else { return nil }
        var s = 0
        if let secondColon {
            let seconds = rest[(secondColon + 1)...]
            guard seconds.count == 2, let n = digits(seconds, maximumCount: 2), n <= 59 else { return nil }
            s = n
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
