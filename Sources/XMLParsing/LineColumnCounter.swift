import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lines and columns of byte offsets in a document's source, asked in
/// document order (the source locator's positions). A column counts
/// characters: a UTF-8 continuation byte is no character of its own.
struct LineColumnCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where line 1 starts: after a UTF-8 byte-order mark.
    private let firstLineStart: Int

    /// The line of the last position asked: its number, where it starts and
    /// where its line feed is (the end of the bytes, on the last line).
    /// Positions are asked in document order, so the line only moves on:
    /// one memchr per line, and no table of line starts.
    private var line = 1
    private var lineStart: Int
    private var lineEnd = 0
    /// The line's first byte that is not ASCII (`lineEnd` when none is).
    /// Up to there a column is a subtraction; past it, characters are
    /// counted. Most lines of a script are all ASCII.
    private var firstNonASCII = 0
    /// Where the document's first non-ASCII byte is: the lines before it
    /// need no look of their own.
    private var asciiPrefixEnd = 0
    /// On a line with non-ASCII bytes, the last offset counted and its
    /// column: counting resumes there, so each byte is counted once however
    /// long the line (counting each position from its line's start was
    /// quadratic: 80,000 siblings on one line took seconds).
    private var counted: (offset: Int, column: Int) = (0, 1)
    /// The last offset asked: one before it is counted from the start.
    private var lastOffset: Int
    /// Bytes looked at to count columns (the ASCII test and the counting)
    /// and to find line feeds, for the tests that keep both totals linear
    /// in the document.
    private(set) var columnBytesScanned = 0
    private(set) var lineBytesScanned = 0

    init(bytes: UnsafeBufferPointer<UInt8>, firstLineStart: Int) {
        self.bytes = bytes
        self.firstLineStart = firstLineStart
        lineStart = firstLineStart
        lastOffset = firstLineStart
        lineEnd = Self.lineFeed(in: bytes, from: firstLineStart)
        lineBytesScanned = lineEnd - lineStart
        asciiPrefixEnd = Self.firstNonASCII(in: bytes, from: firstLineStart)
        columnBytesScanned = asciiPrefixEnd - firstLineStart
        lookAtLine()
    }

    mutating func position(ofOffset requested: Int) -> SourcePosition {
        let offset = min(requested, bytes.count)
        guard offset >= lastOffset else { return positionCountedFromStart(offset) }
        lastOffset = offset
        if offset > lineEnd { moveToLine(of: offset) }
        if offset <= firstNonASCII { return SourcePosition(line: line, column: offset &- lineStart &+ 1) }
        if counted.offset < firstNonASCII { counted = (firstNonASCII, firstNonASCII &- lineStart &+ 1) }
        counted.column &+= characters(from: counted.offset, to: offset)
        counted.offset = offset
        return SourcePosition(line: line, column: counted.column)
    }

    /// Moves on to the line that holds `offset`, past the current one.
    private mutating func moveToLine(of offset: Int) {
        repeat {
            line &+= 1
            lineStart = lineEnd &+ 1
            lineEnd = Self.lineFeed(in: bytes, from: lineStart)
            lineBytesScanned &+= lineEnd &- lineStart
        } while offset > lineEnd
        lookAtLine()
    }

    /// The next line feed from `start` on, by memchr (the end when none).
    private static func lineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the current line's first non-ASCII byte is.
    private mutating func lookAtLine() {
        counted = (lineStart, 1)
        firstNonASCII = lineEnd
        // The document's ASCII beginning (most often all of it) was looked
        // at once, at the start.
        var i = max(lineStart, asciiPrefixEnd)
        guard i < lineEnd, let base = bytes.baseAddress else { return }
        let start = i
        // Eight bytes at a time: a byte is ASCII when its bit 7 is clear.
        while i &+ 8 <= lineEnd {
            let high = ByteWords.load(base + i) & ByteWords.highBits
            if high != 0 {
                firstNonASCII = i &+ ByteWords.firstByte(of: high)
                break
            }
            i &+= 8
        }
        if firstNonASCII == lineEnd {
            while i < lineEnd, base[i] < 0x80 { i &+= 1 }
            firstNonASCII = i
        }
        columnBytesScanned &+= firstNonASCII &- start
    }

    /// Where the first byte that is not ASCII is from `start` on (the end
    /// when there is none), 64 bytes at a time.
    private static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        while i &+ 64 <= bytes.count {
            var any: UInt64 = 0
            for k in stride(from: 0, to: 64, by: 8) { any |= ByteWords.load(base + (i &+ k)) }
            if any & ByteWords.highBits != 0 { break }
            i &+= 64
        }
        while i < bytes.count, base[i] < 0x80 { i &+= 1 }
        return i
    }

    /// The characters in `start..<end`, a part of one line.
    private mutating func characters(from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        columnBytesScanned &+= end &- start
        var count = 0
        var i = start
        while i &+ 8 <= end {
            let word = ByteWords.load(base + i)
            // Bit 7 of each byte that is a UTF-8 continuation byte (10xxxxxx):
            // bit 6 moved up to bit 7 stays within its byte.
            let continuations = word & ~(word << 1) & ByteWords.highBits
            count &+= 8 &- continuations.nonzeroBitCount
            i &+= 8
        }
        while i < end {
            if base[i] & 0xC0 != 0x80 { count &+= 1 }
            i &+= 1
        }
        return count
    }

    /// The same, counted from the start of the document: for an offset
    /// before the last one asked (never in document order), and before the
    /// first line's start (in a byte-order mark: column 1).
    private func positionCountedFromStart(_ offset: Int) -> SourcePosition {
        var line = 1
        var lineStart = firstLineStart
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        if lineStart < offset {
            for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourcePosition(line: line, column: column)
    }
}
