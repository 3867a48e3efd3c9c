import Testing

@testable import FlowGraph

@Suite struct RenderingTests {
    static let tricky = """
        <Response>
          <Say>Say "hi" \\ press #1 &lt;now&gt;</Say>
          <Dial>+441234567890</Dial>
        </Response>
        """

    @Test func dotEscapesQuotesAndBackslashes() {
        let dot = DOTRenderer.render(Documents(["main.xml": Self.tricky]).graph())
        #expect(dot.contains(#"label="L2 Say\n“Say \"hi\" \\ press #1 <now>”""#))
        #expect(dot.hasPrefix("digraph connexml {\n"))
        #expect(dot.hasSuffix("}\n"))
    }

    @Test func mermaidEscapesWithEntityCodes() {
        let mermaid = MermaidRenderer.render(Documents(["main.xml": Self.tricky]).graph())
        #expect(mermaid.contains(#"d0_1["L2 Say<br/>“Say #quot;hi#quot; \ press #35;1 #lt;now#gt;”"]"#))
        #expect(mermaid.hasPrefix("flowchart TD\n"))
    }

    /// The outcomes that lead to the same place are one arrow.
    @Test func parallelEdgesAreOneArrowWithTheirLabelsJoined() {
        let graph = Documents(["main.xml": Self.tricky]).graph()
        let dot = DOTRenderer.render(graph)
        #expect(dot.contains(#"d0_2 -> d0_stop [label="completed, busy, no-answer, failed, denied"];"#))
        #expect(dot.contains(#"d0_2 -> d0_hungup [label="canceled"];"#))
        #expect(graph.edges.filter { $0.from == "d0_2" }.count == 6)
    }

    @Test func longTextIsCutAndWhitespaceCollapsed() {
        #expect(ShortText.of("one\n   two\tthree") == "one two three")
        let long = String(repeating: "word ", count: 20)
        #expect(ShortText.of(long).count == ShortText.maximumLength)
        #expect(ShortText.of(long).hasSuffix("…"))
    }
}
