import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the element tree from libxml2's parse events, in step with the
/// source locator, as the events come.
///
/// What it builds is exactly what walking libxml2's own tree gave
/// (`LibXML2TreeReader`): adjacent character data is one text, split only
/// by elements, comments and processing instructions; blank text is
/// dropped; attribute values as the tree held them.
///
/// A struct driven through a pointer (the parse's context): a class would
/// have every property access checked for exclusivity at run time, on
/// every event of every document.
struct EventTreeBuilder {
    var problems: [ParseProblem] = []
    private var tree: TreeBuilder
    /// The locator, and whether it is still in step with the parse (not an
    /// optional: testing one for nil made the compiler copy the whole
    /// locator out at every event).
    private var locator: SourceLocator
    private var locating: Bool
    private(set) var root: Element?
    private var depth = 0
    /// The character data read since the last element, comment or
    /// processing instruction, and libxml2's line when it began.
    /// The first `textCount` bytes are the text: the buffer is kept, never
    /// emptied (emptying an array, even keeping its capacity, and appending
    /// to it cost more than copying into it).
    private var text: [UInt8] = []
    private var textCount = 0
    private var textLine = 0
    private var names = NameTable()

    init(source: UnsafeBufferPointer<UInt8>) {
        tree = TreeBuilder(expectedBytes: source.count)
        locating = SourceLocator.canLocate(source)
        locator = SourceLocator(bytes: locating ? source : UnsafeBufferPointer(start: nil, count: 0))
        text = Array(repeating: 0, count: 256)
    }

    /// Whether every position has its column (the locator never lost step).
    var hasColumns: Bool { locating }

    static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<EventTreeBuilder> {
        context!.assumingMemoryBound(to: EventTreeBuilder.self)
    }

    // MARK: Events

    mutating func startElement(
        name rawName: UnsafePointer<CChar>, prefix rawPrefix: UnsafePointer<CChar>?,
        attributeCount: Int, attributes raw: UnsafePointer<UnsafePointer<CChar>?>?, line: Int
    ) {
        finishText()
        let nameID = names.id(rawName, &tree)
        let prefixID = rawPrefix.map { names.id($0, &tree) } ?? -1
        var position = SourcePosition(line: line, column: 0)
        if locating {
            // The name as libxml2's bytes: no string per element.
            let prefix = prefixID < 0 ? nil : names.bytes(prefixID)
            if let located = locator.nextStartTag(prefix: prefix, name: names.bytes(nameID)) {
                position = located
            } else {
                locating = false  // the source and the parse disagree: fall back to lines
            }
        }
        depth += 1
        tree.startElement(name: nameID, prefix: prefixID, position: position)
        guard attributeCount > 0, let raw else { return }
        for index in 0..<attributeCount {
            let fields = raw + 4 * index  // name, prefix, value, end of value
            // An attribute the source does not show (none should be) is
            // placed at its tag.
            let attributePosition = locating ? locator.nextAttribute() ?? position : position
            tree.appendAttribute(
                name: names.id(fields[0]!, &tree),
                prefix: fields[1].map { names.id($0, &tree) } ?? -1,
                value: Self.attributeValue(from: fields[2]!, to: fields[3]!),
                position: attributePosition)
        }
    }

    mutating func endElement() {
        finishText()
        tree.endElement()
        depth -= 1
        if depth == 0 { root = tree.finish() }
    }

    mutating func characters(_ bytes: UnsafePointer<CChar>, count: Int, line: Int) {
        guard depth > 0, count > 0 else { return }
        if textCount == 0 { textLine = line }
        if textCount + count > text.count {
            text.append(contentsOf: repeatElement(0, count: Swift.max(text.count, textCount + count - text.count)))
        }
        text.withUnsafeMutableBytes { buffer in
            (buffer.baseAddress! + textCount).copyMemory(from: bytes, byteCount: count)
        }
        textCount += count
    }

    mutating func textBoundary() { finishText() }

