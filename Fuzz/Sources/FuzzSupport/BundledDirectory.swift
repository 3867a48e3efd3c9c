import Foundation
import Engine
import Policy

/// The project's sample directory (samples/directory.yaml), which the
/// command-line tool bundles: the fuzzed calls run against it.
public enum SampleDirectory {
    /// The package root, found from this file (Fuzz/Sources/FuzzSupport/…).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory: Directory = {
        let path = packageRoot.appendingPathComponent("samples/directory.yaml").path
        guard let data = FileManager.default.contents(atPath: path),
              let directory = DirectoryLoader.load(bytes: [UInt8](data), file: path).directory
        else { fatalError("cannot load \(path): the fuzz targets run against the sample directory") }
        return directory
    }()
}

/// The call samples (samples/calls/*.xml), compiled once, by file name.
public enum SampleScripts {
    public static let calls: [String: CompiledScript] = {
        let folder = SampleDirectory.packageRoot.appendingPathComponent("samples/calls")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }
        var scripts: [String: CompiledScript] = [:]
        for name in names {
            let path = folder.appendingPathComponent(name).path
            if let data = FileManager.default.contents(atPath: path),
               case .success(let script) = CompiledScript.compile(bytes: [UInt8](data), file: path) {
                scripts[name] = script
            }
        }
        guard !scripts.isEmpty else { fatalError("no call samples under \(folder.path)") }
        return scripts
    }()

    /// In a stable order, to pick one by number.
    public static let names = calls.keys.sorted()
}
