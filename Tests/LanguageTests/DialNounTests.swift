import Testing

@testable import Language

/// `DialNoun.syntax(named:)`, the lookup the checker asks for every noun of
/// every `<Dial>`, names the same nouns as the table of the reference.
@Suite struct DialNounTests {
    @Test func theLookupNamesEveryNounOfTheTable() {
        #expect(DialNoun.syntaxes.count == DialNoun.all.count)
        for (name, syntax) in DialNoun.syntaxes {
            #expect(DialNoun.syntax(named: name).map(ObjectIdentifier.init) == ObjectIdentifier(syntax), "\(name)")
        }
    }

    @Test func andNothingElse() {
        for name in ["", "number", "Say", "LLMAgent", "Queue ", "Dial", "Numbers", "llm-agent"] {
            #expect(DialNoun.syntax(named: name) == nil, "\(name)")
        }
    }
}
