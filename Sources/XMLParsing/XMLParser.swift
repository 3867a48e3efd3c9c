import Diagnostics

/// The XML layer's entry point: bytes in, an element tree or diagnostics out.
public enum XMLParser {
    public enum Outcome: Sendable {
        case document(ParsedDocument)
        /// The document is not well-formed, or was refused (too large, too
        /// deep, a DOCTYPE). Never empty.
        case failure([Diagnostic])
    }

    /// Parses `bytes` read from `file` (the name used in diagnostics).
    public static func parse(_ bytes: [UInt8], file: String, limits: ParseLimits = .localFile) -> Outcome {
        if bytes.count > limits.maximumBytes {
            return .failure([.fileTooLarge(file: file, limit: limits.maximumBytes)])
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure([.emptyDocument(file: file)])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            LibXML2Reader.read(buffer, file: file, limits: limits)
        }
    }
}
