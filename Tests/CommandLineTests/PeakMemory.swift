import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a shell command line and measures the peak resident memory of
/// what it runs: a bound on memory that works under the sanitizers, where
/// `ulimit -v` cannot (they reserve terabytes of address space first).
///
/// The peak is `ru_maxrss` of the children of a small Python process that
/// runs the command. Not of a child of this test process: a process
/// started from this one inherits its peak (the kernel keeps the larger
/// of the old and new peak across exec), and under ASan this process
/// alone is some 800 MiB.
enum PeakMemory {
    struct Run {
        let output: Connexml.Output
        let peakResidentBytes: Int
    }

    /// Whether this test process runs under AddressSanitizer or
    /// ThreadSanitizer (and so does the binary, built with the same flags).
    static let underSanitizer: Bool = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    /// `script` runs in bash with $CONNEXML set; `folder` holds the number
    /// measured until it is read.
    static func run(_ script: String, folder: URL) throws -> Run {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let peakFile = folder.appendingPathComponent("peak-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: peakFile) }
        // Exits as the command did (128 + N when killed by signal N).
        let measure = """
            import resource, subprocess, sys
            status = subprocess.call(["/bin/bash", "-c", sys.argv[2]])
            open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
            sys.exit(128 - status if status < 0 else status)
            """
        let output = try Connexml.shell("exec python3 -c \(quoted(measure)) \(quoted(peakFile)) \(quoted(script))")
        let kibibytes = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0) }
        // No number: the measurement itself failed, which must not pass.
        return Run(output: output, peakResidentBytes: kibibytes.map { $0 << 10 } ?? Int.max)
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
