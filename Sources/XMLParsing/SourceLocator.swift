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
        lines = LineColumnCounter(bytes: bytes, firstLineStart: firstLineStart)
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

    /// Lines and columns, counted as positions are asked in document order.
    private var lines: LineColumnCounter

    mutating func position(ofOffset offset: Int) -> SourcePosition { lines.position(ofOffset: offset) }

    /// Bytes looked at to count columns and to find line feeds, for the
    /// tests that keep both totals linear in the document.
    var columnBytesScanned: Int { lines.columnBytesScanned }
    var lineBytesScanned: Int { lines.lineBytesScanned }

    // MARK: Walking in step with the tree

    /// Whether the cursor is inside a start tag, after its name or after
    /// the last attribute asked: the rest of the tag is skipped before
    /// anything else is looked for.
    private var inStartTag = false

    /// The next start tag, which must be named `qualifiedName`, and its
    /// attributes' positions; nil when the source does not agree (then the
    /// caller stops using the locator).
    mutating func nextStartTag(named qualifiedName: String) -> (position: SourcePosition, attributes: [SourcePosition])? {
        var name = qualifiedName
        guard let position = name.withUTF8({ nextStartTag(prefix: nil, name: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        var attributes: [SourcePosition] = []
        while let attribute = nextAttribute() { attributes.append(attribute) }
        return (position, attributes)
    }

    /// The same, for the name whose UTF-8 bytes are `prefix:name` (or
    /// `name`): the tree builder passes libxml2's own bytes, so no string
    /// is made or kept per element. The attributes' positions follow, one
    /// per call of `nextAttribute()` (no array to fill per element).
    mutating func nextStartTag(prefix: UnsafeRawBufferPointer?, name: UnsafeRawBufferPointer) -> SourcePosition? {
        if inStartTag { skipRestOfStartTag() }
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        while let lt = find(0x3C /* < */, from: cursor) {
            if skipMarkup(at: lt) { continue }
            // A start tag: its name, then white space, '/' or '>'.
            var i = lt + 1
            if let prefix {
                guard matches(prefix, at: i), i + prefix.count < end, base[i + prefix.count] == 0x3A /* : */ else {
                    return nil
                }
                i += prefix.count + 1
            }
            guard matches(name, at: i) else { return nil }
            i += name.count
            guard i == end || isNameEnd(base[i]) else { return nil }
            cursor = i
            inStartTag = true
            return position(ofOffset: lt)
        }
        return nil
    }

    /// The position of the next attribute of the start tag found last, in
    /// source order with namespace declarations (`xmlns`, `xmlns:p`) left
    /// out, which is libxml2's order of attributes; nil past the last one.
    mutating func nextAttribute() -> SourcePosition? {
        guard let start = nextAttributeStart() else { return nil }
        return position(ofOffset: start)
    }

    /// Where the next attribute starts, moving the cursor past its value;
    /// nil at the tag's end, moving the cursor past it.
    private mutating func nextAttributeStart() -> Int? {
        guard inStartTag, let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var i = cursor
        while i < end {
            let c = base[i]
            if c == 0x3E /* > */ {
                i += 1
                break
            }
            if isSpace(c) || c == 0x2F /* / */ {
                i += 1
                continue
            }
            let start = i
            // A name holds no quote: past it, '=' and any white space to the
            // value's opening quote at once, then past its closing one.
            if let open = firstOf(0x22 /* " */, 0x27 /* ' */, from: i) {
                i = (firstOf(base[open], base[open], from: open + 1) ?? end - 1) + 1
            } else {
                i = end
            }
            if !isNamespaceDeclaration(at: start) {
                cursor = i
                return start
            }
        }
        cursor = i
        inStartTag = false
        return nil
    }

    private mutating func skipRestOfStartTag() {
        while nextAttributeStart() != nil {}
    }

    /// Whether the attribute whose name starts at `start` is `xmlns` or
    /// `xmlns:p` (a name ends at white space, '/', '>' or '=').
    @inline(__always)
    private func isNamespaceDeclaration(at start: Int) -> Bool {
        guard bytes[start] == 0x78 /* x */, hasPrefix("xmlns", at: start) else { return false }
        guard start + 5 < bytes.count else { return true }
        let next = bytes[start + 5]
        return next == 0x3A /* : */ || next == 0x3D /* = */ || isNameEnd(next)
    }

    /// The first `a` or `b` at or after `start`, eight bytes at a time (a
    /// value is a few words: less than a call to memchr).
    @inline(__always)
    private func firstOf(_ a: UInt8, _ b: UInt8, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        let wordA = ByteWords.repeated(a)
        let wordB = ByteWords.repeated(b)
        var i = start
        while i &+ 8 <= end {
            let word = ByteWords.load(base + i)
            let found = ByteWords.zeroBytes(word ^ wordA) | ByteWords.zeroBytes(word ^ wordB)
            if found != 0 { return i &+ ByteWords.firstByte(of: found) }
            i &+= 8
        }
        while i < end {
            if base[i] == a || base[i] == b { return i }
            i &+= 1
        }
        return nil
    }

    /// The position of the next character data that is not white space,
    /// skipping end tags, comments and processing instructions. Moves past
    /// that run of text.
    mutating func nextText() -> SourcePosition? {
        if inStartTag { skipRestOfStartTag() }
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
            // Mostly an end tag or a start tag: its second byte says so.
            guard cursor + 1 < bytes.count, bytes[cursor + 1] == 0x21 /* ! */, hasPrefix("<![CDATA[", at: cursor) else {
                return
            }
            cursor = (findSequence("]]>", from: cursor + 9) ?? bytes.count) + 3
        }
    }

    /// When `lt` starts markup that is not a start tag, moves the cursor
    /// past it and returns true.
    private mutating func skipMarkup(at lt: Int) -> Bool {
        // Markup other than a start tag is `</`, `<?` or `<!`; end tags
        // first, as they are the most common.
        guard lt + 1 < bytes.count else { return false }
        let end: Int?
        switch bytes[lt + 1] {
        case 0x2F /* / */:
            end = find(0x3E, from: lt).map { $0 + 1 }
        case 0x3F /* ? */:
            end = findSequence("?>", from: lt + 2).map { $0 + 2 }
        case 0x21 /* ! */:
            if hasPrefix("<!--", at: lt) {
                end = findSequence("-->", from: lt + 4).map { $0 + 3 }
            } else if hasPrefix("<![CDATA[", at: lt) {
                end = findSequence("]]>", from: lt + 9).map { $0 + 3 }
            } else {
                end = find(0x3E, from: lt).map { $0 + 1 }
            }
        default:
            return false
        }
        cursor = end ?? bytes.count
        return true
    }

    // The scanning helpers are inlined: called, each was passed a copy of
    // the whole locator (a memcpy per call).
    @inline(__always)
    private func find(_ byte: UInt8, from start: Int) -> Int? { find(byte, from: start, before: bytes.count) }

    /// The first `byte` in `start..<end`, by memchr (the locator looks at
    /// every byte of the document).
    @inline(__always)
    private func find(_ byte: UInt8, from start: Int, before end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    private func findSequence(_ s: StaticString, from start: Int) -> Int? {
        var i = start
        let first = s.utf8Start[0]
        while let at = find(first, from: i) {
            if hasPrefix(s, at: at) { return at }
            i = at + 1
        }
        return nil
    }

    @inline(__always)
    private func hasPrefix(_ s: StaticString, at offset: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard offset + n <= bytes.count else { return false }
        for k in 0..<n where bytes[offset + k] != s.utf8Start[k] { return false }
        return true
    }

    /// Whether the bytes at `offset` are `expected` (names are short: a
    /// loop costs less than a call to memcmp).
    @inline(__always)
    private func matches(_ expected: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard expected.count <= bytes.count - offset else { return false }
        for k in 0..<expected.count where bytes[offset + k] != expected[k] { return false }
        return true
    }

    @inline(__always)
    private func isSpace(_ c: UInt8) -> Bool { c < 64 && Self.spaces >> UInt64(c) & 1 != 0 }
    /// White space, '/' or '>' (every byte of every name is asked this).
    @inline(__always)
    private func isNameEnd(_ c: UInt8) -> Bool { c < 64 && Self.nameEnds >> UInt64(c) & 1 != 0 }

    /// Tab, line feed, carriage return and space, as bits of a word.
    private static let spaces: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20
    private static let nameEnds: UInt64 = spaces | 1 << 0x2F | 1 << 0x3E
}
