import FlowGraph
import Language
import Policy
import Testing

/// Scripts from text, and hand-overs resolved among them in memory, the
/// way `connexml graph` resolves them on disk: relative to the folder of
/// the document that hands over.
struct Documents {
    var files: [String: String]
    /// Every reference the loader was asked for, in order.
    final class Requests: @unchecked Sendable { var list: [String] = [] }
    let requests = Requests()

    init(_ files: [String: String]) { self.files = files }

    static func script(_ xml: String, file: String = "main.xml") -> Script {
        let result = ScriptChecker.check(bytes: Array(xml.utf8), file: file)
        guard let script = result.script else {
            Issue.record("invalid test script \(file): \(result.diagnostics.map(\.message))")
            return Script(file: file, before: [], verbs: [])
        }
        return script
    }

    func load(_ reference: String, from file: String) -> LoadedDocument {
        requests.list.append(reference)
        let folder = file.split(separator: "/").dropLast().joined(separator: "/")
        var parts = (folder.isEmpty ? [] : folder.split(separator: "/").map(String.init))
        for part in reference.split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        let path = parts.joined(separator: "/")
        guard let xml = files[path] else { return .unavailable(key: path, title: path, reason: "missing: no such file") }
        return .script(key: path, title: path, Self.script(xml, file: path))
    }

    func graph(_ main: String = "main.xml", directory: Directory? = nil) -> FlowGraph {
        FlowGraphBuilder(directory: directory) { load($0, from: $1) }
            .build(Self.script(files[main]!, file: main), key: main, title: main)
    }
}

extension FlowGraph {
    /// The node of the verb at `line` of document `index`.
    func verb(_ line: Int, in document: Int = 0) -> Node? {
        nodes.first { $0.document == document && $0.line == line }
    }

    func edges(from node: Node?) -> [Edge] { edges.filter { $0.from == node?.id } }

    /// Outcome labels of the edges leaving a node, sorted.
    func outcomes(from node: Node?) -> [String] { edges(from: node).compactMap(\.outcome).sorted() }

    func target(of node: Node?, outcome: String) -> Node? {
        edges(from: node).first { $0.outcome == outcome }.flatMap { self.node($0.to) }
    }
}
