/// The shape of a number to dial: an optional leading `+`, then the keys of
/// a phone (digits, `*`, `#`), at most 32 characters. Shared by the layers
/// that judge numbers, so `check`, `run` and `explain` accept exactly the
/// same ones: a number the script could not dial is never "allowed".
public enum DialString {
    @inlinable public static var maximumLength: Int { 32 }

    @inlinable
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        // A plain loop over the bytes: the engine asks for every number dialled.
        text.withUTF8Bytes { bytes in
            var count = 0
            var keys = 0
            for byte in bytes {
                count += 1
                guard count <= maximumLength else { return false }
                if count == 1, byte == 0x2B { continue }
                guard isKey(byte) else { return false }
                keys += 1
            }
            return keys > 0
        }
    }

    /// 0-9, * and #.
    @inlinable
    public static func isKey(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || byte == 0x2A || byte == 0x23 }

    /// `text` without the separators people write inside numbers (spaces,
    /// `-`, `.`, `(`, `)`, `,`, `/`), when what is left is a valid number:
    /// for a hint only. Nothing is dialled in this form unless written so,
    /// because the dial rules judge exactly what is dialled.
    public static func compacted(_ text: String) -> String? {
        let kept = String(text.filter { !" \t-.(),/".contains($0) })
        return kept != text && isValid(kept) ? kept : nil
    }
}

/// The shape of a transfer target: a number, an extension or a SIP user
/// name (the documentation transfers to `test4`) — not empty, no white
/// space, no control characters. Shared like `DialString`, so `check`,
/// `run` and `explain` draw the same line.
public enum TransferTarget {
    public static func isValid(_ text: String) -> Bool {
        // Printable ASCII (0x21-0x7E) is neither white space nor a control
        // character: most targets are decided by their bytes alone.
        if !text.isEmpty, text.withUTF8Bytes({ $0.allSatisfy { $0 >= 0x21 && $0 <= 0x7E } }) { return true }
        return !text.isEmpty
            && text.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
    }
}
