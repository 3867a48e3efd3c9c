import Engine
import Language
import Policy

/// Runs calls for the commands (`run`, `test`, the REPL, the benchmark):
/// the engine decides, this performs what it asks for. Hand-overs go to the
/// scenario file's `documents` mappings (paths resolved from its folder), then
/// local files, then — with `http` — the web, which then also takes the
/// status callbacks. Documents read from files are kept across calls.
public struct CallDriver: Sendable {
    public let engine: Engine
    public let documents: HandOverDocuments
    /// Sends the status callbacks calls ask for; nil: they are only traced
    /// (`connexml test`, the REPL, `run --offline`).
    public let callbacks: (any CallbackSender)?

    public init(directory: Directory, documents: [String: String] = [:], folder: String = ".", http: HTTPFetcher? = nil) {
        self.init(directory: directory, documents: documents, folder: folder, fetcher: http, callbacks: http)
    }

    public init(
        directory: Directory, documents: [String: String], folder: String, fetcher: (any DocumentFetcher)?,
        callbacks: (any CallbackSender)?
    ) {
        self.engine = Engine(directory: directory)
        self.documents = HandOverDocuments(mappings: documents, folder: folder, fetcher: fetcher)
        self.callbacks = callbacks
    }

    /// For the calls of a scenario file: its `documents`, from its folder.
    public init(directory: Directory, for file: ScenarioFile, http: HTTPFetcher? = nil) {
        self.init(directory: directory, documents: file.documents, folder: file.folder, http: http)
    }

    /// Runs one call to its end. (Specialised for the engine's own sinks,
    /// as `Engine.run` is: a generic call across modules would run the
    /// whole call unspecialised.)
    @discardableResult
    @_specialize(exported:true,where Sink == CountingSink)
    @_specialize(exported:true,where Sink == CollectingSink)
    public func run<Sink: TraceSink>(
        _ script: CompiledScript, scenario: Scenario, mode: RunMode = .toTheEnd,
        sink: inout Sink
    ) -> CallSummary {
        guard let callbacks else { return engine.run(script, scenario: scenario, mode: mode, documents: documents, sink: &sink) }
        var sending = CallbackSendingSink(inner: sink, sender: callbacks)
        defer { sink = sending.inner }
        return engine.run(script, scenario: scenario, mode: mode, documents: documents, sink: &sending)
    }
}
