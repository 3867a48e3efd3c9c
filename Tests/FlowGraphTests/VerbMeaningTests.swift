import Language
import Testing

@testable import FlowGraph

/// What a verb does to the call and to the verbs after it is declared by
/// the verb (`VerbDefinition`); the checker's `unreachable` rule and the
/// graph's endings and decisions read that declaration.
@Suite struct VerbMeaningTests {
    static func verbs(_ body: String) -> [Verb] { Documents.script("<Response>\n\(body)\n</Response>").verbs }

    @Test func theVerbsThatEndTheCallSayTheyDo() {
        let endings = VerbRegistry.all.filter { $0.endsTheCall }.map { $0.elementName }
        #expect(endings.sorted() == ["Hangup", "Reject"])
    }

    @Test func whatEndsTheListIsDeclaredByEachVerb() {
        let verbs = Self.verbs(
            """
            <Hangup/>
            <Reject/>
            <Redirect>next.xml</Redirect>
            <Transfer>1002</Transfer>
            <Transfer attended="true">1002</Transfer>
            <Transfer attended="{{ attended }}">1002</Transfer>
            <Say>Hi.</Say>
            """)
        #expect(verbs.map(\.definition.endsTheList) == [true, true, true, true, false, false, false])
    }

    /// The hint names the verb and how it ends the list, as before the
    /// declaration moved (samples/invalid goldens hold the same texts).
    @Test func theUnreachableHintComesFromTheVerb() {
        func hint(_ body: String) -> String? {
            let result = ScriptChecker.check(
                bytes: Array("<Response>\n\(body)\n<Say>After.</Say>\n</Response>".utf8), file: "t.xml")
            return result.diagnostics.first { $0.code == "unreachable" }?.hint
        }
        #expect(hint("<Hangup/>") == "the <Hangup> at line 2 ends the call")
        #expect(hint("<Redirect>next.xml</Redirect>") == "the <Redirect> at line 2 hands the call to another document")
        #expect(
            hint("<Transfer>1002</Transfer>")
                == "the <Transfer> at line 2 hands the call away (a blind transfer; only a refused one goes on)")
        #expect(hint("<Transfer attended=\"true\">1002</Transfer>") == nil)
    }

    /// The node keeps the verb's definition: the picture's endings and
    /// decisions come from it, not from comparing names.
    @Test func nodesKeepTheirVerbsDefinition() {
        let graph = Documents([
            "main.xml": "<Response>\n<Gather/>\n<Say>Hi.</Say>\n<Reject/>\n</Response>"
        ]).graph()
        #expect(graph.verb(2)?.definition == Gather.self)
        #expect(graph.verb(2)?.isDecision == true)
        #expect(graph.verb(3)?.isDecision == false)
        #expect(graph.verb(3)?.isTerminalVerb == false)
        #expect(graph.verb(4)?.isTerminalVerb == true)
        #expect(graph.node("start")?.definition == nil)
    }
}
