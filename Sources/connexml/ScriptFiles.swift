import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Finding and reading the files the user named. Problems with the files
/// themselves (missing, unreadable) are diagnostics with code
/// `unreadable-file`, which make the command exit with status 2.
enum ScriptFiles {
    struct Expansion {
        var paths: [String] = []
        var problems: [Diagnostic] = []
    }

    /// Files as named; folders replaced by the *.xml files below them, sorted.
    static func expand(_ arguments: [String]) -> Expansion {
        var result = Expansion()
        let manager = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard argument != "-", manager.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
                result.paths.append(argument)
                continue
            }
            let found = (manager.enumerator(atPath: argument)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".xml") }
                .sorted()
                .map { (argument as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                result.problems.append(Diagnostic(.error, "unreadable-file", "no *.xml files in this folder", file: argument, at: nil))
            }
            result.paths += found
        }
        return result
    }

    /// How a path is named in diagnostics.
    static func displayName(of path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The bytes of `path` ('-' is standard input), reading at most one byte
    /// past `limit` so a huge file is never loaded whole: the parser then
    /// refuses it by size.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Unreadable> {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                return .failure(unreadable(path, "no such file"))
            }
            guard !isFolder.boolValue else { return .failure(unreadable(path, "is a folder")) }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                return .failure(unreadable(path, "cannot be opened for reading (permissions?)"))
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        // Straight into the byte array with read(2): no Data in between, so an
        // 8 MB script is copied once, not twice.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { systemRead(handle.fileDescriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable(path, "cannot be read: \(String(cString: strerror(errno)))"))
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return .success(bytes)
    }

    struct Unreadable: Error {
        let diagnostic: Diagnostic
    }

    private static func unreadable(_ path: String, _ why: String) -> Unreadable {
        Unreadable(diagnostic: Diagnostic(.error, "unreadable-file", why, file: path, at: nil))
    }
}
