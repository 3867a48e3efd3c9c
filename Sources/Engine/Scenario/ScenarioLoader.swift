import Diagnostics
import Foundation
import Policy
import YAMLFields
import Yams

/// Reads a scenario file (YAML, docs/running.md "Scenarios"), listing every problem.
public enum ScenarioLoader {
    /// Its codes are `scenario-` and the kind of problem (`FieldProblem`).
    static let codePrefix = "scenario"

    /// A scenario's code for a kind of problem: `scenario-structure`, …
    public static func code(_ problem: FieldProblem) -> DiagnosticCode { problem.code(prefix: codePrefix) }

    public struct Result: Sendable {
        /// The scenario and its documents; nil when there are errors.
        public let file: ScenarioFile?
        public let diagnostics: [Diagnostic]

        public var scenario: Scenario? { file?.scenario }
    }

    public static let maximumBytes = 1 << 20

    static let topLevelKeys = [
        "call", "dtmf", "answers", "calls_in_progress", "barge_target", "barge_talk",
        "logged_in", "documents", "audio", "hangup_at",
    ]
    static let callKeys = ["from", "to", "start", "timezone", "profile", "customer", "sid", "variables"]

    /// With `directory`, the names the scenario uses must exist in it (see
    /// `checkLoggedIn`).
    public static func load(bytes: [UInt8], file: String, folder: String = ".", directory: Directory? = nil) -> Result {
        guard bytes.count <= maximumBytes else {
            return Result(
                file: nil,
                diagnostics: [
                    Diagnostic(
                        .error, code(.tooLarge),
                        "the scenario is larger than the limit of \(maximumBytes) bytes", file: file, at: nil)
                ])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Result(
                file: nil,
                diagnostics: [Diagnostic(.error, code(.syntax), "the scenario is not UTF-8 text", file: file, at: nil)])
        }
        return load(text: text, file: file, folder: folder, directory: directory)
    }

