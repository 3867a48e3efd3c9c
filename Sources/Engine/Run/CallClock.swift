import Foundation
import Language

/// The call's virtual clock: its start moment and time zone, and the
/// seconds elapsed. Nothing sleeps; verbs advance it.
struct CallClock {
    let start: Date
    let timeZone: TimeZone
    var elapsed: Double = 0

    init(start: Date, timeZone: TimeZone) {
        self.start = start
        self.timeZone = timeZone
    }

    var now: Date { start.addingTimeInterval(elapsed) }

    /// Whether `test` holds at the current moment, in the call's time zone.
    func holds(_ test: TimeTest) -> Bool {
        let t = CivilTime(now, in: timeZone)
        switch test {
        case .field(let field, let ranges):
            let value: Int
            switch field {
            case .year: value = t.year
            case .yday: value = t.dayOfYear
            case .mon: value = t.month
            case .mday: value = t.day
            case .week: value = t.weekOfYear
            case .mweek: value = t.weekOfMonth
            case .wday: value = t.weekday  // Sunday = 1
            case .hour: value = t.hour
            case .minute: value = t.minute
            case .minuteOfDay: value = t.hour * 60 + t.minute + 1  // 00:00 is minute 1
            }
            return ranges.contains { $0.contains(value) }
        case .timeOfDay(let ranges):
            let seconds = t.hour * 3600 + t.minute * 60 + t.second
            return ranges.contains { $0.contains(seconds) }
        case .dateTime(let ranges):
            let moment = LocalDateTime(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second)
            return ranges.contains { $0.contains(moment) }
        }
    }
}
