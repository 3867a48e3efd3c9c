import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds where things are in the source bytes of a document that libxml2 has
/// already accepted as well-formed.
///
/// libxml2 records a line per node but no column, and the line of a start
/// tag spanning several lines is its last. The locator recovers exact
/// positions by walking the bytes in step with the tree: elements come in
/// document order, so each start tag is the next `<` that is not a comment,
/// CDATA section, processing instruction or end tag. Because the document is
/// known to be well-formed, a `<` outside those can only begin a tag.
struct SourceLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where line 1 starts: after a UTF-8 byte-order mark, which is not a
    /// character of the first line.
    private let firstLineStart: Int
    private var cursor: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        firstLineStart = hasByteOrderMark ? 3 : 0
        cursor = firstLineStart
        counted = (firstLineStart, 1, 1)
    }

    /// Whether byte positions mean characters here: true for UTF-8 (and
    /// ASCII); false for UTF-16 and friends, where only libxml2's lines are used.
    static func canLocate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return true }
        if bytes[0] == 0 || bytes[1] == 0 { return false }
        if (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return false }
        return true
    }

    // MARK: Positions

    /// Where the last count stopped, and the line and column there: the
    /// tree asks for positions in document order, so counting resumes here.
    /// Each byte is looked at once however the document is laid out
    /// (counting each position from its line's start was quadratic on long
    /// lines: 80,000 siblings on one line took seconds), and no table of
    /// line starts is built.
    private var counted: (offset: Int, line: Int, column: Int)
    /// Bytes looked at while counting lines and columns, for the tests that
    /// keep the total linear in the document.
    private(set) var columnBytesScanned = 0

    mutating func position(ofOffset requested: Int) -> SourcePosition {
        let offset = min(requested, bytes.count)
        guard offset >= counted.offset else { return positionCountedFromStart(offset) }
        var (i, line, column) = counted
        if let base = bytes.baseAddress {
            // Eight bytes at a time, line feeds and characters together: a
            // step is mostly the next attribute of the same tag, a few dozen
            // bytes without a line feed (byte by byte, and a memchr per
            // line, cost twice as much).
            while i &+ 8 <= offset {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                // Bit 7 of each byte that is a UTF-8 continuation byte
                // (10xxxxxx), and of each that is a line feed (exact per
                // byte: no borrow crosses from one byte into the next).
                let continuations = word & ~(word << 1) & Self.highBits
                let x = word ^ Self.lineFeeds
                let lineFeeds = ~(((x & Self.lowBits) &+ Self.lowBits) | x) & Self.highBits
                if lineFeeds == 0 {
                    column &+= 8 &- continuations.nonzeroBitCount
                } else {
                    // Little-endian: the last line feed is the highest bit.
                    line &+= lineFeeds.nonzeroBitCount
                    let last = 63 &- lineFeeds.leadingZeroBitCount
                    let after = last == 63 ? 0 : ~UInt64(0) << UInt64(last &+ 1)
                    column = 1 &+ (63 &- last) >> 3 &- (continuations & after).nonzeroBitCount
                }
                i &+= 8
            }
            while i < offset {
                let byte = base[i]
                if byte == 0x0A {
                    line &+= 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                    column &+= 1
                }
                i &+= 1
            }
        }
        columnBytesScanned &+= offset &- counted.offset
        counted = (offset, line, column)
        return SourcePosition(line: line, column: column)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

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

    // MARK: Walking in step with the tree

    /// The next start tag, which must be named `qualifiedName`; nil when the
    /// source does not agree (then the caller stops using the locator).
    /// Attribute positions come in source order, namespace declarations
    /// (`xmlns`, `xmlns:p`) left out, which is libxml2's order of attributes.
    mutating func nextStartTag(named qualifiedName: String) -> (position: SourcePosition, attributes: [SourcePosition])? {
        var attributes: [SourcePosition] = []
        guard let (position, count) = nextStartTag(prefix: nil, name: qualifiedName, attributes: &attributes) else {
            return nil
        }
        return (position, Array(attributes[..<count]))
    }

    /// The same, for the name `prefix:name` (or `name`), with the attribute
    /// positions written over the first elements of `attributes` (appended
    /// past its end), and how many there are: the tree builder reuses one
    /// array for every element, never emptied (emptying it, even keeping
    /// its capacity, cost more than the rest of a short tag).
    mutating func nextStartTag(
        prefix: String?, name: String, attributes: inout [SourcePosition]
    ) -> (position: SourcePosition, attributeCount: Int)? {
        var count = 0
        while let lt = find(0x3C /* < */, from: cursor) {
            if skipMarkup(at: lt) { continue }
            // A start tag: the name runs to white space, '/' or '>'.
            var i = lt + 1
            let nameStart = i
            while i < bytes.count, !isNameEnd(bytes[i]) { i += 1 }
            guard equals(nameStart..<i, prefix: prefix, name) else { return nil }
            // The tag before its attributes: positions are asked in order.
            let tagPosition = position(ofOffset: lt)
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x3E /* > */ {
                    i += 1
                    break
                }
                if isSpace(c) || c == 0x2F /* / */ {
                    i += 1
                    continue
                }
                let attributeStart = i
                while i < bytes.count, !isNameEnd(bytes[i]), bytes[i] != 0x3D /* = */ { i += 1 }
                if !hasPrefix("xmlns", at: attributeStart) || (i - attributeStart > 5 && bytes[attributeStart + 5] != 0x3A) {
                    let located = position(ofOffset: attributeStart)
                    if count < attributes.count { attributes[count] = located } else { attributes.append(located) }
                    count += 1
                }
                // Skip to the value's opening quote, then past its closing one.
                while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x27 { i += 1 }
                guard i < bytes.count else { break }
                let quote = bytes[i]
                i = (find(quote, from: i + 1) ?? bytes.count - 1) + 1
            }
            cursor = i
            return (tagPosition, count)
        }
        return nil
    }

    /// The position of the next character data that is not white space,
    /// skipping end tags, comments and processing instructions. Moves past
    /// that run of text.
    mutating func nextText() -> SourcePosition? {
        var i = cursor
        while i < bytes.count {
            let c = bytes[i]
            if isSpace(c) {
                i += 1
                continue
            }
            if c == 0x3C /* < */ {
                if hasPrefix("<![CDATA[", at: i) {
                    // Text inside CDATA: point at its first non-blank character.
                    var j = i + 9
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, !hasPrefix("]]>", at: j) {
                        cursor = (findSequence("]]>", from: j) ?? bytes.count) + 3
                        skipText()
                        return position(ofOffset: j)
                    }
                    i = (findSequence("]]>", from: j) ?? bytes.count) + 3
                    continue
                }
                if hasPrefix("</", at: i) || hasPrefix("<!--", at: i) || hasPrefix("<?", at: i) {
                    _ = skipMarkup(at: i)
                    i = cursor
                    continue
                }
                return nil  // a start tag: the text was not where expected
            }
            cursor = i
            skipText()
            return position(ofOffset: i)
        }
        return nil
    }

    // MARK: Scanning

    /// Moves the cursor past a run of character data, up to the next markup
    /// that is not a CDATA section (libxml2 merges CDATA into the text
    /// around it, so it is part of the same run).
    private mutating func skipText() {
        while true {
            cursor = find(0x3C, from: cursor) ?? bytes.count
            guard hasPrefix("<![CDATA[", at: cursor) else { return }
            cursor = (findSequence("]]>", from: cursor + 9) ?? bytes.count) + 3
        }
    }

    /// When `lt` starts markup that is not a start tag, moves the cursor
    /// past it and returns true.
    private mutating func skipMarkup(at lt: Int) -> Bool {
        // Markup other than a start tag is `<!`, `<?` or `</`.
        guard lt + 1 < bytes.count, bytes[lt + 1] == 0x21 || bytes[lt + 1] == 0x3F || bytes[lt + 1] == 0x2F else {
            return false
        }
        let end: Int?
        if hasPrefix("<!--", at: lt) {
            end = findSequence("-->", from: lt + 4).map { $0 + 3 }
        } else if hasPrefix("<![CDATA[", at: lt) {
            end = findSequence("]]>", from: lt + 9).map { $0 + 3 }
        } else if hasPrefix("<?", at: lt) {
            end = findSequence("?>", from: lt + 2).map { $0 + 2 }
        } else if hasPrefix("</", at: lt) || hasPrefix("<!", at: lt) {
            end = find(0x3E, from: lt).map { $0 + 1 }
        } else {
            return false
        }
        cursor = end ?? bytes.count
        return true
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? { find(byte, from: start, before: bytes.count) }

    /// The first `byte` in `start..<end`, by memchr (the locator looks at
    /// every byte of the document).
    private func find(_ byte: UInt8, from start: Int, before end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func findSequence(_ s: StaticString, from start: Int) -> Int? {
        var i = start
        let first = s.utf8Start[0]
        while let at = find(first, from: i) {
            if hasPrefix(s, at: at) { return at }
            i = at + 1
        }
        return nil
    }

    private func hasPrefix(_ s: StaticString, at offset: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        for k in 0..<n where bytes[offset + k] != s.utf8Start[k] { return false }
        return true
    }

    /// Whether the bytes in `range` are `prefix:name` (or `name`).
    private func equals(_ range: Range<Int>, prefix: String?, _ name: String) -> Bool {
        var start = range.lowerBound
        if let prefix {
            guard let end = end(of: prefix, at: start, before: range.upperBound), end < range.upperBound,
                bytes[end] == 0x3A /* : */
            else { return false }
            start = end + 1
        }
        return end(of: name, at: start, before: range.upperBound) == range.upperBound
    }

    /// Where `text` ends when the bytes at `start` (before `limit`) are it.
    private func end(of text: String, at start: Int, before limit: Int) -> Int? {
        text.withUTF8Bytes { expected in
            guard expected.count <= limit - start else { return nil }
            guard expected.isEmpty || memcmp(bytes.baseAddress! + start, expected.baseAddress!, expected.count) == 0 else {
                return nil
            }
            return start + expected.count
        }
    }

    private func isSpace(_ c: UInt8) -> Bool { c < 64 && Self.spaces >> UInt64(c) & 1 != 0 }
    /// White space, '/' or '>' (every byte of every name is asked this).
    private func isNameEnd(_ c: UInt8) -> Bool { c < 64 && Self.nameEnds >> UInt64(c) & 1 != 0 }

    /// Tab, line feed, carriage return and space, as bits of a word.
    private static let spaces: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20
    private static let nameEnds: UInt64 = spaces | 1 << 0x2F | 1 << 0x3E
}
