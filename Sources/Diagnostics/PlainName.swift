/// `^[a-z_0-9]+$`: the shape of plain-text names, shared by the layers that
/// check them: barge groups and contexts in scripts; profile, customer and
/// group names in the directory.
public enum PlainName {
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        text.withUTF8Bytes { bytes in
            !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
        }
    }

    /// The valid name closest to `text` (lowercased, other characters as `_`).
    public static func suggestion(for text: String) -> String? {
        let mapped = String(
            text.lowercased().map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "_") ? c : "_"
            })
        return isValid(mapped) ? mapped : nil
    }
}