    public static func load(text: String, file: String, folder: String = ".", directory: Directory? = nil) -> Result {
        var fields = YAMLFields(file: file, codePrefix: codePrefix)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return Result(file: nil, diagnostics: [YAMLFields.syntaxDiagnostic(error, file: file, code: code(.syntax))])
        }
        var loaded = ScenarioFile(folder: folder)
        if let root { read(root, into: &loaded, directory: directory, &fields) }
        let diagnostics = fields.diagnostics
        return Result(file: diagnostics.hasErrors ? nil : loaded, diagnostics: diagnostics)
    }

    private static func read(_ root: Node, into loaded: inout ScenarioFile, directory: Directory?, _ fields: inout YAMLFields) {
        guard let top = fields.mapping(root, at: "the scenario", known: topLevelKeys) else { return }
        var scenario = loaded.scenario
        defer { loaded.scenario = scenario }
        if let callNode = top["call"]?.value, let call = fields.mapping(callNode, at: "call", known: callKeys) {
            if let from = fields.text(call["from"]?.value, at: "call.from") { scenario.from = from }
            if let to = fields.text(call["to"]?.value, at: "call.to") { scenario.to = to }
            if let start = fields.text(call["start"]?.value, at: "call.start") {
                if let date = parseDate(start) {
                    scenario.start = date
                    scenario.startIsFixed = true
                } else {
                    fields.error(
                        fields.code(.invalidValue),
                        "call.start: expected a time such as 2026-01-05T09:30:00Z, found '\(start)'",
                        at: call["start"]?.value)
                }
            }
            if let zone = fields.text(call["timezone"]?.value, at: "call.timezone") {
                if let timeZone = TimeZone(identifier: zone) {
                    scenario.timeZone = timeZone
                    scenario.timeZoneName = zone
                } else {
                    fields.error(
                        fields.code(.invalidValue), "call.timezone: unknown time zone '\(zone)'", at: call["timezone"]?.value,
                        hint: "use a name of the tz database, such as Europe/London or America/New_York")
                }
            }
            scenario.profile = fields.text(call["profile"]?.value, at: "call.profile")
            scenario.customer = fields.text(call["customer"]?.value, at: "call.customer")
            scenario.sid = fields.text(call["sid"]?.value, at: "call.sid")
            if let variables = call["variables"]?.value {
                scenario.variables = stringMap(variables, at: "call.variables", &fields)
            }
        }
        for (i, node) in fields.list(top["dtmf"]?.value, at: "dtmf").enumerated() {
            if let key = keyPress(node, at: "dtmf[\(i + 1)]", &fields) { scenario.keys.append(key) }
        }
        if let answers = top["answers"]?.value, case .mapping(let mapping) = answers {
            for (key, value) in mapping {
                guard let destination = key.scalar?.string else { continue }
                guard let answer = answer(value, at: "answers.\(destination)", &fields) else { continue }
                if destination == "default" { scenario.defaultAnswer = answer } else { scenario.answers[destination] = answer }
            }
        } else if let answers = top["answers"]?.value {
            _ = fields.mapping(answers, at: "answers", known: [])
        }
        for (i, node) in fields.list(top["calls_in_progress"]?.value, at: "calls_in_progress").enumerated() {
            let path = "calls_in_progress[\(i + 1)]"
            guard let entry = fields.mapping(node, at: path, known: ["id", "parties", "started"]),
                let id = fields.required(entry, "id", at: path, in: node, what: "the call's id")
            else { continue }
            let parties = fields.list(entry["parties"]?.value, at: "\(path).parties").compactMap {
                fields.text($0, at: "\(path).parties")
            }
            var started = scenario.start.timeIntervalSince1970
            if let text = fields.text(entry["started"]?.value, at: "\(path).started") {
                if let date = parseDate(text) {
                    started = date.timeIntervalSince1970
                } else {
                    fields.error(
                        fields.code(.invalidValue), "\(path).started: expected a time such as 2026-01-05T09:20:00Z",
                        at: entry["started"]?.value)
                }
            }
            scenario.callsInProgress.append(CallInProgress(id: id, parties: parties, started: started))
        }
        scenario.bargeTarget = fields.text(top["barge_target"]?.value, at: "barge_target")
        scenario.hangupAt = seconds(top["hangup_at"]?.value, at: "hangup_at", &fields)
        if let talk = seconds(top["barge_talk"]?.value, at: "barge_talk", &fields) { scenario.bargeTalk = talk }
        let loggedIn = fields.list(top["logged_in"]?.value, at: "logged_in").compactMap { node in
            fields.text(node, at: "logged_in").map { (name: $0, node: node) }
        }
        scenario.loggedIn = loggedIn.map(\.name)
        if let directory { checkLoggedIn(loggedIn, against: directory, &fields) }
        // Beside the world: the driver's, not the engine's (read here, in
        // the file's order, so problems are listed in that order).
        if let documents = top["documents"]?.value { loaded.documents = stringMap(documents, at: "documents", &fields) }
        if let audio = top["audio"]?.value {
            // Bounded like every other duration: the clock must stay finite.
            for (file, node) in entries(audio, at: "audio", &fields) {
                if let n = seconds(node, at: "audio.\(file)", &fields) { scenario.audioSeconds[file] = n }
            }
        }
    }

    /// Users already logged in must be users of the directory, and no more
    /// of one profile than its capacity: a world the platform could not be
    /// in is refused, not quietly trimmed.
    private static func checkLoggedIn(
        _ users: [(name: String, node: Node)], against directory: Directory, _ fields: inout YAMLFields
    ) {
        var active: [String: Set<String>] = [:]
        for (name, node) in users {
            guard let user = directory.user(named: name) else {
                let hint = Suggestions.closest(to: name, among: directory.users.map(\.username)).map { "did you mean '\($0)'?" }
                fields.error(
                    fields.code(.unknownUser), "logged_in: '\(name)' is not a SIP user of the directory", at: node, hint: hint)
                continue
            }
            guard let profile = directory.profile(named: user.profile) else { continue }
            active[profile.name, default: []].insert(name)
            if active[profile.name]!.count == profile.capacity + 1 {
                fields.error(
                    fields.code(.overCapacity),
                    "logged_in: '\(name)' would be user \(profile.capacity + 1) of profile \(profile.name), whose capacity is \(profile.capacity)",
                    at: node, hint: "log in at most \(profile.capacity) users of \(profile.name)")
            }
        }
    }

    private static func keyPress(_ node: Node, at path: String, _ fields: inout YAMLFields) -> KeyPress? {
        if case .scalar = node {
            guard let digits = fields.text(node, at: path) else { return nil }
            return checkedKeys(digits, node: node, at: path, &fields).map { KeyPress(digits: $0) }
        }
        guard let entry = fields.mapping(node, at: path, known: ["digits", "at", "leg"]),
            let digits = fields.required(entry, "digits", at: path, in: node, what: "the keys pressed"),
            let keys = checkedKeys(digits, node: entry["digits"]?.value, at: path, &fields)
        else { return nil }
        var press = KeyPress(digits: keys)
        press.at = seconds(entry["at"]?.value, at: "\(path).at", &fields)
        if let leg = fields.text(entry["leg"]?.value, at: "\(path).leg") {
            guard let parsed = KeyPress.Leg(rawValue: leg) else {
                fields.error(
                    fields.code(.invalidValue), "\(path).leg: expected a or b, found '\(leg)'", at: entry["leg"]?.value)
                return nil
            }
            press.leg = parsed
        }
        return press
    }

    private static func checkedKeys(_ digits: String, node: Node?, at path: String, _ fields: inout YAMLFields) -> String? {
        guard KeyPress.isPhoneKeys(digits) else {
            fields.error(fields.code(.invalidValue), "\(path): '\(digits)' is not keys of a phone (0-9, * and #)", at: node)
            return nil
        }
        return digits
    }

    private static func answer(_ node: Node, at path: String, _ fields: inout YAMLFields) -> Answer? {
        guard let entry = fields.mapping(node, at: path, known: ["status", "talk", "ring"]) else { return nil }
        guard let text = fields.required(entry, "status", at: path, in: node, what: "answered, busy, no-answer or failed") else {
            return nil
        }
        guard let status = Answer.Status(rawValue: text) else {
            fields.error(
                fields.code(.invalidValue), "\(path).status: expected answered, busy, no-answer or failed, found '\(text)'",
                at: entry["status"]?.value)
            return nil
        }
        var answer = Answer(status: status)
        if let talk = seconds(entry["talk"]?.value, at: "\(path).talk", &fields) { answer.talk = talk }
        if let ring = seconds(entry["ring"]?.value, at: "\(path).ring", &fields) { answer.ring = ring }
        return answer
    }

    private static func seconds(_ node: Node?, at path: String, _ fields: inout YAMLFields) -> Double? {
        guard let text = fields.text(node, at: path) else { return nil }
        guard let n = Double(text), n >= 0, n <= 86_400 else {
            fields.error(fields.code(.invalidValue), "\(path): expected seconds from 0 to 86400, found '\(text)'", at: node)
            return nil
        }
        return n
    }

    private static func stringMap(_ node: Node, at path: String, _ fields: inout YAMLFields) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in entries(node, at: path, &fields) {
            guard let text = fields.text(value, at: "\(path).\(name)") else { continue }
            result[name] = text
        }
        return result
    }

    /// A mapping's entries with scalar keys, in order.
    private static func entries(_ node: Node, at path: String, _ fields: inout YAMLFields) -> [(String, Node)] {
        guard case .mapping(let mapping) = node else {
            _ = fields.mapping(node, at: path, known: [])
            return []
        }
        return mapping.compactMap { key, value in key.scalar.map { ($0.string, value) } }
    }

    /// A moment as scenarios and `--at` write it (ISO 8601, years 0001–9999).
    public static func parseDate(_ text: String) -> Date? { CivilTime.parse(text) }
}

extension FieldProblem {
    /// `logged_in` names someone who is not a SIP user of the directory.
    static let unknownUser = FieldProblem("unknown-user")
    /// `logged_in` holds more users of a profile than its capacity.
    static let overCapacity = FieldProblem("over-capacity")
}
