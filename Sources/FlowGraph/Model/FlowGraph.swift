/// The call flow of a script and the documents it hands over to, as a
/// directed graph: what `connexml graph` draws. Built by `FlowGraphBuilder`
/// from checked scripts; drawn by `DOTRenderer` and `MermaidRenderer`.
public struct FlowGraph: Sendable {
    /// One cluster per local document reached, the script first.
    public private(set) var documents: [Document] = []
    /// In the order they were made: documents in order of first reference,
    /// verbs in document order.
    public internal(set) var nodes: [Node] = []
    /// Overlays change an edge's mark, never which edges there are: the
    /// indexes below stay valid.
    public internal(set) var edges: [Edge] = []

    public init() {}

    /// The node with `id`.
    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    // Indexes kept as the graph is built, so an overlay that marks one
    // line or follows one step looks up what it needs instead of scanning
    // every node and edge each time (a 5 MB script has some 100,000 nodes).
    private(set) var nodeIndex: [String: Int] = [:]
    /// Indices in `edges` of the edges leaving each node, by node index.
    private(set) var edgesLeaving: [[Int]] = []
    private var documentIndex: [String: Int] = [:]
    private var nodesAtLine: [DocumentLine: [Int]] = [:]

    private struct DocumentLine: Hashable {
        let document: Int
        let line: Int
    }

    mutating func add(_ node: Node) {
        nodeIndex[node.id] = nodes.count
        if let document = node.document, let line = node.line {
            nodesAtLine[DocumentLine(document: document, line: line), default: []].append(nodes.count)
        }
        nodes.append(node)
        edgesLeaving.append([])
    }

    /// An edge from a node already added.
    mutating func add(_ edge: Edge) {
        edgesLeaving[nodeIndex[edge.from]!].append(edges.count)
        edges.append(edge)
    }

    mutating func add(_ document: Document) {
        documentIndex[document.key] = documents.count
        documents.append(document)
    }

    func hasNode(_ id: String) -> Bool { nodeIndex[id] != nil }

    /// Indices in `edges` of the edges leaving node `id`, as they were made.
    func edgeIndices(from id: String) -> [Int] { nodeIndex[id].map { edgesLeaving[$0] } ?? [] }

    /// The verb nodes of a document (by its loader key) at a source line,
    /// in document order.
    func nodeIDs(document key: String, line: Int) -> [String] {
        guard let document = documentIndex[key] else { return [] }
        return nodesAtLine[DocumentLine(document: document, line: line)]?.map { nodes[$0].id } ?? []
    }
}

/// A local document the flow reaches: drawn as a cluster.
public struct Document: Sendable, Hashable {
    /// Its position in `FlowGraph.documents`.
    public let index: Int
    /// What identifies the file however it was named (the loader's key,
    /// e.g. its absolute path): overlays find documents by it.
    public let key: String
    /// How it is named on the picture (the path as resolved from the
    /// script, one line, cut when absurdly long).
    public let title: String
}
