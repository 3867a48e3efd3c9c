import Testing

@testable import FlowGraph

/// Redirects and Gather actions followed into local documents; remote
/// URLs, templates and missing files drawn as leaves.
@Suite struct HandOverTests {
    @Test func handOversAreFollowedIntoLocalDocumentsOneClusterEach() {
        let docs = Documents([
            "main.xml": "<Response>\n<Gather action=\"menu/choice.xml\" actionOnEmptyResult=\"true\"/>\n</Response>",
            "menu/choice.xml": "<Response>\n<Redirect>../last.xml</Redirect>\n</Response>",
            "last.xml": "<Response>\n<Say>Last.</Say>\n</Response>",
        ])
        let graph = docs.graph()
        #expect(graph.documents.map(\.title) == ["main.xml", "menu/choice.xml", "last.xml"])
        let gather = graph.verb(2)
        // Digits, and (actionOnEmptyResult) no input, both hand the call over.
        for outcome in ["digits", "no input"] {
            let edge = graph.edges(from: gather).first { $0.outcome == outcome }
            #expect(edge?.style == .handOver)
            #expect(edge?.to == "d1_1")
        }
        #expect(graph.edges(from: graph.verb(2, in: 1)).map(\.to) == ["d2_1"])
        #expect(graph.verb(2, in: 2)?.summary == "“Last.”")
    }

    @Test func withoutActionOnEmptyResultNoInputGoesOn() {
        let docs = Documents([
            "main.xml": "<Response>\n<Gather action=\"next.xml\"/>\n<Say>No input.</Say>\n</Response>",
            "next.xml": "<Response/>",
        ])
        let graph = docs.graph()
        #expect(graph.target(of: graph.verb(2), outcome: "no input")?.line == 3)
        // An empty document: its entry is its end.
        #expect(graph.target(of: graph.verb(2), outcome: "digits")?.id == "d1_stop")
    }

    /// A templated actionOnEmptyResult is decided when the call runs: no
    /// input may hand over or go on, and both are drawn, each saying when.
    @Test func aTemplatedActionOnEmptyResultDrawsBothWays() {
        let docs = Documents([
            "main.xml":
                "<Response>\n<Gather action=\"next.xml\" actionOnEmptyResult=\"{{ retry }}\"/>\n<Say>No input.</Say>\n</Response>",
            "next.xml": "<Response>\n<Say>Next.</Say>\n</Response>",
        ])
        let graph = docs.graph()
        let noInput = graph.edges(from: graph.verb(2)).filter { $0.outcome == "no input" }
        #expect(noInput.map(\.to) == ["d1_1", graph.verb(3)?.id])
        #expect(noInput.map(\.style) == [.handOver, .flow])
        #expect(
            noInput.map(\.label) == [
                "no input, if actionOnEmptyResult {{ retry }}", "no input, unless actionOnEmptyResult {{ retry }}",
            ])
        #expect(graph.target(of: graph.verb(2), outcome: "digits")?.id == "d1_1")
    }

    /// A Redirect back to an earlier document is drawn as an edge to it,
    /// not as another copy: building ends, with each document once.
    @Test func loopsAreDrawnOnce() {
        let docs = Documents([
            "main.xml": "<Response>\n<Say>A.</Say>\n<Redirect>b.xml</Redirect>\n</Response>",
            "b.xml": "<Response>\n<Redirect>main.xml</Redirect>\n</Response>",
            "self.xml": "<Response>\n<Pause length=\"1\"/>\n<Redirect>self.xml</Redirect>\n</Response>",
        ])
        let graph = docs.graph()
        #expect(graph.documents.count == 2)
        #expect(graph.edges(from: graph.verb(2, in: 1)).map(\.to) == ["d0_1"])
        // Loaded once however often it is named.
        #expect(docs.requests.list == ["b.xml", "main.xml"])

        let selfLoop = docs.graph("self.xml")
        #expect(selfLoop.documents.count == 1)
        #expect(selfLoop.edges(from: selfLoop.verb(3)).map(\.to) == ["d0_1"])
    }

    @Test func aMissingDocumentIsANodeThatSaysSo() {
        let docs = Documents(["main.xml": "<Response>\n<Redirect>gone.xml</Redirect>\n</Response>"])
        let graph = docs.graph()
        let target = graph.edges(from: graph.verb(2)).first.flatMap { graph.node($0.to) }
        #expect(target?.kind == .unavailable)
        #expect(target?.title == "gone.xml")
        #expect(target?.summary == "missing: no such file")
        #expect(DOTRenderer.render(graph).contains("gone.xml\\nmissing: no such file"))
        #expect(MermaidRenderer.render(graph).contains(">\"gone.xml<br/>missing: no such file\"]"))
    }

    @Test func remoteAndTemplatedURLsAreLeavesNeverLoaded() {
        let docs = Documents([
            "main.xml": """
            <Response>
              <Gather action="https://apps.example.com/menu"/>
              <Redirect>{{ next_url }}</Redirect>
            </Response>
            """
        ])
        let graph = docs.graph()
        #expect(docs.requests.list.isEmpty)
        let remote = graph.target(of: graph.verb(2), outcome: "digits")
        #expect(remote?.kind == .remote)
        #expect(remote?.summary == "https://apps.example.com/menu")
        let templated = graph.edges(from: graph.verb(3)).first.flatMap { graph.node($0.to) }
        #expect(templated?.title == "URL from a template")
        #expect(templated?.summary == "{{ next_url }}")
    }
}
