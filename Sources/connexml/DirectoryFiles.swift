import Diagnostics
import Foundation
import Policy

/// Finding and loading the directory a command runs against.
enum DirectoryFiles {
    struct Loaded {
        let directory: Directory?
        let diagnostics: [Diagnostic]
        /// How to name it to the user: a path, or the bundled sample.
        let source: String
    }

    /// The directory named by `--directory`, else `directory.yaml` in
    /// `folder` (the current one by default), else the bundled sample.
    static func load(_ path: String?, besides folder: String = ".") -> Loaded {
        if let path { return load(path: path) }
        let beside = (folder as NSString).appendingPathComponent("directory.yaml")
        if FileManager.default.fileExists(atPath: beside) { return load(path: beside) }
        let result = DirectoryLoader.load(text: BundledDirectory.text, file: BundledDirectory.name)
        return Loaded(directory: result.directory, diagnostics: result.diagnostics, source: BundledDirectory.name)
    }

    static func load(path: String) -> Loaded {
        let bytes: [UInt8]
        do throws(ScriptFiles.Unreadable) {
            bytes = try ScriptFiles.read(path, limit: DirectoryLoader.maximumBytes)
        } catch {
            return Loaded(directory: nil, diagnostics: [error.diagnostic], source: path)
        }
        let result = DirectoryLoader.load(bytes: bytes, file: path)
        return Loaded(directory: result.directory, diagnostics: result.diagnostics, source: path)
    }
}
