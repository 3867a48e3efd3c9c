#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the worker running a sample died: the sample failed, and this is all
/// that is left of its run.
struct SampleCrash: Sendable, Equatable {
    enum Ending: Sendable, Equatable {
        /// Killed by a signal: a stack overflow (SIGSEGV), a Swift runtime
        /// trap (SIGILL on x86, SIGTRAP on ARM), abort(), the OOM killer...
        case signal(Int32)
        /// Exited on its own, in the middle of the sample.
        case exit(Int32)
        /// Answered something that is not the protocol, so it was stopped.
        case malformedAnswer

        /// "was killed by SIGSEGV (...)", "exited with status 3".
        var text: String {
            switch self {
            case .signal: "was killed by " + signalName
            case .exit(let status): "exited with status \(status)"
            case .malformedAnswer: "answered outside the protocol"
            }
        }

        fileprivate var signalName: String {
            guard case .signal(let number) = self else { return "" }
            guard let (name, meaning) = Self.names[number] else { return "signal \(number)" }
            return "\(name) (\(meaning))"
        }

        private static let names: [Int32: (String, String)] = [
            SIGSEGV: ("SIGSEGV", "segmentation fault: a bad memory access or a stack overflow"),
            SIGBUS: ("SIGBUS", "bus error"),
            SIGILL: ("SIGILL", "illegal instruction: a Swift runtime trap"),
            SIGTRAP: ("SIGTRAP", "trace trap: a Swift runtime trap"),
            SIGABRT: ("SIGABRT", "abort"),
            SIGFPE: ("SIGFPE", "arithmetic error"),
            SIGKILL: ("SIGKILL", "killed, perhaps for lack of memory"),
            SIGTERM: ("SIGTERM", "terminated"),
        ]
    }

    let ending: Ending
    /// The last lines the worker wrote to standard error while running the
    /// sample (for a trap, the runtime's "Fatal error: ..."), control
    /// characters escaped so they cannot act on the terminal.
    let output: String

    init(ending: Ending, errorOutput: [UInt8]) {
        self.ending = ending
        output = Self.lastLines(errorOutput)
    }

    /// "crashed with SIGSEGV (segmentation fault: ...)".
    var summary: String {
        if case .signal = ending { return "crashed with " + ending.signalName }
        return "crashed: its worker " + ending.text
    }

    static let shownLines = 20

    private static func lastLines(_ bytes: [UInt8]) -> String {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        if lines.count > shownLines { lines = Array(lines.suffix(shownLines)) }
        return lines.map(escaped).joined(separator: "\n")
    }

    /// Control characters (C0, DEL, C1) as `\u{1B}`: a crash message can
    /// carry text of the script, which must not act on the terminal.
    private static func escaped(_ line: Substring) -> String {
        var out = ""
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
