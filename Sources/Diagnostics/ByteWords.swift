/// Eight bytes at a time: the few word tricks the byte scanners share (the
/// source locator, the line and column counter, the template scan). A word
/// is loaded little-endian, so its first byte is its lowest: the lowest set
/// bit of a mask names the first byte that matched.
public enum ByteWords {
    /// Bit 7 of every byte.
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `at`, the first lowest (whatever the machine).
    @inlinable @inline(__always)
    public static func load(_ at: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(at).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in every byte of a word, to compare eight at once.
    @inlinable @inline(__always)
    public static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Bit 7 set in the first byte of `x` that is zero, and maybe in some
    /// after it (a borrow goes up): the lowest set bit is exact, and of two
    /// such words or-ed together, it is the first zero of either; zero
    /// exactly when no byte is.
    @inlinable @inline(__always)
    public static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- 0x0101_0101_0101_0101) & ~x & highBits }

    /// The index (0 to 7) of the byte a mask's lowest set bit is in.
    @inlinable @inline(__always)
    public static func firstByte(of mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
