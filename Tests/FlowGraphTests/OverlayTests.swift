import Language
import Testing

@testable import FlowGraph

/// `--coverage` and `--trace` marks on the graph.
@Suite struct OverlayTests {
    static let xml = """
        <Response>
          <Gather numDigits="1"/>
          <Condition field="${gather_result}" expression="^1$">
            <Dial>1002</Dial>
          </Condition>
          <Say>Bye.</Say>
        </Response>
        """

    @Test func coverageMarksOnlyTheOutcomesNamed() {
        var graph = Documents(["main.xml": Self.xml]).graph()
        graph.markNeverTaken(document: "main.xml", line: 4, outcomes: ["busy", "no-answer"])
        graph.markNeverRan(document: "main.xml", line: 4)
        let dial = graph.verb(4)
        #expect(dial?.mark == .neverRan)
        let never = graph.edges(from: dial).filter { $0.mark == .neverTaken }.compactMap(\.outcome)
        #expect(never == ["busy", "no-answer"])
        let dot = DOTRenderer.render(graph)
        #expect(
            dot.contains(##"d0_3 -> d0_4 [label="never: busy, no-answer", color="#cc0000", fontcolor="#cc0000", style=dashed];"##)
        )
        #expect(dot.contains(#"d0_3 -> d0_4 [label="completed, failed, denied"];"#))
        // Another document's key marks nothing.
        var other = Documents(["main.xml": Self.xml]).graph()
        other.markNeverRan(document: "elsewhere.xml", line: 4)
        #expect(other.nodes.allSatisfy { $0.mark == .none })
    }

    /// The marks of a call (gather, condition, dial, dial.result, say), as
    /// the graph command reads them from its trace.
    @Test func aTraceMarksThePathAndTheOutcomeTaken() throws {
        var graph = Documents(["main.xml": Self.xml]).graph()
        let steps = [
            TraceStep(file: "./main.xml", line: 2, verb: "gather", outcome: Gather.Outcome.digits),
            TraceStep(file: "./main.xml", line: 3, verb: "condition", outcome: Condition.Outcome.holds),
            TraceStep(file: "./main.xml", line: 4, verb: "dial", outcome: nil),
            TraceStep(file: "./main.xml", line: 4, verb: "dial", outcome: Dial.Outcome.busy),
            TraceStep(file: "./main.xml", line: 6, verb: "say", outcome: nil),
        ]
        graph.highlight(steps) { $0 == "./main.xml" ? "main.xml" : $0 }
        let taken = graph.edges.filter { $0.mark == .taken }.map { "\($0.from)->\($0.to) \($0.outcome ?? "")" }
        #expect(taken.sorted() == ["d0_1->d0_2 digits", "d0_2->d0_3 true", "d0_3->d0_4 busy", "d0_4->d0_stop ", "start->d0_1 "])
        #expect(graph.nodes.filter { $0.mark == .taken }.map(\.id) == ["d0_1", "d0_2", "d0_3", "d0_4", "d0_stop"])
    }
}
