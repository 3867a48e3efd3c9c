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
    /// Whatever stops a folder from being checked whole is a problem: a
    /// folder that cannot be listed, a script that cannot be read.
    static func expand(_ arguments: [String]) -> Expansion {
        var result = Expansion()
        for argument in arguments {
            guard argument != "-", kind(of: argument) == .folder else {
                result.paths.append(argument)
                continue
            }
            let walk = FolderWalk(root: argument)
            if walk.scripts.isEmpty && walk.problems.isEmpty {
                result.problems.append(
                    Diagnostic(.error, .unreadableFile, "no *.xml files in this folder", file: argument, at: nil))
            }
            result.paths += walk.scripts
            result.problems += walk.problems
        }
        return result
    }

    /// How a path is named in diagnostics.
    static func displayName(of path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The bytes of `path` ('-' is standard input), reading at most one byte
    /// past `limit` so a huge file is never loaded whole: the parser then
    /// refuses it by size.
    ///
    /// Typed throws, not a `Result`: destroying a `Result<[UInt8], Unreadable>`
    /// made the runtime build its metadata, and so look up `Unreadable: Error`
    /// by scanning every conformance record of the binary, at every start.
    static func read(_ path: String, limit: Int) throws(Unreadable) -> [UInt8] {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            switch kind(of: path) {
            case .missing: throw unreadable(path, "no such file")
            case .folder: throw unreadable(path, "is a folder")
            case .other: break
            }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw unreadable(path, "cannot be opened for reading: \(String(cString: strerror(errno)))")
            }
        }
        defer { if path != "-" { close(descriptor) } }
        // Straight into the byte array with read(2): no Data in between, and
        // for a file of known length no chunk either (copying a 1 MB script
        // out of a chunk, and the chunk's pages, cost more than reading it).
        var status = stat()
        let known = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 0
        // One byte more than expected, so that a file longer than it said
        // (growing, or over the limit) shows, and is read on in chunks.
        var failure: Int32?
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: known > 0 ? min(known, limit) + 1 : 0) { buffer, count in
            while count < buffer.count {
                let got = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 {
                    reachedEnd = true
                    return
                }
                count += got
            }
        }
        if let failure { throw unreadable(path, "cannot be read: \(String(cString: strerror(failure)))") }
        if reachedEnd || bytes.count > limit { return bytes }  // read whole, or too long already
        // Standard input, or a file that did not say (or grew): in chunks.
        // Uninitialised: zero-filling 1 MiB costs more than reading a small script.
        var chunk = [UInt8](unsafeUninitializedCapacity: 1 << 20) { _, count in count = 1 << 20 }
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// What a path names, as `stat` sees it (links followed): what a
    /// command line's paths are asked, without Foundation's file manager
    /// (making it, for a one-line check, touched its code at every start).
    enum PathKind { case missing, folder, other }

    static func kind(of path: String) -> PathKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .folder : .other
    }

    struct Unreadable: Error {
        let diagnostic: Diagnostic
    }

    private static func unreadable(_ path: String, _ why: String) -> Unreadable {
        Unreadable(diagnostic: Diagnostic(.error, .unreadableFile, why, file: path, at: nil))
    }
}

/// The *.xml files below a folder, and what could not be read on the way.
///
/// Links to folders are not followed (as `find` and `grep -r` do not), so no
/// folder is checked twice and a link cycle cannot loop; a link named *.xml
/// is followed like the file it names. Anything that may hold a script and
/// cannot be read is reported, never passed over: a folder that cannot be
/// listed, a *.xml link that is broken or loops, a *.xml that is not a file.
/// Unreadable *.xml files are reported when they are read.
struct FolderWalk {
    private(set) var scripts: [String] = []
    private(set) var problems: [Diagnostic] = []

    init(root: String) {
        var found: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            guard let names = list(folder, under: root) else { continue }
            for name in names {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let path = Self.join(root, relative)
                switch Self.kind(of: path) {
                case .folder:
                    pending.append(relative)
                case .file where name.hasSuffix(".xml"):
                    found.append(relative)
                case .unreadable(let why) where name.hasSuffix(".xml"):
                    problems.append(Diagnostic(.error, .unreadableFile, why, file: path, at: nil))
                default:
                    break  // not a script, or a link to a folder
                }
            }
        }
        // The order `check` has always printed: relative paths, sorted.
        scripts = found.sorted().map { Self.join(root, $0) }
        problems.sort { $0.file < $1.file }
    }

    private static func join(_ root: String, _ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// The names in a folder, or nil after reporting why it cannot be listed.
    private mutating func list(_ folder: String, under root: String) -> [String]? {
        let path = folder.isEmpty ? root : Self.join(root, folder)
        guard let stream = opendir(path) else {
            problems.append(
                Diagnostic(
                    .error, .unreadableFile,
                    "this folder cannot be read, so its scripts are not checked: \(String(cString: strerror(errno)))",
                    file: path, at: nil))
            return nil
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 {
                    problems.append(
                        Diagnostic(
                            .error, .unreadableFile,
                            "this folder could not be read to the end: \(String(cString: strerror(errno)))", file: path, at: nil))
                }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    private enum Kind {
        case folder, file, linkToFolder, other
        case unreadable(String)
    }

    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .unreadable("cannot be examined: \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: break
        default: return .unreadable("is not a regular file, so it cannot be checked as a script")
        }
        guard stat(path, &info) == 0 else {
            switch errno {
            case ENOENT: return .unreadable("a broken symbolic link: what it points to does not exist")
            case ELOOP: return .unreadable("a symbolic link that loops: it never reaches a file")
            default: return .unreadable("a symbolic link that cannot be followed: \(String(cString: strerror(errno)))")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .linkToFolder
        case S_IFREG: return .file
        default: return .unreadable("is not a regular file, so it cannot be checked as a script")
        }
    }
}
