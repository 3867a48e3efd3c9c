/// A destination pattern, compiled once when the directory is loaded.
///
/// Either an exact number (`112`, `+441234567890`), or a dialplan pattern in
/// the style of Asterisk: `_` then `X` any digit, `Z` 1–9, `N` 2–9,
/// `[1-5]`/`[147]` a set, `.` one or more of any character, `!` zero or
/// more, and any other character itself. A pattern matches whole numbers,
/// never a prefix only.
public struct DialPattern: Sendable, Hashable, CustomStringConvertible {
    enum Element: Sendable, Hashable {
        case character(UInt8)
        case oneOf(ByteSet)
        case oneOrMore
        case zeroOrMore
    }

    /// The pattern as written.
    public let source: String
    private let elements: [Element]

    /// Why a pattern could not be compiled.
    public struct Malformed: Error, Sendable, Hashable {
        public let message: String
        public let hint: String?
    }

    public init(_ source: String) throws(Malformed) {
        self.source = source
        self.elements = try Self.compile(source)
    }

    public var description: String { source }

    /// Whether the pattern matches the whole of `number`.
    public func matches(_ number: String) -> Bool {
        if let result = number.utf8.withContiguousStorageIfAvailable(matches) { return result }
        return Array(number.utf8).withUnsafeBufferPointer(matches)
    }

    /// The positions the elements can reach, as bits (bit i: the elements
    /// so far can consume exactly text[0..<i]): no allocation for numbers
    /// up to 63 characters, which is every real one; longer text never matches.
    private func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        guard n < 64 else { return false }
        var reachable: UInt64 = 1
        for element in elements {
            var next: UInt64 = 0
            switch element {
            case .character(let c):
                var bits = reachable
                while bits != 0 {
                    let i = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if i < n, text[i] == c { next |= 1 << (i + 1) }
                }
            case .oneOf(let set):
                var bits = reachable
                while bits != 0 {
                    let i = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if i < n, set.contains(text[i]) { next |= 1 << (i + 1) }
                }
            case .oneOrMore, .zeroOrMore:
                // Once reachable at i, every later position is reachable too.
                guard reachable != 0 else { return false }
                let first = reachable.trailingZeroBitCount + (element == .oneOrMore ? 1 : 0)
                if first <= n {
                    let upToN: UInt64 = n == 63 ? ~0 : (1 << (n + 1)) - 1
                    next = upToN & ~((1 << first) - 1)
                }
            }
            reachable = next
            if reachable == 0 { return false }
        }
        return reachable & (1 << n) != 0
    }

    private static let digits = Set(Array("0123456789".utf8))

    private static func compile(_ source: String) throws(Malformed) -> [Element] {
        let bytes = Array(source.utf8)
        guard bytes.first == UInt8(ascii: "_") else {
            // An exact number: digits, * and #, optionally after a leading +.
            let body = bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
            guard !body.isEmpty, body.allSatisfy({ digits.contains($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") })
            else {
                throw Malformed(
                    message: "'\(source)' is neither a number nor a pattern",
                    hint: "write an exact number such as 112, or a pattern that starts with _, such as _0044X.")
            }
            return bytes.map { .character($0) }
        }
        var elements: [Element] = []
        var i = 1
        guard bytes.count > 1 else {
            throw Malformed(message: "the pattern '_' is empty", hint: "write what follows the _, such as _X. for any number")
        }
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "X"): elements.append(.oneOf(ByteSet(digits)))
            case UInt8(ascii: "Z"): elements.append(.oneOf(ByteSet(digits.subtracting([UInt8(ascii: "0")]))))
            case UInt8(ascii: "N"): elements.append(.oneOf(ByteSet(digits.subtracting([UInt8(ascii: "0"), UInt8(ascii: "1")]))))
            case UInt8(ascii: "."): elements.append(.oneOrMore)
            case UInt8(ascii: "!"): elements.append(.zeroOrMore)
            case UInt8(ascii: "["):
                guard let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) else {
                    throw Malformed(
                        message: "the set '[' in pattern '\(source)' is never closed", hint: "close it with ], as in [1-5]")
                }
                elements.append(.oneOf(ByteSet(try set(bytes[(i + 1)..<close], in: source))))
                i = close
            case UInt8(ascii: "x"), UInt8(ascii: "z"), UInt8(ascii: "n"):
                throw Malformed(
                    message: "'\(Character(UnicodeScalar(c)))' in pattern '\(source)' matches only itself",
                    hint: "pattern letters are capitals: X any digit, Z 1-9, N 2-9")
            case UInt8(ascii: "]"):
                throw Malformed(message: "']' in pattern '\(source)' closes no set", hint: nil)
            default:
                guard digits.contains(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") || c == UInt8(ascii: "#") else {
                    throw Malformed(
                        message: "'\(Character(UnicodeScalar(c)))' in pattern '\(source)' is not a digit, key or pattern letter",
                        hint: "patterns use digits, + * #, X Z N, [sets], . and !")
                }
                elements.append(.character(c))
            }
            i += 1
        }
        return elements
    }

    /// `1-5`, `147`, `0-35-7`: digits and digit ranges.
    private static func set(_ body: ArraySlice<UInt8>, in source: String) throws(Malformed) -> Set<UInt8> {
        let items = Array(body)
        guard !items.isEmpty else { throw Malformed(message: "the set '[]' in pattern '\(source)' is empty", hint: nil) }
        var result = Set<UInt8>()
        var k = 0
        while k < items.count {
            let low = items[k]
            guard digits.contains(low) || low == UInt8(ascii: "*") || low == UInt8(ascii: "#") || low == UInt8(ascii: "+") else {
                throw Malformed(message: "the set in pattern '\(source)' may hold only digits and ranges such as 1-5", hint: nil)
            }
            if k + 2 < items.count, items[k + 1] == UInt8(ascii: "-") {
                let high = items[k + 2]
                guard digits.contains(low), digits.contains(high), low <= high else {
                    throw Malformed(
                        message:
                            "the range '\(Character(UnicodeScalar(low)))-\(Character(UnicodeScalar(high)))' in pattern '\(source)' is not a rising range of digits",
                        hint: nil)
                }
                for d in low...high { result.insert(d) }
                k += 3
            } else {
                result.insert(low)
                k += 1
            }
        }
        return result
    }
}

/// A set of bytes as 256 bits: a dial rule's `X`, `Z`, `N` or `[...]`,
/// tested for every character of every number dialled (a `Set<UInt8>`
/// hashed each byte to test it). Four words, not an array of them: a
/// pattern's elements are read without retaining anything.
struct ByteSet: Sendable, Hashable {
    /// Bytes 0-63, 64-127, 128-191, 192-255.
    private var word0: UInt64 = 0
    private var word1: UInt64 = 0
    private var word2: UInt64 = 0
    private var word3: UInt64 = 0

    init(_ bytes: Set<UInt8>) {
        for byte in bytes {
            let bit: UInt64 = 1 << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: word0 |= bit
            case 1: word1 |= bit
            case 2: word2 |= bit
            default: word3 |= bit
            }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit: UInt64 = 1 << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return word0 & bit != 0
        case 1: return word1 & bit != 0
        case 2: return word2 & bit != 0
        default: return word3 & bit != 0
        }
    }
}
