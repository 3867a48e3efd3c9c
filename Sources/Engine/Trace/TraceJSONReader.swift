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

/// Just enough JSON for a trace line, keeping members in their order
/// (which Foundation's JSONSerialization does not).
struct JSONLineParser {
    enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])

        var traceValue: TraceValue {
            switch self {
            case .string(let s): .string(s)
            case .number(let n): .number(n)
            case .bool(let b): .bool(b)
            case .null: .string("")
            case .array(let items): .list(items.map { if case .string(let s) = $0 { s } else { "\($0.traceValue)" } })
            case .object(let members): .object(members.map { .init(.named($0.0), $0.1.traceValue) })
            }
        }
    }

    struct Failure: Error {
        let message: String
    }

    private let bytes: [UInt8]
    private var at = 0
    /// Objects and arrays within one another: a hostile line cannot
    /// exhaust the stack.
    private var depth = 0
    static let maximumDepth = 64

    init(_ text: Substring.UTF8View) { bytes = Array(text) }

    /// The line's one object, and nothing after it.
    mutating func object() throws(Failure) -> [(String, Value)] {
        skipSpace()
        guard case .object(let members) = try value() else { throw Failure(message: "not an object") }
        skipSpace()
        guard at == bytes.count else { throw Failure(message: "text after the object") }
        return members
    }

    private mutating func value() throws(Failure) -> Value {
        skipSpace()
        guard at < bytes.count else { throw Failure(message: "the line ends early") }
        switch bytes[at] {
        case UInt8(ascii: "{"):
            return .object(
                try nested(close: UInt8(ascii: "}")) { (p: inout JSONLineParser) throws(Failure) in
                    let key = try p.string()
                    p.skipSpace()
                    try p.expect(UInt8(ascii: ":"))
                    return (key, try p.value())
                })
        case UInt8(ascii: "["):
            return .array(try nested(close: UInt8(ascii: "]")) { (p: inout JSONLineParser) throws(Failure) in try p.value() })
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try word("true", .bool(true))
        case UInt8(ascii: "f"): return try word("false", .bool(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        default: return .number(try number())
        }
    }

    /// `{…}` or `[…]`: elements separated by commas.
    private mutating func nested<T>(close: UInt8, _ element: (inout JSONLineParser) throws(Failure) -> T) throws(Failure) -> [T] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Failure(message: "nested too deep") }
        at += 1
        var elements: [T] = []
        skipSpace()
        if at < bytes.count, bytes[at] == close {
            at += 1
            return elements
        }
        while true {
            skipSpace()
            elements.append(try element(&self))
            skipSpace()
            guard at < bytes.count else { throw Failure(message: "the line ends early") }
            if bytes[at] == close {
                at += 1
                return elements
            }
            try expect(UInt8(ascii: ","))
        }
    }

    private mutating func string() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        var scalars = String.UnicodeScalarView()
        var start = at
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars) }
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                flush(at)
                at += 1
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw Failure(message: "a control character in a string") }
                at += 1
                continue
            }
            flush(at)
            at += 1
            guard at < bytes.count else { break }
            let escape = bytes[at]
            at += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
                    bytes[at + 1] == UInt8(ascii: "u")
                {
                    at += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Failure(message: "an unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Failure(message: "an unpaired surrogate") }
                scalars.append(scalar)
            default: throw Failure(message: "an unknown escape")
            }
            start = at
        }
        throw Failure(message: "a string that does not end")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard at + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
            throw Failure(message: "a bad \\u escape")
        }
        at += 4
        return code
    }

    private mutating func number() throws(Failure) -> Double {
        let start = at
        while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
        guard at > start, let n = Double(String(decoding: bytes[start..<at], as: UTF8.self)), n.isFinite else {
            throw Failure(message: "an unexpected character")
        }
        return n
    }

    private mutating func word(_ word: String, _ value: Value) throws(Failure) -> Value {
        let expected = Array(word.utf8)
        guard at + expected.count <= bytes.count, Array(bytes[at..<at + expected.count]) == expected else {
            throw Failure(message: "an unexpected character")
        }
        at += expected.count
        return value
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard at < bytes.count, bytes[at] == byte else { throw Failure(message: "expected '\(Character(Unicode.Scalar(byte)))'") }
        at += 1
    }

    private mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[at]) { at += 1 }
    }
}
