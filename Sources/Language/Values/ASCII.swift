import Diagnostics

/// Byte-level tests for the ASCII shapes values take (digits, keys, white
/// space). Attribute values are checked for every element of every script,
/// so these avoid Swift's Character machinery.
enum ASCII {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// One or more digits, at most `maximumCount`.
    static func isDigits<S: StringProtocol>(_ text: S, maximumCount: Int = .max) -> Bool {
        text.withUTF8Bytes { !$0.isEmpty && $0.count <= maximumCount && $0.allSatisfy(isDigit) }
    }
}
