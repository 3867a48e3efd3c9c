/// The graph in Graphviz's DOT language: `dot -Tsvg` draws it. One
/// cluster per document; colours for the overlays (blue: the traced call;
/// red, dashed: what no sample exercised).
public enum DOTRenderer {
    public static func render(_ graph: FlowGraph) -> String {
        var out = """
            digraph connexml {
              graph [fontname="Helvetica", fontsize=11, newrank=true];
              node [fontname="Helvetica", fontsize=10, shape=box, style="rounded"];
              edge [fontname="Helvetica", fontsize=9];

            """
        let (inside, outside) = graph.nodesByDocument
        for node in outside where node.kind == .start { out += "  " + line(node) + "\n" }
        for document in graph.documents {
            out += "  subgraph cluster_\(document.index) {\n"
            out += "    label=\(quoted(document.title)); style=\"rounded\"; color=\"#999999\"; fontcolor=\"#555555\";\n"
            for node in inside[document.index] { out += "    " + line(node) + "\n" }
            out += "  }\n"
        }
        for node in outside where node.kind != .start { out += "  " + line(node) + "\n" }
        for edge in DrawnEdge.bundle(graph) { out += "  " + line(edge) + "\n" }
        return out + "}\n"
    }

    private static func line(_ node: Node) -> String {
        var attributes = Attributes()
        attributes["label"] = quoted(node.lines.joined(separator: "\n"))
        var style = ["rounded"]
        switch node.kind {
        case .start:
            attributes["shape"] = "circle"
            attributes["fillcolor"] = quoted("#333333")
            attributes["fontcolor"] = "white"
            style = ["filled"]
        case .verb where node.isDecision:
            attributes["shape"] = "hexagon"
        case .verb where node.isTerminalVerb, .terminal:
            attributes["fillcolor"] = quoted("#e8e8e8")
            attributes["penwidth"] = "2"
            style.append("filled")
        case .verb:
            if node.isGated {
                attributes["fillcolor"] = quoted("#fff6d5")
                style.append("filled")
            }
        case .resume:
            style.append("dashed")
        case .remote:
            attributes["shape"] = "note"
            attributes["fillcolor"] = quoted("#eef4ff")
            style = ["filled"]
        case .unavailable:
            attributes["shape"] = "note"
            attributes["fillcolor"] = quoted("#ffe0e0")
            attributes["color"] = quoted("#cc0000")
            style = ["filled"]
        }
        switch node.mark {
        case .none: break
        case .taken:
            attributes["color"] = quoted("#1f6fd1")
            attributes["penwidth"] = "2.5"
        case .neverRan:
            attributes["color"] = quoted("#cc0000")
            attributes["fontcolor"] = quoted("#cc0000")
            style.append("dashed")
        }
        // Rounded boxes are the default (see the header).
        if style != ["rounded"] { attributes["style"] = quoted(style.joined(separator: ",")) }
        return "\(node.id) [\(attributes.text)];"
    }

    private static func line(_ edge: DrawnEdge) -> String {
        var attributes: [String] = []
        if let label = edge.label { attributes.append("label=" + quoted(label)) }
        switch edge.style {
        case .flow: break
        case .handOver: attributes.append("style=bold")
        case .binding: attributes.append("style=dashed")
        }
        switch edge.mark {
        case .none: break
        case .taken: attributes += ["color=\"#1f6fd1\"", "penwidth=2.5"]
        case .neverTaken: attributes += ["color=\"#cc0000\"", "fontcolor=\"#cc0000\"", "style=dashed"]
        }
        let tail = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        return "\(edge.from) -> \(edge.to)\(tail);"
    }

    /// Attributes in the order first set; setting one again replaces its value.
    struct Attributes {
        private var entries: [(name: String, value: String)] = []

        subscript(name: String) -> String? {
            get { entries.first { $0.name == name }?.value }
            set {
                if let i = entries.firstIndex(where: { $0.name == name }) {
                    if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
                } else if let newValue {
                    entries.append((name, newValue))
                }
            }
        }

        var text: String { entries.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") }
    }

    /// A DOT string: quotes and backslashes escaped, lines as `\n`.
    static func quoted(_ text: String) -> String { label.quoted(text) }

    private static let label = QuotedLabel(escapes: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n"])
}
