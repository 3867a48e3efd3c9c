import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a shell command line and measures the peak resident memory of it
/// and everything it waited for (`wait4`'s `ru_maxrss`: the largest of the
/// shell, `timeout` and the binary). A bound on memory that works under
/// the sanitizers, where `ulimit -v` cannot: they reserve terabytes of
/// address space before `main`.
enum PeakMemory {
    struct Run {
        let output: Connexml.Output
        let peakResidentBytes: Int
    }

    /// Whether this test process runs under AddressSanitizer or
    /// ThreadSanitizer (and so does the binary, built with the same flags).
    static let underSanitizer: Bool = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    /// Runs `/bin/bash -c script` with `environment` added; its
    /// output goes through files in `folder`, so a full pipe never blocks it.
    static func run(_ script: String, environment: [String: String], outputsIn folder: URL) throws -> Run {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString)").path
        let err = folder.appendingPathComponent("stderr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        let command = "{ \(script) ; } >'\(out)' 2>'\(err)' </dev/null"
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let arguments = ["/bin/bash", "-c", command]

        var argv = arguments.map { strdup($0) } + [nil]
        var envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", nil, nil, &argv, &envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // Exited: the exit code; killed by a signal: 128 + the signal, as a shell says.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = Connexml.Output(status: exitStatus,
                                     stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                                     stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        return Run(output: output, peakResidentBytes: usage.ru_maxrss * 1024)  // ru_maxrss: KiB on Linux
    }
}
