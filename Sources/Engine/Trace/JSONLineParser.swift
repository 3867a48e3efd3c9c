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
