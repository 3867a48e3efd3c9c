import Language
import Policy

/// Builds the graph of a script and of every local document its hand-overs
/// reach, one document at a time in the order they are first referenced
/// (a queue, not recursion: a chain of a thousand documents is no deeper
/// than one). A document already drawn is linked to, not drawn again, so
/// loops end.
public struct FlowGraphBuilder {
    let load: DocumentLoader
    let directory: Directory?

    /// `directory`: when given, Dial, Transfer and Barge nodes list the
    /// profiles that pass.
    public init(directory: Directory? = nil, load: @escaping DocumentLoader) {
        self.load = load
        self.directory = directory
    }

    public func build(_ script: Script, key: String, title: String) -> FlowGraph {
        let assembly = GraphAssembly(load: load, directory: directory)
        assembly.graph.add(
            Node(id: "start", kind: .start, definition: nil, title: "call", summary: nil, policy: [], document: nil, line: nil))
        let entry = assembly.document(key: key, title: title, script: script)
        assembly.connect(from: "start", to: entry, label: nil, outcome: nil, style: .flow)
        assembly.drawQueuedDocuments()
        return assembly.graph
    }
}

/// The graph being built and what building it needs to remember.
final class GraphAssembly {
    var graph = FlowGraph()
    let load: DocumentLoader
    let directory: Directory?
    /// Entry node of each document by key, once queued.
    private var entries: [String: String] = [:]
    private var queue: [(index: Int, script: Script)] = []
    /// Hand-over targets already resolved: (folder of the document, reference).
    private var resolved: [String: String] = [:]
    private var counters: [Int: Int] = [:]
    private var leaves = 0

    init(load: @escaping DocumentLoader, directory: Directory?) {
        self.load = load
        self.directory = directory
    }

    /// The entry node of a document, queuing it to be drawn the first time.
    func document(key: String, title: String, script: Script) -> String {
        if let entry = entries[key] { return entry }
        let index = graph.documents.count
        // The title is the path as the script wrote it: untrusted text, like a label.
        graph.add(Document(index: index, key: key, title: ShortText.of(title, limit: ShortText.titleLength)))
        // The first verb drawn in a document is always its node 1 (see `newNodeID`).
        let entry = script.before.isEmpty && script.verbs.isEmpty ? terminal(.endOfScript, in: index) : "d\(index)_1"
        entries[key] = entry
        queue.append((index, script))
        return entry
    }

    func drawQueuedDocuments() {
        var next = 0
        while next < queue.count {
            let (index, script) = queue[next]
            next += 1
            let steps = build(script.before.map(Verb.set) + script.verbs, in: index, file: script.file)
            if !steps.exits.isEmpty { connect(steps.exits, to: terminal(.endOfScript, in: index)) }
        }
    }

    /// A verb list, in order: each verb's pending exits lead to the next
    /// verb. Returns the list's first node and the exits left at its end.
    func build(_ verbs: [Verb], in document: Int, file: String) -> (entry: String?, exits: [Exit]) {
        var entry: String?
        var pending: [Exit] = []
        for verb in verbs {
            var visitor = FlowVisitor(assembly: self, document: document, file: file)
            let step = verb.accept(&visitor)
            connect(pending, to: step.node)
            if entry == nil { entry = step.node }
            pending = step.exits
        }
        return (entry, pending)
    }

    /// Node ids in document order: `d<document>_<n>`.
    func newNodeID(in document: Int) -> String {
        let n = (counters[document] ?? 0) + 1
        counters[document] = n
        return "d\(document)_\(n)"
    }

    func connect(_ exits: [Exit], to node: String) {
        for exit in exits { connect(from: exit.from, to: node, label: exit.label, outcome: exit.outcome, style: exit.style) }
    }

    func connect(from: String, to: String, label: String?, outcome: String?, style: Edge.Style) {
        graph.add(Edge(from: from, to: to, label: label, outcome: outcome, style: style))
    }

    // MARK: Terminals

    enum Terminal: String {
        case endOfScript = "stop"
        case callerHungUp = "hungup"
        case transferred = "transferred"
        case resume = "resume"

        var title: String {
            switch self {
            case .endOfScript: "end of script"
            case .callerHungUp: "caller hung up"
            case .transferred: "call transferred"
            case .resume: "back to the call"
            }
        }

        var summary: String? {
            switch self {
            case .endOfScript: "hang up"
            case .resume: "where the key was pressed"
            default: nil
            }
        }
    }

    /// One node per kind of ending per document, made when first needed.
    func terminal(_ terminal: Terminal, in document: Int) -> String {
        let id = "d\(document)_\(terminal.rawValue)"
        if !graph.hasNode(id) {
            graph.add(
                Node(
                    id: id, kind: terminal == .resume ? .resume : .terminal, definition: nil, title: terminal.title,
                    summary: terminal.summary, policy: [], document: document, line: nil))
        }
        return id
    }

    // MARK: Hand-overs

    /// Where a hand-over from `file` to `reference` leads: the entry of a
    /// local document (queued to be drawn), or a leaf for a remote URL, a
    /// URL from a template, or a document that cannot be drawn.
    func handOver(to reference: Setting<String>, from file: String) -> String {
        guard let url = reference.fixedValue else {
            return leaf(
                key: "template \(reference.written)", kind: .remote, title: "URL from a template",
                summary: ShortText.of(reference.written, limit: 48))
        }
        if URLText.isWeb(url) {
            return leaf(key: "remote \(url)", kind: .remote, title: "remote document", summary: ShortText.of(url, limit: 48))
        }
        if let scheme = URLText.scheme(of: url), scheme != "file" {
            return leaf(
                key: "scheme \(url)", kind: .unavailable, title: ShortText.of(url, limit: 48),
                summary: "cannot be fetched: '\(ShortText.of(scheme))' is not http, https or file")
        }
        let cacheKey = file + "\u{0}" + url
        if let known = resolved[cacheKey] { return known }
        let target: String
        switch load(url, file) {
        case .script(let key, let title, let script):
            target = document(key: key, title: title, script: script)
        case .unavailable(let key, let title, let reason):
            target = leaf(
                key: "unavailable \(key)", kind: .unavailable, title: ShortText.of(title, limit: 48),
                summary: ShortText.of(reason, limit: 60))
        }
        resolved[cacheKey] = target
        return target
    }

    private var leafIDs: [String: String] = [:]

    /// Nodes outside every document, one per distinct target.
    private func leaf(key: String, kind: Node.Kind, title: String, summary: String) -> String {
        if let id = leafIDs[key] { return id }
        leaves += 1
        let id = "leaf\(leaves)"
        leafIDs[key] = id
        graph.add(Node(id: id, kind: kind, definition: nil, title: title, summary: summary, policy: [], document: nil, line: nil))
        return id
    }
}

/// An edge whose target is whatever the call does next.
struct Exit {
    let from: String
    var label: String?
    var outcome: String?
    var style: Edge.Style = .flow
}
