/// The fuzzer's bytes, read as a stream of decisions. Reading past the end
/// gives zeros, so every input, however short, is a complete world.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isExhausted: Bool { offset >= bytes.count }

    public mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A whole number in `range` (small ranges: one byte decides).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        let raw = UInt64(byte()) << 8 | UInt64(byte())
        return range.lowerBound + Int(raw % width)
    }

    /// Seconds in `range`, in steps of a tenth; sometimes exactly a bound,
    /// since edges are where clocks go wrong.
    public mutating func seconds(in range: ClosedRange<Double>) -> Double {
        switch byte() % 8 {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        default:
            let tenths = Int((range.upperBound - range.lowerBound) * 10)
            return range.lowerBound + Double(int(in: 0...max(0, tenths))) / 10
        }
    }

    public mutating func element<T>(of choices: [T]) -> T {
        choices[int(in: 0...(choices.count - 1))]
    }

    /// Up to `maximum` characters taken from `alphabet`.
    public mutating func text(from alphabet: [Character], maximum: Int) -> String {
        String((0..<int(in: 0...maximum)).map { _ in element(of: alphabet) })
    }
}

/// The part before the first `separator` and, when there is one, the rest.
public func split(_ bytes: [UInt8], at separator: [UInt8]) -> (head: [UInt8], tail: [UInt8]?) {
    guard separator.count <= bytes.count else { return (bytes, nil) }
    for start in 0...(bytes.count - separator.count) where bytes[start..<(start + separator.count)].elementsEqual(separator) {
        return (Array(bytes[..<start]), Array(bytes[(start + separator.count)...]))
    }
    return (bytes, nil)
}

/// The fuzzer's input, as the C entry point hands it over.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// A property every input must keep. A broken one is a finding: it stops
/// the fuzzer like a crash does, with the message in its log.
public func invariant(_ holds: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !holds() { fatalError("invariant broken: \(message())") }
}

/// `text` safe inside a double-quoted XML attribute or element text.
public func xmlEscaped(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
