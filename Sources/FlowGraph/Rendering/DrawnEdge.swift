import Language

/// Edges as drawn: those between the same two nodes, of the same style and
/// overlay verdict, become one arrow with their labels joined
/// (`completed, busy, no-answer`), so a Dial's outcomes that all lead on
/// are one arrow, while the ones no sample took stay apart, in red.
struct DrawnEdge {
    let from: String
    let to: String
    var labels: [String]
    let style: Edge.Style
    let mark: Edge.Mark

    var label: String? {
        guard !labels.isEmpty else { return nil }
        let text = labels.joined(separator: ", ")
        return mark == .neverTaken ? "never: " + text : text
    }

    /// In the order of the nodes they leave, then as they were made, so
    /// the output reads in document order and is stable.
    static func bundle(_ graph: FlowGraph) -> [DrawnEdge] {
        // The graph keeps them by the node they leave: linear, where
        // sorting looked each node up twice per comparison.
        let edges = graph.edgesLeaving.joined().lazy.map { graph.edges[$0] }
        struct Key: Hashable {
            let from: String, to: String, style: Edge.Style, mark: Edge.Mark
        }
        var drawn: [DrawnEdge] = []
        var index: [Key: Int] = [:]
        for edge in edges {
            let key = Key(from: edge.from, to: edge.to, style: edge.style, mark: edge.mark)
            if let i = index[key] {
                if let label = edge.label, !drawn[i].labels.contains(label) { drawn[i].labels.append(label) }
            } else {
                index[key] = drawn.count
                drawn.append(
                    DrawnEdge(
                        from: edge.from, to: edge.to, labels: edge.label.map { [$0] } ?? [],
                        style: edge.style, mark: edge.mark))
            }
        }
        return drawn
    }
}

extension Node {
    /// The lines of its box: title, summary, policy.
    var lines: [String] { [title] + (summary.map { [$0] } ?? []) + policy }

    /// Dial, Transfer and the other verbs policy gates are tinted.
    var isGated: Bool { !policy.isEmpty }

    /// Drawn as a hexagon: the verbs whose outcomes are a choice (the
    /// caller's keys, a test), not how a call attempt went.
    var isDecision: Bool {
        guard let definition else { return false }
        return Self.decisions.contains(ObjectIdentifier(definition))
    }

    private static let decisions: Set<ObjectIdentifier> = [ObjectIdentifier(Condition.self), ObjectIdentifier(Gather.self)]
}

extension FlowGraph {
    /// Nodes per document, and those outside every document, in order.
    var nodesByDocument: (inside: [[Node]], outside: [Node]) {
        var inside = Array(repeating: [Node](), count: documents.count)
        var outside: [Node] = []
        for node in nodes {
            if let d = node.document { inside[d].append(node) } else { outside.append(node) }
        }
        return (inside, outside)
    }
}
