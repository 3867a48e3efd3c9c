import Foundation

/// One event of a JSON Lines trace (calls.md, "JSON Lines contract") that
/// a verb caused: where, what, and which way the verb went when the event
/// says so.
public struct TraceStep: Sendable, Hashable {
    /// The file as the trace names it.
    public let file: String
    public let line: Int
    /// `say`, `dial.result`, `condition`, ...
    public let event: String
    /// The outcome the event shows (`true`, `busy`, `no input`,
    /// `pressed`, `denied`), as the verbs name their outcomes.
    public let outcome: String?

    public init(file: String, line: Int, event: String, outcome: String?) {
        self.file = file
        self.line = line
        self.event = event
        self.outcome = outcome
    }
}

/// Reads the steps of a JSON Lines trace, as `connexml run --format json`
/// writes it. Events without a file and line (`call.start`) are skipped.
public enum TraceReader {
    public struct Problem: Error, CustomStringConvertible {
        /// 1-based line of the trace file.
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func steps(_ text: String) throws(Problem) -> [TraceStep] {
        var steps: [TraceStep] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                    throw Problem(line: offset + 1, message: "expected a JSON object, one event per line")
                }
                object = parsed
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem(
                    line: offset + 1,
                    message: "not JSON: expected one event object per line, as connexml run --format json writes")
            }
            guard let event = object["event"] as? String else {
                throw Problem(line: offset + 1, message: "an event without \"event\": expected a connexml JSON Lines trace")
            }
            guard let file = object["file"] as? String, let number = object["line"] as? NSNumber else { continue }
            steps.append(TraceStep(file: file, line: number.intValue, event: event, outcome: outcome(of: event, object)))
        }
        return steps
    }

    /// The branch an event shows, from the fields calls.md promises.
    static func outcome(of event: String, _ object: [String: Any]) -> String? {
        switch event {
        case "condition": return (object["result"] as? Bool).map { $0 ? "true" : "false" }
        case "gather": return (object["digits"] as? String).map { $0.isEmpty ? "no input" : "digits" }
        case "dial.result": return object["status"] as? String
        case "key": return "pressed"
        case "denied": return "denied"
        default: return nil
        }
    }
}
