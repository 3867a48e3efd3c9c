import Diagnostics
import XMLParsing

/// `<LLM-Agent appId="…">agent id or instructions</LLM-Agent>`: hands the
/// call to an AI agent.
public struct LLMAgent: Sendable {
    public let agent: Template
    public let appId: Template?
    public let position: SourcePosition
}

extension LLMAgent: DialNounSyntax {
    static let elementName = "LLM-Agent"

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let appId = attributes.template("appId", about: "the app script the agent runs", &checker)
        attributes.finish(&checker)
        guard let agent = checker.expectText(element, required: "an agent id or instructions", anyText: true) else { return nil }
        return .llmAgent(LLMAgent(agent: agent, appId: appId, position: element.position))
    }
}

extension LLMAgent {
    static let reference = ElementReference(
        summary: "Hands the call to an AI agent; the text is an agent id or instructions.",
        run: "Needs the caller's profile to allow AI agents (policy); the hand-over is traced.")
}
