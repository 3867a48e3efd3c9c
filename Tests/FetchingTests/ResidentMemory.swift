import Foundation

/// The process's resident memory from /proc/self/status, in bytes (0 where
/// there is no /proc).
enum ResidentMemory {
    /// Resident now (`VmRSS`).
    static func now() -> Int { field("VmRSS:") }

    /// The peak since the process started or since `resetPeak()` (`VmHWM`).
    static func peak() -> Int { field("VmHWM:") }

    /// Starts the peak again from now (`5` to clear_refs, Linux 4.0 on), so
    /// one measurement is not hidden by an earlier, higher peak.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes << 10
    }
}
