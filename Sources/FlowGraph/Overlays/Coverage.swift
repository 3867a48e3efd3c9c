/// `--coverage`: what the samples never exercised, marked on the graph.
/// The analysis is `connexml test --coverage`'s; these only say where it
/// lands: by document (its loader key) and source line, as coverage counts.
/// Each looks up its line's nodes and their edges (`FlowGraph`'s indexes):
/// a sample suite that misses every branch of a large script costs one
/// look-up per line, not a scan of the whole graph.
extension FlowGraph {
    /// The outcomes of the verb at `line` of document `key` that no sample took.
    public mutating func markNeverTaken(document key: String, line: Int, outcomes: [String]) {
        let wanted = Set(outcomes)
        for id in nodeIDs(document: key, line: line) {
            for i in edgeIndices(from: id) {
                if let outcome = edges[i].outcome, wanted.contains(outcome) { edges[i].mark = .neverTaken }
            }
        }
    }

    /// The verb at `line` of document `key`, which no sample ran.
    public mutating func markNeverRan(document key: String, line: Int) {
        for id in nodeIDs(document: key, line: line) { nodes[nodeIndex[id]!].mark = .neverRan }
    }
}