    /// After the parse: the name table's spellings point into libxml2's
    /// dictionary, which the parse's end freed; nothing may read them now.
    mutating func parseEnded() { names = NameTable() }

    // MARK: Building

    /// Ends the current run of character data, if any (inlined: most
    /// events have none to end).
    @inline(__always)
    private mutating func finishText() {
        if textCount > 0 { appendText() }
    }

    /// The current run of character data as a text child of the innermost
    /// open element, unless it is all white space.
    private mutating func appendText() {
        let count = textCount
        textCount = 0
        let value: String? = text.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let value else { return }
        var position = SourcePosition(line: textLine, column: 0)
        if locating {
            if let located = locator.nextText() { position = located } else { locating = false }
        }
        tree.appendText(Text(value: value, position: position))
    }

    /// An attribute value as libxml2's tree held it: libxml2 reports `&`
    /// (written `&amp;`, `&#38;` or `&#x26;`) as `&#38;` when it does not
    /// substitute entities, and every other reference already resolved.
    static func attributeValue(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        guard memchr(start, 0x26 /* & */, bytes.count) != nil else { return String(decoding: bytes, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x26, i + 5 <= bytes.count, bytes[i + 1] == 0x23, bytes[i + 2] == 0x33,
                bytes[i + 3] == 0x38, bytes[i + 4] == 0x3B
            {
                decoded.append(0x26)
                i += 5
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

/// libxml2 keeps one copy of each name in its dictionary, so within a
/// parse the same name always comes at the same address: each address is
/// looked up in the tree's names once (by its bytes, so two copies of one
/// name would still be one name), by address after that.
private struct NameTable {
    private var addresses: [UInt] = Array(repeating: 0, count: 64)
    private var ids: [Int32] = Array(repeating: 0, count: 64)
    /// Each name's bytes by number, as libxml2 holds them (its dictionary
    /// lives as long as the parse): what the locator compares with the source.
    private var spellings: [UnsafeRawBufferPointer] = []
    private var used = 0

    func bytes(_ id: Int32) -> UnsafeRawBufferPointer { spellings[Int(id)] }

    /// Inlined where names are looked up: a lookup is a few instructions
    /// when the address was seen before, as it nearly always was.
    @inline(__always)
    mutating func id(_ name: UnsafePointer<CChar>, _ tree: inout TreeBuilder) -> Int32 {
        let address = UInt(bitPattern: name)
        let mask = addresses.count - 1
        var slot = Self.hash(address) & mask
        while addresses[slot] != 0 {
            if addresses[slot] == address { return ids[slot] }
            slot = (slot + 1) & mask
        }
        return add(name, at: slot, &tree)
    }

    /// A name at an address not seen before, whose slot would be `slot`.
    @inline(never)
    private mutating func add(_ name: UnsafePointer<CChar>, at slot: Int, _ tree: inout TreeBuilder) -> Int32 {
        let address = UInt(bitPattern: name)
        let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
        let id = tree.nameID(bytes)
        if Int(id) == spellings.count { spellings.append(bytes) }
        var slot = slot
        if (used + 1) * 2 > addresses.count {
            grow()
            let mask = addresses.count - 1
            slot = Self.hash(address) & mask
            while addresses[slot] != 0 { slot = (slot + 1) & mask }
        }
        addresses[slot] = address
        ids[slot] = id
        used += 1
        return id
    }

    private mutating func grow() {
        let oldAddresses = addresses
        let oldIDs = ids
        addresses = Array(repeating: 0, count: oldAddresses.count * 2)
        ids = Array(repeating: 0, count: oldAddresses.count * 2)
        let mask = addresses.count - 1
        for (address, id) in zip(oldAddresses, oldIDs) where address != 0 {
            var slot = Self.hash(address) & mask
            while addresses[slot] != 0 { slot = (slot + 1) & mask }
            addresses[slot] = address
            ids[slot] = id
        }
    }

    /// The product's high half: its best-mixed bits (a slot is its low ones).
    private static func hash(_ address: UInt) -> Int {
        Int(truncatingIfNeeded: ((address >> 3) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
