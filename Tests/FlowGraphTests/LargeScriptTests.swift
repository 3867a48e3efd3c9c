import Language
import Testing

@testable import FlowGraph

/// A 5 MB script is drawn whole (how long it takes is measured by
/// scripts/bench-graph.sh, not here).
@Suite struct LargeScriptTests {
    static func largeScript(bytes: Int) -> (xml: String, blocks: Int) {
        let block = """
              <Gather numDigits="1" timeout="3"><Say>For sales press 1, for support press 2.</Say></Gather>
              <Condition field="${gather_result}" expression="^1$">
                <Condition wday="mon-fri" time-of-day="09:00-17:00">
                  <Dial timeout="20"><Number>+441234567001</Number></Dial>
                </Condition>
                <Say>Sales is closed.</Say>
              </Condition>
              <Press digit="9" context="menu"><Say>Nine.</Say></Press>

            """
        let blocks = bytes / block.utf8.count + 1
        return ("<Response>\n" + String(repeating: block, count: blocks) + "</Response>\n", blocks)
    }

    @Test func aFiveMegabyteScriptIsDrawnWhole() {
        let (xml, blocks) = Self.largeScript(bytes: 5 << 20)
        #expect(xml.utf8.count >= 5 << 20)
        let result = ScriptChecker.check(bytes: Array(xml.utf8), file: "large.xml", limits: .localFile)
        let script = try! #require(result.script)
        let graph = FlowGraphBuilder { _, _ in .unavailable(key: "", title: "", reason: "") }
            .build(script, key: "large.xml", title: "large.xml")
        // Seven verbs a block, start, and the end, hung-up and back-to-the-call nodes.
        #expect(graph.nodes.count == blocks * 7 + 4)
        let dot = DOTRenderer.render(graph)
        let mermaid = MermaidRenderer.render(graph)
        #expect(dot.hasSuffix("}\n"))
        #expect(mermaid.components(separatedBy: "\n").count > blocks * 7)
    }

    /// `--coverage` with samples that miss everything: every line of the
    /// script marked, each mark a look-up. (The overlay once scanned every
    /// node and edge per line: 35 s, release build, for bench-graph.sh's
    /// 5 MB script.) Counted, not timed: scripts/bench-graph.sh times it.
    @Test func everyLineOfAFiveMegabyteScriptIsMarkedNeverTaken() throws {
        let (xml, blocks) = Self.largeScript(bytes: 5 << 20)
        let result = ScriptChecker.check(bytes: Array(xml.utf8), file: "large.xml", limits: .localFile)
        let script = try #require(result.script)
        var graph = FlowGraphBuilder { _, _ in .unavailable(key: "", title: "", reason: "") }
            .build(script, key: "large.xml", title: "large.xml")
        let lines = Set(graph.nodes.compactMap(\.line))
        let outcomes = Set(graph.edges.compactMap(\.outcome)).sorted()
        for line in lines.sorted() {
            graph.markNeverTaken(document: "large.xml", line: line, outcomes: outcomes)
            graph.markNeverRan(document: "large.xml", line: line)
        }
        #expect(graph.nodes.filter { $0.mark == .neverRan }.count == blocks * 7)
        // Every edge with an outcome leaves a verb, so each is marked.
        let withOutcome = graph.edges.filter { $0.outcome != nil }
        #expect(withOutcome.count > blocks * 10)
        #expect(withOutcome.allSatisfy { $0.mark == .neverTaken })
        #expect(graph.edges.filter { $0.outcome == nil }.allSatisfy { $0.mark == .none })
    }
}
