import Testing
@testable import FlowGraph

@Suite struct FlowGraphModelTests {
    @Test func anEmptyGraphHasNoNodes() {
        #expect(FlowGraph().nodes.isEmpty)
    }
}
