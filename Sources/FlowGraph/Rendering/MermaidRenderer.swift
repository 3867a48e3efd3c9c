/// The graph as a Mermaid `flowchart`, which GitHub and GitLab draw in
/// Markdown. One subgraph per document; the overlays as classes (nodes)
/// and link styles (edges).
public enum MermaidRenderer {
    public static func render(_ graph: FlowGraph) -> String {
        var out = "flowchart TD\n"
        let (inside, outside) = graph.nodesByDocument
        for node in outside where node.kind == .start { out += "  " + line(node) + "\n" }
        for document in graph.documents {
            out += "  subgraph doc\(document.index)[\(quoted(document.title))]\n"
            for node in inside[document.index] { out += "    " + line(node) + "\n" }
            out += "  end\n"
        }
        for node in outside where node.kind != .start { out += "  " + line(node) + "\n" }

        var linkStyles: [String] = []
        for (index, edge) in DrawnEdge.bundle(graph).enumerated() {
            let arrow =
                switch edge.style {
                case .flow: "-->"
                case .handOver: "==>"
                case .binding: "-.->"
                }
            out += "  \(edge.from) \(arrow)\(edge.label.map { "|\(quoted($0))|" } ?? "") \(edge.to)\n"
            switch edge.mark {
            case .none: break
            case .taken: linkStyles.append("  linkStyle \(index) stroke:#1f6fd1,stroke-width:3px")
            case .neverTaken: linkStyles.append("  linkStyle \(index) stroke:#cc0000,stroke-dasharray:5 5")
            }
        }

        var classes: [(name: String, ids: [String])] = [
            ("gated", []), ("ending", []), ("remote", []), ("unavailable", []), ("taken", []), ("neverRan", []),
        ]
        func add(_ node: Node, to name: String) {
            if let i = classes.firstIndex(where: { $0.name == name }) { classes[i].ids.append(node.id) }
        }
        for node in graph.nodes {
            switch node.kind {
            case .verb where node.isTerminalVerb, .terminal: add(node, to: "ending")
            case .verb where node.isGated: add(node, to: "gated")
            case .remote: add(node, to: "remote")
            case .unavailable: add(node, to: "unavailable")
            default: break
            }
            switch node.mark {
            case .none: break
            case .taken: add(node, to: "taken")
            case .neverRan: add(node, to: "neverRan")
            }
        }
        let definitions = [
            "gated": "fill:#fff6d5", "ending": "fill:#e8e8e8,stroke-width:2px", "remote": "fill:#eef4ff",
            "unavailable": "fill:#ffe0e0,stroke:#cc0000", "taken": "stroke:#1f6fd1,stroke-width:3px",
            "neverRan": "fill:#ffd6d6,stroke:#cc0000,stroke-dasharray:5 5",
        ]
        for (name, ids) in classes where !ids.isEmpty {
            out += "  classDef \(name) \(definitions[name]!)\n"
            out += "  class \(ids.joined(separator: ",")) \(name)\n"
        }
        return out + linkStyles.map { $0 + "\n" }.joined()
    }

    private static func line(_ node: Node) -> String {
        let text = quoted(node.lines.joined(separator: "\n"))
        let shape: (String, String)
        switch node.kind {
        case .start: shape = ("((", "))")
        case .verb where node.isDecision: shape = ("{{", "}}")
        case .verb where node.isTerminalVerb, .terminal, .resume: shape = ("([", "])")
        case .verb: shape = ("[", "]")
        case .remote, .unavailable: shape = (">", "]")
        }
        return node.id + shape.0 + text + shape.1
    }

    /// A Mermaid string: `#`, quotes and angle brackets as entity codes
    /// (Mermaid's own escapes), lines as `<br/>`.
    static func quoted(_ text: String) -> String { label.quoted(text) }

    private static let label = QuotedLabel(escapes: [
        "#": "#35;", "\"": "#quot;", "<": "#lt;", ">": "#gt;", "\n": "<br/>",
    ])
}
