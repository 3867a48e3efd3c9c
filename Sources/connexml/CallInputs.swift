import Diagnostics
import Engine
import Foundation
import Policy
import Synchronization
import XMLParsing

/// What a call needs, read from files: the compiled script, the directory
/// (given, else `directory.yaml` beside the script, else the bundled one)
/// and the scenario. Shared by `run` and `test`; scripts and directories are
/// read and compiled once however many calls use them.
final class CallInputs: Sendable {
    struct Loaded {
        var script: CompiledScript?
        var directory: Directory?
        /// The world, and the documents its file maps.
        var scenario: ScenarioFile?
        /// Errors of any of the three: then nothing may run.
        var problems: [Diagnostic] = []
        /// Whether a file could not be read at all (exit status 2).
        var unreadable = false
    }

    private let directoryPath: String?
    private let scripts = Mutex<[String: Result<CompiledScript, CompileFailure>]>([:])
    private let directories = Mutex<[String: DirectoryFiles.Loaded]>([:])

    init(directory: String?) { self.directoryPath = directory }

    func load(script path: String, scenario scenarioPath: String?) -> Loaded {
        var loaded = Loaded()
        func collect(_ diagnostics: [Diagnostic]) {
            let errors = diagnostics.filter { $0.severity == .error }
            loaded.problems += errors
            if errors.contains(where: { $0.code == .unreadableFile }) { loaded.unreadable = true }
        }
        switch compiled(path) {
        case .success(let script): loaded.script = script
        case .failure(let failure): collect(failure.diagnostics)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = directory(besides: folder.isEmpty ? "." : folder)
        collect(directory.diagnostics)
        loaded.directory = directory.directory
        loaded.scenario = ScenarioFile()
        if let scenarioPath {
            do throws(ScriptFiles.Unreadable) {
                let bytes = try ScriptFiles.read(scenarioPath, limit: ScenarioLoader.maximumBytes)
                let result = ScenarioLoader.load(
                    bytes: bytes, file: scenarioPath,
                    folder: (scenarioPath as NSString).deletingLastPathComponent,
                    directory: directory.directory)
                collect(result.diagnostics)
                loaded.scenario = result.file
            } catch {
                collect([error.diagnostic])
            }
        }
        return loaded
    }

    private func compiled(_ path: String) -> Result<CompiledScript, CompileFailure> {
        if let cached = scripts.withLock({ $0[path] }) { return cached }
        let result: Result<CompiledScript, CompileFailure>
        do throws(ScriptFiles.Unreadable) {
            let bytes = try ScriptFiles.read(path, limit: ParseLimits.localFile.maximumBytes)
            result = CompiledScript.compile(bytes: bytes, file: path)
        } catch {
            result = .failure(CompileFailure(diagnostics: [error.diagnostic]))
        }
        scripts.withLock { $0[path] = result }
        return result
    }

    private func directory(besides folder: String) -> DirectoryFiles.Loaded {
        let key = directoryPath ?? folder
        if let cached = directories.withLock({ $0[key] }) { return cached }
        let loaded = DirectoryFiles.load(directoryPath, besides: folder)
        directories.withLock { $0[key] = loaded }
        return loaded
    }
}
