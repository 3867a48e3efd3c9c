import Foundation
import Language

/// The call's virtual clock: its start moment and time zone, and the
/// seconds elapsed. Nothing sleeps; verbs advance it.
struct CallClock {
    let start: Date
    let calendar: Calendar
    var elapsed: Double = 0

    init(start: Date, timeZone: TimeZone) {
        self.start = start
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    var now: Date { start.addingTimeInterval(elapsed) }

    /// Whether `test` holds at the current moment, in the call's time zone.
    func holds(_ test: TimeTest) -> Bool {
        let date = now
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .weekOfYear, .weekOfMonth], from: date)
        let (hour, minute, second) = (c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        switch test {
        case .field(let field, let ranges):
            let value: Int
            switch field {
            case .year: value = c.year ?? 0
            case .yday: value = calendar.ordinality(of: .day, in: .year, for: date) ?? 0
            case .mon: value = c.month ?? 0
            case .mday: value = c.day ?? 0
            case .week: value = c.weekOfYear ?? 0
            case .mweek: value = c.weekOfMonth ?? 0
            case .wday: value = c.weekday ?? 0  // Sunday = 1
            case .hour: value = hour
            case .minute: value = minute
            case .minuteOfDay: value = hour * 60 + minute + 1  // 00:00 is minute 1
            }
            return ranges.contains { $0.contains(value) }
        case .timeOfDay(let ranges):
            let seconds = hour * 3600 + minute * 60 + second
            return ranges.contains { $0.contains(seconds) }
        case .dateTime(let ranges):
            let moment = LocalDateTime(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0,
                                       hour: hour, minute: minute, second: second)
            return ranges.contains { $0.contains(moment) }
        }
    }
}
