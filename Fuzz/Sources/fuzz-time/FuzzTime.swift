import Engine
import Foundation
import FuzzSupport
import Language

/// `<Condition>` time tests: their attributes parsed, then evaluated at a
/// moment, each answer checked against Foundation's Gregorian calendar.
///
/// Input, as text: the first line is `START ZONE PAUSE` (a scenario start
/// such as 2026-01-05T10:15:00Z, a tz name, seconds to pause first); each
/// further line `attribute=value` becomes one `<Condition>` of its own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let lines = String(decoding: fuzzBytes(data, size), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first else { return 0 }
    let words = first.split(separator: " ").map(String.init)
    var scenario = Scenario()
    // A line that is no date still gives a moment (from its bytes, between
    // the years 1600 and 9999), so mutations of it explore the calendar
    // instead of falling back to one default moment.
    if let start = words.first.flatMap(ScenarioLoader.parseDate) {
        scenario.start = start
    } else {
        let hash = first.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        scenario.start = Date(timeIntervalSince1970: -11_676_096_000 + Double(hash % 264_000_000_000))
    }
    if words.count > 1, let zone = TimeZone(identifier: words[1]) {
        scenario.timeZone = zone
        scenario.timeZoneName = words[1]
    }
    let pause = words.count > 2 ? words[2] : nil

    var xml = "<Response>\n"
    if let pause { xml += "<Pause length=\"\(xmlEscaped(pause))\"/>\n" }
    for line in lines.dropFirst().prefix(12) {
        guard let equals = line.firstIndex(of: "=") else { continue }
        let name = line[..<equals], value = line[line.index(after: equals)...]
        xml += "<Condition \(name)=\"\(xmlEscaped(String(value)))\"><Say>yes</Say></Condition>\n"
    }
    xml += "</Response>\n"

    guard case .success(let script) = CompiledScript.compile(bytes: Array(xml.utf8), file: "fuzz.xml") else { return 0 }
    let tests: [TimeTest] = script.script.verbs.compactMap {
        if case .condition(let condition) = $0 { return condition.timeTests.first?.test }
        return nil
    }
    let directory = SampleDirectory.directory
    let engine = Engine(directory: directory)
    var sink = CollectingSink()
    let summary = engine.run(script, scenario: scenario, sink: &sink)
    checkCall(sink.events, summary, engine: engine, directory: directory)

    let evaluations = sink.events.filter { $0.name == .condition }
    invariant(evaluations.count == tests.count, "\(tests.count) conditions, \(evaluations.count) evaluated")
    for (test, event) in zip(tests, evaluations) {
        guard case .bool(let result) = event[.result] else { fatalError("a condition without a result") }
        let moment = Date(timeIntervalSince1970: (scenario.start.timeIntervalSince1970 + event.time).rounded(.down))
        guard let expected = FoundationClock(moment, in: scenario.timeZone)?.holds(test) else { continue }
        invariant(result == expected, "\(test) at \(moment) in \(scenario.timeZoneName): engine says \(result), Foundation's calendar \(expected)")
    }
    return 0
}

/// The calendar fields of a moment as Foundation's Gregorian calendar
/// counts them, and the weeks as FreeSWITCH does (CivilTime.swift): of the
/// year, (yday - 1) / 7 + 1; of the month, from Sunday, week 1 holding the
/// 1st (Foundation's own count, with weeks from Sunday).
struct FoundationClock {
    let year, month, day, hour, minute, second, weekday, week, weekOfMonth, dayOfYear: Int

    /// Nil before 1600: Foundation switches to the Julian calendar before
    /// 1582, while scripts are read in the proleptic Gregorian one.
    init?(_ moment: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 1
        calendar.minimumDaysInFirstWeek = 1
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .weekOfMonth, .era], from: moment)
        guard c.era == 1, let year = c.year, year >= 1600, year <= 9999,
              let dayOfYear = calendar.ordinality(of: .day, in: .year, for: moment) else { return nil }
        (self.year, month, day, hour, minute, second) = (year, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        (weekday, week, weekOfMonth, self.dayOfYear) = (c.weekday!, (dayOfYear - 1) / 7 + 1, c.weekOfMonth!, dayOfYear)
    }

    func holds(_ test: TimeTest) -> Bool {
        switch test {
        case .field(let field, let ranges):
            let value = switch field {
            case .year: year
            case .yday: dayOfYear
            case .mon: month
            case .mday: day
            case .week: week
            case .mweek: weekOfMonth
            case .wday: weekday
            case .hour: hour
            case .minute: minute
            case .minuteOfDay: hour * 60 + minute + 1
            }
            return ranges.contains { $0.contains(value) }
        case .timeOfDay(let ranges):
            return ranges.contains { $0.contains(hour * 3600 + minute * 60 + second) }
        case .dateTime(let ranges):
            let now = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            return ranges.contains { $0.contains(now) }
        }
    }
}
