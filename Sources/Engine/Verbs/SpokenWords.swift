/// Words of spoken text: runs of bytes between white space (space, tab,
/// line feed, carriage return), counted on the UTF-8 bytes. Runs for every
/// `<Say>` of every call: eight bytes at a time.
enum SpokenWords {
    static func count(_ text: String) -> Int {
        // Native strings are contiguous UTF-8; others are copied first.
        if let words = text.utf8.withContiguousStorageIfAvailable(count) { return words }
        return Array(text.utf8).withUnsafeBufferPointer(count)
    }

    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var words = 0
        // 0x80 when the byte before the next one is not white space.
        var carry: UInt64 = 0
        var at = 0
        while at + 8 <= bytes.count {
            let chunk = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            // The top bit of each byte: set when that byte is not white space.
            let other =
                ~(zeroBytes(chunk ^ 0x2020_2020_2020_2020) | zeroBytes(chunk ^ 0x0A0A_0A0A_0A0A_0A0A)
                | zeroBytes(chunk ^ 0x0909_0909_0909_0909) | zeroBytes(chunk ^ 0x0D0D_0D0D_0D0D_0D0D)) & high
            // A word starts at a byte that is not white space after one that is.
            let starts = other & ~((other << 8) | carry)
            words += starts.nonzeroBitCount
            carry = other >> 56
            at += 8
        }
        var inWord = carry != 0
        while at < bytes.count {
            let byte = base[at]
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { words += 1 }
            inWord = !space
            at += 1
        }
        return words
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The top bit of each byte of `x` set exactly when that byte is zero
    /// (no borrow crosses bytes: each byte's low seven bits plus 0x7F fit).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & low) &+ low) | x | low)
    }
}
