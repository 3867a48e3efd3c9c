/// One time test of `<Condition>`, evaluated on the call's clock in its
/// time zone as FreeSWITCH's `switch_xml_std_datetime_check` evaluates it
/// (src/switch_xml.c, with switch_number_cmp, switch_dow_cmp, switch_tod_cmp
/// and switch_fulldate_cmp of src/switch_utils.c). Every test accepts a
/// single value, a range `lo-hi`, or a comma-separated list of both.
///
/// Ranges never wrap around (language.md): `mon="10-2"` holds in no month,
/// and `check` warns about it (`reversed-range`). FreeSWITCH's own releases
/// differ here: switch_utils.c as stored at signalwire/freeswitch b5a87ae
/// compares `val >= min && val <= max`, while later releases wrap a reversed
/// range around. The comparison is in one place per kind of range below.
public enum TimeTest: Sendable, Hashable {
    /// A calendar field against whole-number ranges, both ends included.
    case field(TimeField, [ValueRange])
    /// Seconds since midnight: the start included, the end excluded.
    case timeOfDay([TimeOfDayRange])
    /// Moments: the start included, the end excluded.
    case dateTime([DateTimeRange])
}

extension TimeTest {
    /// Whether some range ends below its start: then `ReversedRange` says
    /// how to write it (asked only then, as nearly no test has one).
    var hasReversedRange: Bool {
        switch self {
        case .field(_, let ranges): ranges.contains { $0.high < $0.low }
        case .timeOfDay(let ranges): ranges.contains { $0.end < $0.start }
        case .dateTime(let ranges): ranges.contains { $0.end < $0.start }
        }
    }
}

/// The calendar fields a `<Condition>` can test, with their bounds.
public enum TimeField: String, Sendable, Hashable, CaseIterable {
    case year, yday, mon, mday, week, mweek, wday, hour, minute
    case minuteOfDay = "minute-of-day"

    /// What the test compares, for the reference.
    public var meaning: String {
        switch self {
        case .year: "the year"
        case .yday: "the day of the year"
        case .mon: "the month"
        case .mday: "the day of the month"
        case .week: "the week of the year: (day of year − 1) div 7 + 1, so 1–7 January is week 1"
        case .mweek: "the week of the month, weeks starting on Sunday; the week holding the 1st is week 1"
        case .wday: "the day of the week, Sunday = 1, or the names sun…sat"
        case .hour: "the hour"
        case .minute: "the minute"
        case .minuteOfDay: "the minute of the day: hour × 60 + minute + 1, so 00:00 is 1 and noon 721"
        }
    }

    public var bounds: ClosedRange<Int> {
        switch self {
        case .year: 0...9999
        case .yday: 1...366
        case .mon: 1...12
        case .mday: 1...31
        case .week: 1...53
        case .mweek: 1...6
        case .wday: 1...7
        case .hour: 0...23
        case .minute: 0...59
        case .minuteOfDay: 1...1440
        }
    }
}

/// `lo-hi` (or a single value, lo == hi), both ends included, as
/// switch_number_cmp and switch_dow_cmp compare. Holds nothing when hi < lo.
public struct ValueRange: Sendable, Hashable {
    public let low: Int
    public let high: Int

    public init(_ low: Int, _ high: Int) {
        self.low = low
        self.high = high
    }

    public func contains(_ value: Int) -> Bool { low <= value && value <= high }
}

/// `h:mm[:ss]-h:mm[:ss]` as seconds since midnight. switch_tod_cmp at
/// signalwire/freeswitch b5a87ae: `val >= start && val < end`, so
/// `09:00-17:00` holds until 16:59:59 and `22:00-06:00` never holds.
public struct TimeOfDayRange: Sendable, Hashable {
    public let start: Int
    public let end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public func contains(_ secondOfDay: Int) -> Bool { start <= secondOfDay && secondOfDay < end }
}

/// A calendar moment as written in a script: compared field by field, in
/// the call's time zone.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public let year, month, day, hour, minute, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }
}

/// `start~end`. switch_fulldate_cmp (every release): `start <= now < end`.
public struct DateTimeRange: Sendable, Hashable {
    public let start: LocalDateTime
    public let end: LocalDateTime

    public func contains(_ moment: LocalDateTime) -> Bool { start <= moment && moment < end }
}
