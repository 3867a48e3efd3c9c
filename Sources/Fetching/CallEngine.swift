import Engine
import Policy

extension Engine {
    /// The engine every command runs calls with (`run`, `test`, the REPL,
    /// the benchmark): hand-overs go to the scenario's `documents` mappings
    /// (paths resolved from `folder`), then local files, then — with `http`
    /// — the web, which then also takes the status callbacks.
    public static func forCalls(directory: Directory, documents: [String: String] = [:], folder: String = ".",
                                http: HTTPFetcher? = nil) -> Engine {
        Engine(directory: directory, documents: HandOverDocuments(mappings: documents, folder: folder, fetcher: http),
               callbacks: http)
    }
}
