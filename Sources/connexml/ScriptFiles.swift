import Diagnostics
import Foundation

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
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(unreadable(path, "cannot be read: \(error.localizedDescription)"))
        }
    }

    struct Unreadable: Error {
        let diagnostic: Diagnostic
    }

    private static func unreadable(_ path: String, _ why: String) -> Unreadable {
        Unreadable(diagnostic: Diagnostic(.error, "unreadable-file", why, file: path, at: nil))
    }
}
