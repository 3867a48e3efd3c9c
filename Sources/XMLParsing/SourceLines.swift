import Diagnostics

/// Looking up lines of source bytes, for placing error positions precisely.
/// Used only when a document failed, so plain scanning is fine.
enum SourceLines {
    /// The bytes of 1-based line `number`, without its line break.
    static func line(_ number: Int, in source: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8>? {
        var current = 1
        var start = 0
        if number > 1 {
            for i in 0..<source.count where source[i] == 0x0A {
                current += 1
                if current == number {
                    start = i + 1
                    break
                }
            }
            guard current == number else { return nil }
        }
        var end = start
        while end < source.count, source[end] != 0x0A { end += 1 }
        if end > start, source[end - 1] == 0x0D { end -= 1 }
        return ArraySlice(source[start..<end])
    }

    /// The position of the last `needle` on line `number` that starts at or
    /// before character column `column`.
    static func lastOccurrence(
        of needle: String, onLine number: Int, atOrBefore column: Int,
        in source: UnsafeBufferPointer<UInt8>
    ) -> SourcePosition? {
        guard let bytes = line(number, in: source) else { return nil }
        let pattern = Array(needle.utf8)
        var best: SourcePosition?
        var characterColumn = 1
        var i = bytes.startIndex
        while i < bytes.endIndex, characterColumn <= column {
            if bytes[i...].starts(with: pattern) { best = SourcePosition(line: number, column: characterColumn) }
            if bytes[i] & 0xC0 != 0x80 { characterColumn += 1 }
            i += 1
            while i < bytes.endIndex, bytes[i] & 0xC0 == 0x80 { i += 1 }
        }
        return best
    }
}
