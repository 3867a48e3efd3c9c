import FuzzSupport
import Policy

/// Dial patterns: a pattern and a number, both from the input (first line:
/// the pattern; the rest: the number). Every compiled pattern's answer is
/// checked against a slow, obviously right matcher written from the
/// pattern's documentation (DialPattern.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDial(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (head, tail) = split(fuzzBytes(data, size), at: [UInt8(ascii: "\n")])
    let source = String(decoding: head, as: UTF8.self)
    let number = String(decoding: tail ?? [], as: UTF8.self)
    guard let pattern = try? DialPattern(source) else { return 0 }
    let fast = pattern.matches(number)
    // The documented limit: numbers of 64 characters or more never match.
    let expected = number.utf8.count < 64 && ReferenceDialPattern(source).matches(Array(number.utf8))
    invariant(fast == expected, "pattern \(source.debugDescription) on \(number.debugDescription): matcher says \(fast), reference \(expected)")
    return 0
}

/// The documented meaning, matched by plain backtracking over bytes: an
/// exact number matches only itself; after `_`, X any digit, Z 1–9, N 2–9,
/// `[…]` a set of characters and digit ranges, `.` one or more of anything,
/// `!` zero or more, anything else itself. Only called on patterns that
/// DialPattern compiled.
struct ReferenceDialPattern {
    enum Piece { case byte(UInt8), set(Set<UInt8>), oneOrMore, zeroOrMore }
    let pieces: [Piece]

    init(_ source: String) {
        let bytes = Array(source.utf8)
        guard bytes.first == UInt8(ascii: "_") else {
            pieces = bytes.map { .byte($0) }
            return
        }
        var pieces: [Piece] = []
        var i = 1
        while i < bytes.count {
            switch Character(UnicodeScalar(bytes[i])) {
            case "X": pieces.append(.set(Set(UInt8(ascii: "0")...UInt8(ascii: "9"))))
            case "Z": pieces.append(.set(Set(UInt8(ascii: "1")...UInt8(ascii: "9"))))
            case "N": pieces.append(.set(Set(UInt8(ascii: "2")...UInt8(ascii: "9"))))
            case ".": pieces.append(.oneOrMore)
            case "!": pieces.append(.zeroOrMore)
            case "[":
                var set = Set<UInt8>()
                i += 1
                while bytes[i] != UInt8(ascii: "]") {
                    if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] != UInt8(ascii: "]") {
                        for b in bytes[i]...bytes[i + 2] { set.insert(b) }
                        i += 3
                    } else {
                        set.insert(bytes[i])
                        i += 1
                    }
                }
                pieces.append(.set(set))
            default: pieces.append(.byte(bytes[i]))
            }
            i += 1
        }
        self.pieces = pieces
    }

    /// Plain dynamic programming: `reach[i]` says whether the pieces so
    /// far can consume exactly the first `i` bytes.
    func matches(_ text: [UInt8]) -> Bool {
        var reach = [true] + Array(repeating: false, count: text.count)
        for piece in pieces {
            var next = Array(repeating: false, count: text.count + 1)
            for i in 0...text.count {
                switch piece {
                case .byte(let b): next[i] = i > 0 && reach[i - 1] && text[i - 1] == b
                case .set(let set): next[i] = i > 0 && reach[i - 1] && set.contains(text[i - 1])
                case .oneOrMore: next[i] = reach[..<i].contains(true)
                case .zeroOrMore: next[i] = reach[...i].contains(true)
                }
            }
            reach = next
        }
        return reach[text.count]
    }
}
