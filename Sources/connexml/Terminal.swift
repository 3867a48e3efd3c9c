#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum Terminal {
    enum Stream { case standardInput, standardOutput, standardError }

    static func isTerminal(_ stream: Stream) -> Bool {
        switch stream {
        case .standardInput: isatty(0) == 1
        case .standardOutput: isatty(1) == 1
        case .standardError: isatty(2) == 1
        }
    }

    /// Writes to standard error, unbuffered.
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
