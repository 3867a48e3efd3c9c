import Engine
import Foundation

/// What a command line says of one call on top of its scenario: `run`'s
/// `--from`, `--to`, `--dtmf`, `--at`, ... and the REPL's `:call FROM to N
/// at T tz Z profile P customer C`. Checked and applied here, once for both.
struct CallOptions: Equatable {
    var from: String?
    var to: String?
    var profile: String?
    var customer: String?
    var sid: String?
    /// Keypresses, comma-separated entries (`1,42#`).
    var keys: String?
    /// A time zone name (`Europe/London`).
    var timeZone: String?
    /// When the call starts (ISO 8601).
    var start: String?

    /// A wrong option: which, and what is wrong with it.
    struct Problem: Equatable {
        let option: Option
        let message: String
    }

    enum Option: String {
        case keys = "dtmf"
        case timeZone = "timezone"
        case start = "at"
    }

    /// Applies the options given on top of `scenario`; a wrong one is not
    /// applied, and said.
    func apply(to scenario: inout Scenario) -> [Problem] {
        var problems: [Problem] = []
        if let from { scenario.from = from }
        if let to { scenario.to = to }
        if let profile { scenario.profile = profile }
        if let customer { scenario.customer = customer }
        if let sid { scenario.sid = sid }
        if let keys {
            let entries = keys.split(separator: ",").map(String.init)
            if entries.allSatisfy(KeyPress.isPhoneKeys) {
                scenario.keys = entries.map { KeyPress(digits: $0) }
            } else {
                problems.append(Problem(option: .keys, message: "'\(keys)': keys are 0-9, * and #, entries separated by commas"))
            }
        }
        if let timeZone {
            if let zone = TimeZone(identifier: timeZone) {
                scenario.timeZone = zone
                scenario.timeZoneName = timeZone
            } else {
                problems.append(Problem(option: .timeZone, message: "'\(timeZone)' is not a known time zone"))
            }
        }
        if let start {
            if let date = ScenarioLoader.parseDate(start) {
                scenario.start = date
                scenario.startIsFixed = true
            } else {
                problems.append(Problem(option: .start, message: "'\(start)': expected a time such as 2026-01-05T09:30:00Z"))
            }
        }
        return problems
    }

    /// The REPL's words after `:call`: an optional caller, then keyword and
    /// value pairs; nil and why when they are not that.
    static func parse(replWords words: [String]) -> (options: CallOptions?, error: String?) {
        var options = CallOptions()
        var words = words[...]
        if let first = words.first, !replKeywords.contains(first) {
            options.from = first
            words = words.dropFirst()
        }
        while let key = words.popFirst() {
            guard let value = words.popFirst() else { return (nil, "'\(key)' needs a value: \(replUsage)") }
            switch key {
            case "to": options.to = value
            case "profile": options.profile = value
            case "customer": options.customer = value
            case "tz": options.timeZone = value
            case "at": options.start = value
            default: return (nil, "unknown option '\(key)': \(replUsage)")
            }
        }
        return (options, nil)
    }

    static let replKeywords = ["to", "at", "tz", "profile", "customer"]
    static let replUsage = ":call [FROM] [to NUMBER] [at TIME] [tz ZONE] [profile P] [customer C]"
}
