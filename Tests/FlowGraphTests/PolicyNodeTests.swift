import Policy
import Testing

@testable import FlowGraph

/// Dial, Transfer and Barge nodes say what policy asks, and with a
/// directory which profiles pass, by Policy's own decisions.
@Suite struct PolicyNodeTests {
    static let directory: Directory = {
        let text = """
            emergency: ["112"]
            default_profile: ivr
            customers: [{name: acme}]
            profiles:
              - {name: agent, flags: [queue], barge_group: sales, dial: [{deny: "_00."}, {allow: "_X."}]}
              - {name: operator, flags: [barge, whisper, transfer, queue], barge_group: sales, dial: [{allow: "_X."}]}
              - {name: supervisor, flags: [barge], barge_group: support, dial: [{allow: "_X."}]}
              - {name: ivr, flags: [queue], dial: [{allow: "_1XXX"}]}
            users:
              - {username: "1001", profile: agent, customer: acme}
            """
        return DirectoryLoader.load(text: text, file: "directory.yaml").directory!
    }()

    static let script = """
        <Response>
          <Dial><Barge whisper="a">sales</Barge></Dial>
          <Dial>0044123456</Dial>
          <Transfer>1003</Transfer>
          <Dial><Number>{{ Extension }}</Number></Dial>
          <Enqueue>sales</Enqueue>
        </Response>
        """

    @Test func nodesSayWhatTheyNeed() {
        let graph = Documents(["main.xml": Self.script]).graph()
        #expect(graph.verb(2)?.policy == ["needs: flag barge, barge group sales, flag whisper"])
        #expect(graph.verb(3)?.policy == ["needs: dial rule for 0044123456"])
        #expect(graph.verb(4)?.policy == ["needs: flag transfer, dial rule for 1003"])
        #expect(graph.verb(5)?.policy == ["needs: dial rule for {{ Extension }}"])
        #expect(graph.verb(6)?.policy == ["needs: flag queue"])
    }

    @Test func withADirectoryNodesListTheProfilesThatPass() {
        let graph = Documents(["main.xml": Self.script]).graph(directory: Self.directory)
        // The supervisor is in another barge group; the agent lacks the flag.
        #expect(graph.verb(2)?.policy.last == "passes: operator")
        // The agent's first rule denies 00; the IVR allows only 1XXX.
        #expect(graph.verb(3)?.policy.last == "passes: operator, supervisor")
        #expect(graph.verb(4)?.policy.last == "passes: operator")
        // A templated number: nothing to decide before the call, so no list of profiles.
        #expect(
            graph.verb(5)?.policy == [
                "needs: dial rule for {{ Extension }}",
                "decided in the call: the number comes from a template",
            ])
        #expect(graph.verb(6)?.policy.last == "passes: agent, operator, ivr")
    }
}
