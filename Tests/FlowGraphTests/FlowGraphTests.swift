import Language
import Policy
import Testing

@testable import FlowGraph

/// The shape of the graph: which verbs lead where, under which label.
@Suite struct FlowGraphTests {
    /// Every verb that branches gets one edge per outcome it declares
    /// (`VerbDefinition.outcomes`), no more and no fewer: the graph has no
    /// list of outcomes of its own.
    @Test func edgesAreTheOutcomesEachVerbDeclares() {
        let xml = """
            <Response>
              <Gather action="next.xml"><Say>Press a key.</Say></Gather>
              <Gather numDigits="2"/>
              <Dial>+441234567890</Dial>
              <Dial><Barge>sales</Barge></Dial>
              <Transfer>1003</Transfer>
              <Transfer attended="true">1004</Transfer>
              <Condition hour="9-17"><Say>Open.</Say></Condition>
              <Press digit="1"><Say>One.</Say></Press>
              <Say>Done.</Say>
            </Response>
            """
        let docs = Documents(["main.xml": xml, "next.xml": "<Response><Hangup/></Response>"])
        let graph = docs.graph()
        let script = Documents.script(xml)
        var checked = 0
        script.verbs.forEachVerb { verb in
            guard !verb.outcomes.isEmpty else { return }
            let node = graph.verb(verb.position.line)
            #expect(
                graph.outcomes(from: node) == verb.outcomes.map(\.name).sorted(), "L\(verb.position.line) \(verb.elementName)")
            checked += 1
        }
        #expect(checked == 8)
        // A blind transfer has fewer outcomes than an attended one: the verb says so.
        #expect(graph.outcomes(from: graph.verb(6)) == ["denied", "transferred"])
    }

    @Test func aConditionLeadsIntoItsVerbsWhenTrueAndOnWhenFalse() {
        let docs = Documents([
            "main.xml": """
            <Response>
              <Condition wday="2-6">
                <Condition time-of-day="09:00-17:30">
                  <Say>Open.</Say>
                </Condition>
                <Say>Closed tonight.</Say>
              </Condition>
              <Say>Goodbye.</Say>
            </Response>
            """
        ])
        let graph = docs.graph()
        let outer = graph.verb(2)
        let inner = graph.verb(3)
        #expect(outer?.summary == "wday mon-fri")
        #expect(inner?.summary == "time-of-day 09:00–17:30")
        #expect(graph.target(of: outer, outcome: "true")?.id == inner?.id)
        #expect(graph.target(of: outer, outcome: "false")?.line == 8)
        #expect(graph.target(of: inner, outcome: "true")?.line == 4)
        #expect(graph.target(of: inner, outcome: "false")?.line == 6)
        // The end of the nested verbs goes on after the outer Condition.
        #expect(graph.edges(from: graph.verb(4)).map(\.to) == [graph.verb(6)?.id])
        #expect(graph.edges(from: graph.verb(6)).map(\.to) == [graph.verb(8)?.id])
        #expect(graph.edges(from: graph.verb(8)).map(\.to) == ["d0_stop"])
    }

    @Test func aPressBindingGoesOnAndItsVerbsGoBackToTheCall() {
        let docs = Documents([
            "main.xml": """
            <Response>
              <Press digit="9" context="agent_call" dtmf_leg="b"><Say>Paused.</Say></Press>
              <Enter>agent_call</Enter>
            </Response>
            """
        ])
        let graph = docs.graph()
        let press = graph.verb(2)
        #expect(press?.summary == "key 9 in context agent_call, leg b")
        #expect(graph.verb(3)?.summary == "context agent_call")
        let pressed = graph.edges(from: press).first { $0.outcome == "pressed" }
        #expect(pressed?.style == .binding)
        let said = graph.nodes.first { $0.summary == "“Paused.”" }
        #expect(pressed?.to == said?.id)
        #expect(graph.edges(from: said).map(\.to) == ["d0_resume"])
        #expect(graph.node("d0_resume")?.kind == .resume)
        #expect(graph.edges(from: press).contains { $0.outcome == nil && $0.to == graph.verb(3)?.id })
    }

    @Test func aDialThatIsCanceledEndsTheCall() {
        let graph = Documents(["main.xml": "<Response>\n<Dial>1002</Dial>\n<Say>After.</Say>\n</Response>"]).graph()
        #expect(graph.target(of: graph.verb(2), outcome: "canceled")?.title == "caller hung up")
        #expect(graph.target(of: graph.verb(2), outcome: "busy")?.line == 3)
    }

    @Test func verbsAfterARedirectAreDrawnButNothingLeadsToThem() {
        let graph = Documents([
            "main.xml": "<Response>\n<Redirect>https://example.com/a.xml</Redirect>\n<Say>Never.</Say>\n</Response>"
        ]).graph()
        let after = graph.verb(3)
        #expect(after != nil)
        #expect(!graph.edges.contains { $0.to == after?.id })
    }
}
