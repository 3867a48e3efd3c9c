/// `--coverage`: what the samples never exercised, marked on the graph.
/// The analysis is `connexml test --coverage`'s; these only say where it
/// lands: by document (its loader key) and source line, as coverage counts.
extension FlowGraph {
    /// The outcomes of the verb at `line` of document `key` that no sample took.
    public mutating func markNeverTaken(document key: String, line: Int, outcomes: [String]) {
        let wanted = Set(outcomes)
        for id in nodeIDs(document: key, line: line) {
            for i in edges.indices where edges[i].from == id {
                if let outcome = edges[i].outcome, wanted.contains(outcome) { edges[i].mark = .neverTaken }
            }
        }
    }

    /// The verb at `line` of document `key`, which no sample ran.
    public mutating func markNeverRan(document key: String, line: Int) {
        for id in nodeIDs(document: key, line: line) { nodes[nodeIndex[id]!].mark = .neverRan }
    }

    /// The verb nodes of a document at a source line, in document order.
    func nodeIDs(document key: String, line: Int) -> [String] {
        guard let document = documents.first(where: { $0.key == key })?.index else { return [] }
        return nodes.filter { $0.document == document && $0.line == line }.map(\.id)
    }
}
