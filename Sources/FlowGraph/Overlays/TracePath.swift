/// `--trace`: the path one call took, highlighted.
extension FlowGraph {
    /// Marks the nodes the call went through and the edges between
    /// consecutive ones; `key` gives the document key of a trace's file
    /// name. Where a verb's outcome is known, only the edge of that outcome
    /// is marked (a Dial that was busy takes its `busy` edge).
    public mutating func highlight(_ steps: [TraceStep], key: (String) -> String) {
        var visits: [(node: String, outcome: String?)] = []
        var keys: [String: String] = [:]
        for step in steps {
            let documentKey = keys[step.file] ?? key(step.file)
            keys[step.file] = documentKey
            guard let node = node(for: step, document: documentKey) else { continue }
            if let last = visits.last, last.node == node {
                if let outcome = step.outcome { visits[visits.count - 1].outcome = outcome.name }
            } else {
                visits.append((node, step.outcome?.name))
            }
        }
        guard let first = visits.first else { return }
        markEdges(from: "start", to: first.node, outcome: nil)
        for visit in visits { nodes[nodeIndex[visit.node]!].mark = .taken }
        for (a, b) in zip(visits, visits.dropFirst()) { markEdges(from: a.node, to: b.node, outcome: a.outcome) }
        // How the call ended, when the last verb leads to an ending or a leaf.
        let last = visits[visits.count - 1]
        let endings = Set(
            edgeIndices(from: last.node).map { edges[$0].to }.filter { id in
                switch node(id)?.kind {
                case .terminal?, .remote?, .unavailable?: true
                default: false
                }
            })
        for ending in endings.sorted() {
            if markEdges(from: last.node, to: ending, outcome: last.outcome, strict: true) {
                nodes[nodeIndex[ending]!].mark = .taken
            }
        }
    }

    /// The node of the verb that caused `step`: of the verbs on its line,
    /// the one the step is about (`dial` ← Dial), else the first.
    private func node(for step: TraceStep, document key: String) -> String? {
        let candidates = nodeIDs(document: key, line: step.line)
        guard candidates.count > 1 else { return candidates.first }
        return candidates.first { id in
            node(id)?.definition.map { $0.elementName.lowercased() == step.verb } ?? false
        } ?? candidates.first
    }

    /// Marks the edges from `a` to `b` of `outcome` when there are such,
    /// else (unless `strict`) all of them. Whether any was marked.
    @discardableResult
    private mutating func markEdges(from a: String, to b: String, outcome: String?, strict: Bool = false) -> Bool {
        // The edges leaving `a` (indexed): the whole edge list once per
        // step of a long trace would be quadratic.
        let between = edgeIndices(from: a).filter { edges[$0].to == b }
        let matching = between.filter { outcome != nil && edges[$0].outcome == outcome }
        let chosen =
            !matching.isEmpty
            ? matching
            : strict && outcome != nil && between.contains(where: { edges[$0].outcome != nil }) ? [] : between
        for i in chosen { edges[i].mark = .taken }
        return !chosen.isEmpty
    }
}
