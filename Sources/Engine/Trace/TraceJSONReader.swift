/// Reads a JSON Lines trace (calls.md, "JSON Lines contract"; what
/// `connexml run --format json` writes) back into typed events: names from
/// `TraceEvent.Name`, fields in their order, and the outcome each event
/// marks (`TraceEvent.readOutcomes`). The text trace is for people and is
/// not read back.
public enum TraceJSONReader {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        /// 1-based line of the trace.
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Every event of `text`, one JSON object a line (blank lines skipped),
    /// with the outcomes the engine marked.
    public static func events(_ text: String) throws(Problem) -> [TraceEvent] {
        var events: [TraceEvent] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { continue }
            events.append(try event(Substring(line), line: number))
        }
        return TraceEvent.readOutcomes(events)
    }

    /// One line: `time`, `event`, then `file` and `line` when a verb caused
    /// it, then the fields.
    static func event(_ text: Substring, line: Int) throws(Problem) -> TraceEvent {
        var parser = JSONLineParser(text.utf8)
        let members: [(String, JSONLineParser.Value)]
        do {
            members = try parser.object()
        } catch {
            throw Problem(
                line: line,
                message: "not JSON (\(error.message)): expected one event object per line, as connexml run --format json writes")
        }
        var time = 0.0
        var name: TraceEvent.Name?
        var file: String?
        var number: Int?
        var fields: [TraceEvent.Field] = []
        // `file` and `line` only where the renderer puts them, right after
        // `event`: later, `file` is a field (a `play`'s audio file).
        for (index, (key, value)) in members.enumerated() {
            switch (index, key, value) {
            case (_, "time", .number(let n)) where name == nil: time = n
            case (_, "event", .string(let written)) where name == nil:
                guard let known = TraceEvent.Name(rawValue: written) else {
                    throw Problem(
                        line: line, message: "unknown event '\(written.prefix(60))': expected a connexml JSON Lines trace")
                }
                name = known
            case (2, "file", .string(let s)): file = s
            case (3, "line", .number(let n)) where file != nil && n == n.rounded() && abs(n) < 1e9: number = Int(n)
            default: fields.append(.init(.named(key), value.traceValue))
            }
        }
        guard let name else {
            throw Problem(line: line, message: "an event without \"event\": expected a connexml JSON Lines trace")
        }
        return TraceEvent(time: time, name: name, file: file, line: number, fields: fields)
    }
}
