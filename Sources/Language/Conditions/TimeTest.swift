/// One time test of `<Condition>`, evaluated on the call's clock in its
/// time zone. Every test accepts a single value, a range `lo-hi`, or a
/// comma-separated list of both; a range whose end is below its start wraps
/// around (`mon="10-2"` is October to February).
public enum TimeTest: Sendable, Hashable {
    /// A calendar field against whole-number ranges.
    case field(TimeField, [WrappingRange])
    /// Seconds since midnight, inclusive at both ends.
    case timeOfDay([WrappingRange])
    /// Moments, inclusive at both ends.
    case dateTime([DateTimeRange])
}

/// The calendar fields a `<Condition>` can test, with their bounds.
public enum TimeField: String, Sendable, Hashable, CaseIterable {
    case year, yday, mon, mday, week, mweek, wday, hour, minute
    case minuteOfDay = "minute-of-day"

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

/// `lo-hi` (or a single value, lo == hi); wraps around when hi < lo.
public struct WrappingRange: Sendable, Hashable {
    public let low: Int
    public let high: Int

    public init(_ low: Int, _ high: Int) {
        self.low = low
        self.high = high
    }

    public func contains(_ value: Int) -> Bool {
        low <= high ? (low...high).contains(value) : (value >= low || value <= high)
    }
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

/// `start~end`, inclusive.
public struct DateTimeRange: Sendable, Hashable {
    public let start: LocalDateTime
    public let end: LocalDateTime

    public func contains(_ moment: LocalDateTime) -> Bool { start <= moment && moment <= end }
}
