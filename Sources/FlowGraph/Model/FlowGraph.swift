/// The call flow of a script and the documents it hands over to, as a
/// directed graph: what `connexml graph` draws. Built by `FlowGraphBuilder`
/// from checked scripts; drawn by `DOTRenderer` and `MermaidRenderer`.
public struct FlowGraph: Sendable {
    /// One cluster per local document reached, the script first.
    public internal(set) var documents: [Document] = []
    /// In the order they were made: documents in order of first reference,
    /// verbs in document order.
    public internal(set) var nodes: [Node] = []
    public internal(set) var edges: [Edge] = []

    public init() {}

    /// The node with `id`.
    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    var nodeIndex: [String: Int] = [:]

    mutating func add(_ node: Node) {
        nodeIndex[node.id] = nodes.count
        nodes.append(node)
    }

    func hasNode(_ id: String) -> Bool { nodeIndex[id] != nil }
}

/// A local document the flow reaches: drawn as a cluster.
public struct Document: Sendable, Hashable {
    /// Its position in `FlowGraph.documents`.
    public let index: Int
    /// What identifies the file however it was named (the loader's key,
    /// e.g. its absolute path): overlays find documents by it.
    public let key: String
    /// How it is named on the picture (the path as resolved from the script).
    public let title: String
}
