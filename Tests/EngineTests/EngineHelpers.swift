import Engine
import Fetching
import Foundation
import Language
import Policy
import Testing

enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory: Directory = {
        let text = try! String(contentsOf: packageRoot.appendingPathComponent("samples/directory.yaml"), encoding: .utf8)
        return DirectoryLoader.load(text: text, file: "directory.yaml").directory!
    }()

    static func compile(_ xml: String, file: String = "test.xml") -> CompiledScript {
        switch CompiledScript.compile(bytes: Array(xml.utf8), file: file) {
        case .success(let script): return script
        case .failure(let failure): fatalError("test script does not check: \(failure.diagnostics)")
        }
    }

    /// A scenario for `from` at a fixed moment (a Monday, 09:30 UTC).
    static func scenario(
        from: String = "1001", at start: String = "2026-01-05T09:30:00Z", timeZone: String = "UTC",
        keys: [KeyPress] = [], answers: [String: Answer] = [:]
    ) -> Scenario {
        var scenario = Scenario()
        scenario.from = from
        scenario.start = ScenarioLoader.parseDate(start)!
        scenario.timeZone = TimeZone(identifier: timeZone)!
        scenario.sid = "CA-test"
        scenario.keys = keys
        scenario.answers = answers
        return scenario
    }

    /// Runs `xml` and returns its events.
    static func run(
        _ xml: String, _ scenario: Scenario = scenario(), directory: Directory = directory,
        documents: any DocumentSource = HandOverDocuments()
    ) -> [TraceEvent] {
        let engine = Engine(directory: directory)
        var sink = CollectingSink()
        engine.run(compile("<Response>\n\(xml)\n</Response>"), scenario: scenario, documents: documents, sink: &sink)
        return sink.events
    }
}

extension Array where Element == TraceEvent {
    func first(_ name: TraceEvent.Name) -> TraceEvent? { first { $0.name == name } }
    func all(_ name: TraceEvent.Name) -> [TraceEvent] { filter { $0.name == name } }
    /// The events' names as the trace writes them.
    var names: [String] { map(\.name.rawValue) }
    var end: TraceEvent { last! }
}

extension TraceValue {
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var list: [String]? { if case .list(let l) = self { l } else { nil } }
}

/// Serves documents from memory and records what was asked.
final class MemoryDocuments: DocumentSource, @unchecked Sendable {
    private let documents: [String: String]
    private(set) var requests: [(url: String, parameters: [(String, String)])] = []
    private let lock = NSLock()

    init(_ documents: [String: String]) { self.documents = documents }

    func document(
        _ reference: String, from file: String, method: HTTPMethod,
        parameters: [(String, String)]
    ) -> Result<CompiledScript, DocumentFailure> {
        lock.withLock { requests.append((reference, parameters)) }
        guard let xml = documents[reference] else { return .failure(DocumentFailure(message: "no document \(reference)")) }
        return .success(Fixture.compile(xml, file: reference))
    }
}
