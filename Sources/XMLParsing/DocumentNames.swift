/// The distinct names of one document (of elements, attributes and
/// prefixes), each kept once as a string and numbered in the order they
/// first appear.
///
/// Names are told apart by their UTF-8 bytes, as libxml2 compares them:
/// two spellings that Unicode calls equivalent (`é` as one code point, or
/// as `e` and a combining accent) are two names, each kept as written.
///
/// A table of its own rather than a `[String: Int32]`: the first such
/// dictionary of a process makes the Swift runtime look through every
/// protocol conformance in the binary for String's (about 385,000
/// instructions, 8% of checking a one-line script), and a String
/// hashes and compares by characters, not bytes.
struct DocumentNames {
    private(set) var strings: [String] = []
    /// Each name's hash, by number (growing the table does not rehash).
    private var hashes: [Int] = []
    /// Open addressing: the number of the name in each slot, or -1; never
    /// more than half full.
    private var slots: [Int32] = Array(repeating: -1, count: 32)

    /// The number of the name spelled `bytes`, numbering it if it is new.
    mutating func number(of bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, Self.spells(strings[id], bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        if strings.count * 2 > slots.count { rebuildSlots(count: slots.count * 2) } else { slots[slot] = id }
        return id
    }

    private mutating func rebuildSlots(count: Int) {
        slots = Array(repeating: -1, count: count)
        let mask = count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Whether `string` is spelled with exactly `bytes`.
    private static func spells(_ string: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var string = string  // withUTF8 is mutating (it would make a string contiguous; these are)
        return string.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// Seeded per process, as a Swift dictionary's: a document cannot
    /// choose names that all collide. (The event parse asks once per
    /// distinct name: it finds libxml2's names by address after that.)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}
