import Diagnostics
import Foundation
import Policy
import Testing

enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled sample directory.
    static let sample: Directory = {
        let text = try! String(contentsOf: packageRoot.appendingPathComponent("samples/directory.yaml"), encoding: .utf8)
        let result = DirectoryLoader.load(text: text, file: "samples/directory.yaml")
        precondition(result.directory != nil, "the sample directory must load: \(result.diagnostics)")
        return result.directory!
    }()

    static let policy = Policy(directory: sample)

    static func caller(_ username: String) -> Caller {
        try! Caller.user(username, in: sample).get()
    }

    static func load(_ yaml: String) -> DirectoryLoader.Result {
        DirectoryLoader.load(text: yaml, file: "dir.yaml")
    }
}
